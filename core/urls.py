"""
Addresses of records by slug, without resolving the URLconf each time.

``reverse()`` walks the URL patterns on every call, and a page with a hundred
links to topics pays for it a hundred times. The pattern of an address is
fixed for a language and a URLconf, so it is worked out once per process and
the slug put in its place.
"""

from functools import cache

from django.urls import get_urlconf, reverse
from django.utils import translation

_SLOT = "slug-slot-0"


@cache
def _pattern(viewname: str, language: str, urlconf, rest: tuple) -> tuple[str, str]:
    with translation.override(language):
        address = reverse(viewname, args=[_SLOT, *rest], urlconf=urlconf)
    before, after = address.split(_SLOT)
    return before, after


def slug_url_parts(viewname: str, language: str) -> tuple[str, str]:
    """What comes before and after the slug in ``viewname``'s addresses in ``language``: for many addresses at once."""
    return _pattern(viewname, language, get_urlconf(), ())


def slug_url(
    viewname: str, slug: str, language: str | None = None, *, rest: tuple = ()
) -> str:
    """
    ``reverse(viewname, args=[slug, *rest])`` in ``language`` (default: the
    active one); ``rest``: the address's other arguments, a few fixed values
    (``("bib",)``).
    """
    if not slug:
        return reverse(viewname, args=[slug, *rest])  # refused as reverse() refuses it
    language = language or translation.get_language()
    before, after = _pattern(viewname, language, get_urlconf(), rest)
    return f"{before}{slug}{after}"


@cache
def _page(viewname: str, language: str, urlconf) -> str:
    with translation.override(language):
        return reverse(viewname, urlconf=urlconf)


def page_url(viewname: str, language: str | None = None) -> str:
    """``reverse(viewname)`` (a page without arguments) in ``language`` (default: the active one)."""
    return _page(viewname, language or translation.get_language(), get_urlconf())
