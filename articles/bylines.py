"""
Frozen bylines: each author's name, titles and short bio as they were when
the article was first published, kept on the ``Authorship``.

``freeze(article)`` fills ``Authorship.frozen`` for the authorships of a
published article that have none yet; it runs after every save of an
article that has a ``first_published_at`` (so at first publication, through
the workflow's transition or the admin) and after the admin saves the
byline. ``as_published(authorship)`` is what citations read.
"""

from types import SimpleNamespace

from django.conf import settings
from django.utils import translation

from articles.models import Authorship
from core.i18n import language_codes, localized


def snapshot_of(expert) -> dict:
    frozen = {"sort_name": expert.sort_name or ""}
    for code in language_codes():
        frozen[code] = {
            name: getattr(expert, localized(name, code)) or ""
            for name in ("name", "titles", "short_bio")
        }
    return frozen


def freeze(article) -> int:
    """Keep the byline of a published ``article`` as it is now; returns how many were frozen."""
    if not article.pk or not article.first_published_at:
        return 0
    pending = list(
        Authorship.objects.filter(article_id=article.pk, frozen={}).select_related(
            "expert"
        )
    )
    for authorship in pending:
        authorship.frozen = snapshot_of(authorship.expert)
    Authorship.objects.bulk_update(pending, ["frozen"])
    return len(pending)


def as_published(authorship):
    """The author as the article first published them, in the active language (live values as fallback)."""
    expert = authorship.expert
    frozen = authorship.frozen or {}
    language = translation.get_language() or settings.LANGUAGE_CODE
    then = frozen.get(language) or {}
    return SimpleNamespace(
        name=then.get("name") or expert.name,
        titles=then.get("titles") or expert.titles,
        short_bio=then.get("short_bio") or expert.short_bio,
        sort_name=frozen.get("sort_name") or expert.sort_name,
    )
