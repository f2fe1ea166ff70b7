"""
Workflow notifications, sent through ``django.tasks`` so that a slow mail
server never slows the admin (settings ``TASKS``; docs/workflow.md).

Each transition in ``AUDIENCES`` tells the people it concerns, by e-mail (one
message, to those with an address) and by a notice on their admin dashboard
(``Notice``). Nobody hears of their own action: the actor is always left out.
A change of the English text of a piece published in another language tells
that language's translators (``notify_translators``).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _, gettext_lazy

from articles.models import Article
from workflow.models import Notice, Transition

#: Who hears of each transition: ``owner`` (whoever created the article),
#: ``reviewers`` (everyone who may approve), ``publishers`` (everyone who may
#: publish), ``involved`` (whoever reviewed, approved or scheduled this article
#: before). The actor is never told of their own action.
AUDIENCES = {
    "submit": ("reviewers",),
    "request_changes": ("owner",),
    "approve": ("owner", "publishers"),
    "publish": ("owner", "involved"),
    "schedule": ("owner", "involved"),
    "reschedule": ("owner", "involved"),
    "publish_scheduled": ("owner", "involved"),
    "unpublish_scheduled": ("owner", "involved"),
}
#: A language version published (now or at its own time) is news like ``publish``.
LANGUAGE_AUDIENCE = ("owner", "involved")

#: The transitions that send an email.
NOTIFIED = tuple(AUDIENCES)

#: What the "involved" are: the people who took these steps on the article.
INVOLVING = ("approve", "request_changes", "schedule", "reschedule", "publish")

STALE = "translation_stale"

#: One line per kind: the notice on the dashboard and the e-mail's first line.
LINES = {
    "submit": gettext_lazy("%(actor)s submitted “%(title)s” for review."),
    "request_changes": gettext_lazy("%(actor)s asked for changes to “%(title)s”."),
    "approve": gettext_lazy("%(actor)s approved “%(title)s”."),
    "publish": gettext_lazy("%(actor)s published “%(title)s”."),
    "publish_language": gettext_lazy(
        "%(actor)s published the %(language)s version of “%(title)s”%(at)s."
    ),
    "schedule": gettext_lazy("%(actor)s scheduled “%(title)s” for %(when)s."),
    "reschedule": gettext_lazy("%(actor)s moved “%(title)s” to %(when)s."),
    "publish_scheduled": gettext_lazy("“%(title)s” was published on schedule."),
    "unpublish_scheduled": gettext_lazy("“%(title)s” was unpublished on schedule."),
    STALE: gettext_lazy(
        "The English text of “%(title)s” changed: check its %(language)s translation."
    ),
}

SUBJECTS = {
    "submit": gettext_lazy("For review: %(title)s"),
    "request_changes": gettext_lazy("Changes requested: %(title)s"),
    "approve": gettext_lazy("Approved: %(title)s"),
    "publish": gettext_lazy("Published: %(title)s"),
    "publish_language": gettext_lazy("Published (%(language)s): %(title)s"),
    "schedule": gettext_lazy("Scheduled: %(title)s"),
    "reschedule": gettext_lazy("Rescheduled: %(title)s"),
    "publish_scheduled": gettext_lazy("Published: %(title)s"),
    "unpublish_scheduled": gettext_lazy("Unpublished: %(title)s"),
    STALE: gettext_lazy("Translation to check: %(title)s"),
}


def _is_language_step(name):
    return name.startswith("publish_") and name[len("publish_") :] in dict(
        settings.LANGUAGES
    )


def audience(name):
    """The groups of people the transition ``name`` concerns (empty: nobody)."""
    if _is_language_step(name):
        return LANGUAGE_AUDIENCE
    return AUDIENCES.get(name, ())


def notified(name):
    return bool(audience(name))


def _with_permission(codename):
    User = get_user_model()
    return User.objects.filter(
        Q(groups__permissions__codename=codename)
        | Q(user_permissions__codename=codename)
        | Q(is_superuser=True),
        is_active=True,
    )


def recipients(record):
    """The users ``record`` (a ``Transition``) concerns, the actor left out, by id."""
    User = get_user_model()
    found = User.objects.none()
    for group in audience(record.name):
        if group == "owner":
            found |= User.objects.filter(
                pk=record.article.created_by_id, is_active=True
            )
        elif group == "reviewers":
            found |= _with_permission("review_article")
        elif group == "publishers":
            found |= _with_permission("publish_article")
        elif group == "involved":
            actors = Transition.objects.filter(
                article_id=record.article_id,
                name__in=INVOLVING,
                actor__isnull=False,
            ).values("actor_id")
            found |= User.objects.filter(pk__in=actors, is_active=True)
    if record.actor_id:
        found = found.exclude(pk=record.actor_id)
    return list(found.distinct().order_by("pk"))


def translators(language_code, exclude=None):
    """Who translates into ``language_code``: may translate, and is no editor."""
    people = [
        user
        for user in _with_permission("translate_article")
        .filter(is_superuser=False)
        .distinct()
        if not user.has_perm("workflow.edit_any_article")
    ]
    return [user for user in people if user.pk != exclude]


def _context(article, record=None, language=""):
    actor = record.actor if record is not None else None
    when = ""
    moment = None
    if record is not None and record.language:
        language = record.language
        moment = getattr(article, f"live_from_{record.language}", None)
    elif record is not None and record.name in ("schedule", "reschedule"):
        moment = article.published_at
    if moment is not None:
        local = timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")
        when = f"{local} ({timezone.get_current_timezone_name()})"
    return {
        "title": article.default_title,
        "actor": (actor.get_full_name() or actor.get_username())
        if actor
        else _("the system"),
        "language": str(dict(settings.LANGUAGES).get(language, language)),
        "when": when,
        "at": (" " + _("(live at %(when)s)") % {"when": when}) if when else "",
        "url": settings.SITE_URL
        + reverse("admin:articles_article_change", args=[article.pk]),
        "comment": record.comment if record is not None else "",
    }


def _kind(record):
    return "publish_language" if _is_language_step(record.name) else record.name


def line(kind, context):
    return str(LINES[kind]) % context


def _send(kind, context, people):
    addresses = sorted({user.email for user in people if user.email})
    if not addresses:
        return 0
    subject = str(SUBJECTS[kind]) % context
    body = line(kind, context)
    if context.get("comment"):
        body += "\n\n" + context["comment"]
    body += "\n\n" + _("Open it here: %(url)s") % context + "\n"
    send_mail(subject, body, None, addresses)
    return len(addresses)


@task()
def notify(transition_id: int) -> int:
    """Tell the people a transition concerns (e-mail and notice); the number of addresses."""
    record = (
        Transition.objects.select_related("article", "actor")
        .filter(pk=transition_id)
        .first()
    )
    if record is None or not notified(record.name):
        return 0
    people = recipients(record)
    Notice.objects.bulk_create(
        Notice(
            recipient=user,
            article=record.article,
            transition=record,
            kind=record.name,
        )
        for user in people
        if user.is_staff
    )
    with translation.override(settings.LANGUAGE_CODE):
        return _send(_kind(record), _context(record.article, record), people)


@task()
def notify_translators(
    article_id: int, language_code: str, actor_id: int | None
) -> int:
    """The English text of an article published in ``language_code`` changed: tell its translators."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None or not article.is_published_in(language_code):
        return 0
    people = translators(language_code, exclude=actor_id)
    Notice.objects.bulk_create(
        Notice(recipient=user, article=article, kind=STALE)
        for user in people
        if user.is_staff
    )
    with translation.override(settings.LANGUAGE_CODE):
        return _send(STALE, _context(article, language=language_code), people)


def notice_line(notice):
    """The notice's text, in the active language."""
    record = notice.transition
    kind = _kind(record) if record is not None else notice.kind
    language = ""
    if kind == STALE:
        language = next(
            (
                code
                for code, _name in settings.LANGUAGES
                if code != settings.LANGUAGE_CODE
            ),
            "",
        )
    return line(kind, _context(notice.article, record, language))
