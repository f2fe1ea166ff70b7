"""Reads for the admin dashboard: each list is one bounded query."""

from django.db.models import Q

from articles.models import Article, StaleTranslation, Status
from core.i18n import localized, localized_fields, other_language_codes
from workflow import services
from workflow.models import Notice
from workflow.tasks import notice_line

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
    notices = [
        {
            "article": notice.article,
            "text": notice_line(notice),
            "at": notice.created_at,
        }
        for notice in Notice.objects.unread()
        .filter(recipient=user)
        .select_related("article", "transition__actor")
        .order_by("-created_at", "-pk")[:LIMIT]
    ]
    lists = {
        "notices": notices,
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
    if user.has_perm("workflow.translate_article"):
        lists.update(translation_queue())
    return lists


def translation_queue():
    """
    A translator's queue: the articles whose translation is older than their
    English text (oldest first), and the published ones not yet published in
    the other languages. Two queries.
    """
    stale, seen = [], set()
    for row in (
        StaleTranslation.objects.filter(article__deleted_at__isnull=True)
        .select_related("article")
        .only(
            "since",
            "article__id",
            *(f"article__{f}" for f in localized_fields("title")),
        )
        .order_by("since", "pk")[: LIMIT * 5]
    ):
        if row.article_id not in seen and len(stale) < LIMIT:
            seen.add(row.article_id)
            row.article.stale_since = row.since
            stale.append(row.article)
    missing = ~Q()
    for code in other_language_codes():
        missing &= Q(**{localized("available", code): False})
    untranslated = list(
        Article.objects.published()
        .filter(missing)
        .only("pk", *localized_fields("title"), "published_at")
        .order_by("-published_at", "-pk")[:LIMIT]
    )
    return {"stale_translations": stale, "untranslated": untranslated}
