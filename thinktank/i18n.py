"""Helpers for per-language columns (``title_en``, ``title_ar``…)."""

from django.conf import settings
from django.urls import translate_url
from modeltranslation.utils import build_localized_fieldname


def language_codes() -> list[str]:
    """The site's language codes, the default first."""
    return [code for code, _name in settings.LANGUAGES]


def localized_fields(field: str) -> list[str]:
    """Every language's column for ``field``: ``["title_en", "title_ar"]``."""
    return [build_localized_fieldname(field, code) for code in language_codes()]


def localized(field: str, language: str) -> str:
    """One language's column for ``field``: ``localized("title", "ar") == "title_ar"``."""
    return build_localized_fieldname(field, language)


def same_page_in_every_language(request, *, query: str = "") -> dict[str, str]:
    """
    ``{code: url}`` of the current page in every language, for pages that
    exist in all: its path, then ``query`` (``thinktank.listing.canonical_query()``).
    """
    return {
        code: translate_url(request.path, code) + query for code in language_codes()
    }
