"""
Workflow notifications, sent through ``django.tasks`` so that a slow mail
server never slows the admin (settings ``TASKS``; docs/workflow.md).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from workflow.models import Transition

#: The transitions that send an email.
NOTIFIED = ("submit", "request_changes")


def _recipients(record):
    User = get_user_model()
    if record.name == "submit":
        editors = User.objects.filter(
            Q(groups__permissions__codename="review_article")
            | Q(user_permissions__codename="review_article")
            | Q(is_superuser=True),
            is_active=True,
        ).exclude(email="")
        return sorted(set(editors.values_list("email", flat=True)))
    creator = record.article.created_by
    if creator is not None and creator.is_active and creator.email:
        return [creator.email]
    return []


@task()
def notify(transition_id: int) -> int:
    """Email the people a transition concerns; the number of recipients."""
    record = (
        Transition.objects.select_related("article", "actor", "article__created_by")
        .filter(pk=transition_id)
        .first()
    )
    if record is None or record.name not in NOTIFIED:
        return 0
    recipients = _recipients(record)
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "title": record.article.default_title,
            "actor": (record.actor.get_full_name() or record.actor.get_username())
            if record.actor
            else _("the system"),
            "url": settings.SITE_URL
            + reverse("admin:articles_article_change", args=[record.article_id]),
            "comment": record.comment,
        }
        if record.name == "submit":
            subject = _("For review: %(title)s") % context
            body = (
                _(
                    "%(actor)s submitted “%(title)s” for review.\n\nReview it here: %(url)s\n"
                )
                % context
            )
        else:
            subject = _("Changes requested: %(title)s") % context
            body = (
                _(
                    "%(actor)s asked for changes to “%(title)s”:\n\n%(comment)s\n\n"
                    "Edit it here: %(url)s\n"
                )
                % context
            )
    send_mail(subject, body, None, recipients)
    return len(recipients)
