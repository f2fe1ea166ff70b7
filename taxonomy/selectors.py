"""Reads of topics and regions for the site's chrome."""

from functools import cache

from django.conf import settings

from core.rows import fetch, quoted
from core.urls import slug_url
from taxonomy.models import Region, Topic
from thinktank.i18n import localized


def menu_terms(language_code: str) -> dict[str, list[dict]]:
    """
    The Issues (topics) and Regions & Countries menus in ``language_code``:
    ``{"topics": [...], "regions": [...]}``, each item ``{name, url, children}``,
    roots in the editors' order with their children. One query, on every page,
    so it is written by hand (``core.rows``).
    """
    menus = {"topic": [], "region": []}
    children = {}
    for kind, pk, slug, parent_id, _order, name, default_name in fetch(
        _menu_sql(language_code)
    ):
        item = {
            "name": name or default_name,
            "url": slug_url("policy_analysis", slug, language_code),
            "children": children.setdefault((kind, pk), []),
        }
        if parent_id is None:
            menus[kind].append(item)
        else:
            children.setdefault((kind, parent_id), []).append(item)
    return {"topics": menus["topic"], "regions": menus["region"]}


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
