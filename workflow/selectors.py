"""Reads for the admin dashboard: each list is one bounded query."""

from articles.models import Article, Status
from core.i18n import localized_fields
from workflow import services

#: Rows per dashboard list.
LIMIT = 8


def dashboard(user):
    """
    ``{list name: [articles]}`` for the admin index: the user's drafts, what
    awaits review, changes requested of the user, what is scheduled, and
    what was published recently. Five queries at most, none for a role that
    cannot see articles.
    """
    if not user.has_perm("articles.view_article"):
        return {}
    base = Article.objects.only(
        "pk", *localized_fields("title"), "status", "published_at", "updated_at"
    )
    mine = base.filter(created_by=user)
    # The articles this user sees in the admin (not what readers see).
    listed = base if services.is_editor(user) or services.is_translator(user) else mine
    return {
        "drafts": list(
            mine.filter(status=Status.DRAFT).order_by("-updated_at")[:LIMIT]
        ),
        "in_review": list(
            listed.filter(status=Status.IN_REVIEW).order_by("updated_at")[:LIMIT]
        ),
        "changes_requested": list(
            mine.filter(status=Status.CHANGES_REQUESTED).order_by("-updated_at")[:LIMIT]
        ),
        "scheduled": list(
            listed.filter(status=Status.SCHEDULED).order_by("published_at")[:LIMIT]
        ),
        "published": list(listed.published().order_by("-published_at")[:LIMIT]),
    }
