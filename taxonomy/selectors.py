"""Reads of topics and regions for the site's chrome."""

from functools import cache, lru_cache
from typing import NamedTuple

from django.conf import settings

from core.i18n import localized
from core.rows import fetch, quoted
from core.urls import slug_url_parts
from taxonomy.models import Region, Topic


class MenuTerm(NamedTuple):
    """A term in a menu: its name, its landing's address and its children (``MenuTerm``)."""

    name: str
    url: str
    children: tuple["MenuTerm", ...]


def menu_terms(language_code: str) -> dict[str, tuple[MenuTerm, ...]]:
    """
    The Issues (topics) and Regions & Countries menus in ``language_code``:
    ``{"topics": (...), "regions": (...)}``, roots in the editors' order with
    their children. One query, on every page, so it is written by hand
    (``core.rows``); the menus are built once for the same rows.
    """
    rows = tuple(fetch(_menu_sql(language_code)))
    return dict(_menus(rows, slug_url_parts("policy_analysis", language_code)))


@lru_cache(maxsize=16)
def _menus(rows: tuple, address: tuple[str, str]) -> dict[str, tuple[MenuTerm, ...]]:
    before, after = address
    roots = {"topic": [], "region": []}
    children = {}
    for kind, pk, slug, parent_id, _order, name, default_name in rows:
        item = (kind, pk, name or default_name, f"{before}{slug}{after}")
        if parent_id is None:
            roots[kind].append(item)
        else:
            children.setdefault((kind, parent_id), []).append(item)

    def term(kind, pk, name, url) -> MenuTerm:
        below = children.get((kind, pk), ())
        return MenuTerm(name, url, tuple(term(*child) for child in below))

    return {
        "topics": tuple(term(*item) for item in roots["topic"]),
        "regions": tuple(term(*item) for item in roots["region"]),
    }


@cache
def _menu_sql(language_code: str) -> str:
    name = quoted(Topic._meta.get_field(localized("name", language_code)).column)
    default = quoted(
        Topic._meta.get_field(localized("name", settings.LANGUAGE_CODE)).column
    )
    parts = [
        f"SELECT '{kind}' AS kind, id, slug, parent_id, {quoted('sort_order')},"
        f" {name}, {default} FROM {model._meta.db_table}"
        for kind, model in (("topic", Topic), ("region", Region))
    ]
    return " UNION ALL ".join(parts) + " ORDER BY 1, 5, 3"
