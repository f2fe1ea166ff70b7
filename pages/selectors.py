"""Reads of the institute pages for the site's chrome and the page itself."""

from functools import cache, lru_cache
from typing import NamedTuple

from core.i18n import language_codes, localized
from core.rows import ValuesRead
from core.urls import slug_url_parts
from pages.models import Page


class ChromePage(NamedTuple):
    """A page in a menu: its title and address."""

    title: str
    url: str


def chrome_pages(language_code: str) -> dict[str, tuple[ChromePage, ...]]:
    """
    The pages of the main menu and of the footer live in ``language_code``:
    ``{"menu": (...), "footer": (...)}``, in the editors' order. One query,
    on every page, its statement compiled once per process
    (``core.rows.ValuesRead``); the lists are built once for the same rows.
    """
    read = _chrome_read(language_code)
    rows = tuple(
        tuple(row[position] for position in read.positions) for row in read.rows()
    )
    return _chrome(rows, slug_url_parts("page", language_code))


@cache
def _chrome_read(language_code: str) -> ValuesRead:
    """The chrome's read in ``language_code``: its SQL has no moment and no request's value in it."""
    return ValuesRead(
        Page.objects.live(language_code).in_chrome(),
        localized("title", language_code),
        localized("slug", language_code),
        "in_main_menu",
        "in_footer",
    )


@lru_cache(maxsize=16)
def _chrome(rows: tuple, address: tuple[str, str]) -> dict[str, tuple[ChromePage, ...]]:
    before, after = address
    menu, footer = [], []
    for title, slug, in_menu, in_footer in rows:
        page = ChromePage(title, f"{before}{slug}{after}")
        if in_menu:
            menu.append(page)
        if in_footer:
            footer.append(page)
    return {"menu": tuple(menu), "footer": tuple(footer)}


def page_for_reader(slug: str, language_code: str) -> Page | None:
    """The page live in ``language_code`` at ``slug``, or None (one query)."""
    return (
        Page.objects.live(language_code)
        .filter(**{localized("slug", language_code): slug})
        .first()
    )


def page_by_any_slug(slug: str) -> Page | None:
    """The page with ``slug`` in some language, live or not (not in the trash), or None."""
    for code in language_codes():
        page = Page.objects.filter(**{localized("slug", code): slug}).first()
        if page is not None:
            return page
    return None
