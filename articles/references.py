"""
What rich text refers to among articles: internal links (``data-ref="article:<pk>"``)
for ``core.richtext``, and the bodies that use a library image or document, for
``library.usage`` (an image in a body cannot be deleted).
"""

from django.db.models import BooleanField, Case, Value, When

from articles.models import Article, live_q
from core.i18n import localized, localized_fields
from core.richtext import referring_q, register_chooser, register_reference
from core.urls import slug_url
from experts.models import Expert
from library.usage import Use, admin_url, find_uses_with


def resolve_articles(ids, language_code):
    """{pk: (title, url or None while readers of that language cannot see it)}, in one query."""
    slug, title = localized("slug", language_code), localized("title", language_code)
    rows = (
        Article._base_manager.filter(pk__in=ids)
        .annotate(
            is_live=Case(
                When(live_q(language_code), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .values("pk", title, "title_en", slug, "is_live")
    )
    return {
        row["pk"]: (
            row[title] or row["title_en"],
            slug_url("policy_analysis", row[slug], language_code)
            if row["is_live"] and row[slug]
            else None,
        )
        for row in rows
    }


def bodies_using(record) -> list[Use]:
    """The articles whose body (any language) shows ``record``, trashed ones included."""
    needle = (
        f'data-image="{record.pk}"'
        if record._meta.model_name == "image"
        else f'data-ref="document:{record.pk}"'
    )
    articles = Article._base_manager.filter(
        referring_q(localized_fields("body"), needle)
    )
    experts = Expert._base_manager.filter(referring_q(localized_fields("bio"), needle))
    return [
        Use(str(row), admin_url(row), row, "body")
        for rows in (articles, experts)
        for row in rows
    ]


def connect():
    register_reference("article", resolve_articles)
    find_uses_with(bodies_using)
    register_chooser(
        "article",
        Article,
        localized_fields("title"),
        lambda m: m._base_manager.filter(deleted_at__isnull=True),
    )
