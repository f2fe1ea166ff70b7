"""
Site chrome: the Issues and Regions menus, the language switcher and hreflang
links. Plain functions; ``thinktank.jinja2`` gives them to the templates.
"""

from functools import cache, lru_cache

from django.conf import settings
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from markupsafe import Markup, escape

from core.i18n import language_codes, site_name
from core.urls import page_url
from pages.selectors import ChromePage, chrome_pages as pages_in_chrome
from taxonomy.selectors import MenuTerm, menu_terms


def chrome_menus() -> dict[str, tuple[MenuTerm, ...]]:
    """The Issues (topics) and Regions & Countries menus, roots with their children (one query)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return menu_terms(language)


def chrome_pages() -> dict[str, tuple[ChromePage, ...]]:
    """The institute pages of the main menu and the footer (``{"menu": …, "footer": …}``, one query)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return pages_in_chrome(language)


def site_footer_details() -> dict:
    """The footer's contact details in the active language, social links and the year (no query)."""
    contact = settings.SITE_CONTACT
    addresses = contact.get("address") or {}
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "name": site_name(language),
        "email": contact.get("email", ""),
        "phone": contact.get("phone", ""),
        "address": addresses.get(language) or addresses.get(settings.LANGUAGE_CODE, ""),
        "social": [{"name": name, "url": url} for name, url in settings.SOCIAL_LINKS],
        "year": timezone.localdate().year,
    }


@lru_cache(maxsize=32, typed=True)
def term_menu(label: str, terms: tuple[MenuTerm, ...]) -> Markup:
    """
    A drop-down menu of terms (no script: a ``details`` element), from
    ``chrome_menus``, children one level deep.

    Built here rather than in a template, and once for the same menu: every
    page carries a hundred of these links.
    """
    if not terms:
        return Markup()
    parts = [
        (
            f'<li class="term-menu"><details><summary>{escape(label)}</summary>'
            '<ul class="term-menu__list">'
        )
    ]
    for term in terms:
        parts.append(f'<li><a href="{escape(term.url)}">{escape(term.name)}</a>')
        if term.children:
            parts.append("<ul>")
            parts.extend(
                f'<li><a href="{escape(child.url)}">{escape(child.name)}</a></li>'
                for child in term.children
            )
            parts.append("</ul>")
        parts.append("</li>")
    parts.append("</ul></details></li>")
    return Markup("".join(parts))


@cache
def _language_name(code: str) -> str:
    """A language's name written in that language ("العربية", "English"); fixed per process."""
    with translation.override(code):
        return str(dict(settings.LANGUAGES)[code])


def _home_url(code: str) -> str:
    try:
        return page_url("home", code)
    except NoReverseMatch:
        return "/" if code == settings.LANGUAGE_CODE else f"/{code}/"


def other_languages(
    alternates: dict | None, *, fallback_home: bool = False
) -> list[dict]:
    """
    The current page in the other languages, from the view's ``alternates``
    (``{code: url}``). Without a version in some language, that language is
    left out, or with ``fallback_home`` points at that language's home page.
    """
    alternates = alternates or {}
    current = translation.get_language()
    links = []
    for code in language_codes():
        if code == current:
            continue
        url = alternates.get(code) or (_home_url(code) if fallback_home else None)
        if url:
            links.append(
                {
                    "code": code,
                    "name": _language_name(code),
                    "url": url,
                    "bidi": translation.get_language_info(code)["bidi"],
                }
            )
    return links


def hreflang_alternates(
    alternates: dict | None, *, canonical_elsewhere: bool = False
) -> list[tuple[str, str]]:
    """
    (code, absolute URL) of every language version for ``<link rel="alternate"
    hreflang>``, plus ``x-default``, on the public address (``SITE_URL``) like
    the canonical link. None on a page whose canonical address is on another
    site (``canonical_elsewhere``: an op-ed published on its outlet's), as
    alternates only make sense between canonical pages.
    """
    alternates = alternates or {}
    if len(alternates) < 2 or canonical_elsewhere:
        return []
    links = [
        (code, f"{settings.SITE_URL}{alternates[code]}")
        for code in language_codes()
        if code in alternates
    ]
    default = alternates.get(settings.LANGUAGE_CODE)
    if default:
        links.append(("x-default", f"{settings.SITE_URL}{default}"))
    return links
