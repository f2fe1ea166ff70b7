"""Helpers for per-language columns (``title_en``, ``title_ar``…)."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname


def site_name(language_code: str | None = None) -> str:
    """The institute's name in ``language_code`` (default: the active language), from ``SITE_NAMES``, else ``SITE_NAME``."""
    code = language_code or get_language() or settings.LANGUAGE_CODE
    return settings.SITE_NAMES.get(code) or settings.SITE_NAME


def language_codes() -> list[str]:
    """The site's language codes, the default first."""
    return [code for code, _name in settings.LANGUAGES]


def default_language() -> str:
    """The site's default language: the one every translation is made from."""
    return settings.LANGUAGE_CODE


def other_language_codes() -> list[str]:
    """The site's languages but the default, in site order."""
    return [code for code in language_codes() if code != default_language()]


def localized_fields(field: str) -> list[str]:
    """Every language's column for ``field``: ``["title_en", "title_ar"]``."""
    return [build_localized_fieldname(field, code) for code in language_codes()]


def localized(field: str, language: str) -> str:
    """One language's column for ``field``: ``localized("title", "ar") == "title_ar"``."""
    return build_localized_fieldname(field, language)


def in_default_language(obj, field: str):
    """``obj``'s ``field`` in the default language: its own column, whichever language is active."""
    return getattr(obj, localized(field, default_language()))


def same_page_in_every_language(request, *, query: str = "") -> dict[str, str]:
    """
    ``{code: url}`` of the current page in every language, for pages that
    exist in all: its path, then ``query`` (``core.listing.canonical_query()``).
    """
    return {
        code: translate_url(request.path, code) + query for code in language_codes()
    }
