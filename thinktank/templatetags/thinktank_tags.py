"""Site chrome: the Issues and Regions menus, the language switcher and hreflang links."""

from django import template
from django.conf import settings
from django.db.models import CharField, QuerySet, Value
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from taxonomy.models import Region, Topic
from thinktank.i18n import language_codes, localized

register = template.Library()


@register.simple_tag
def chrome_menus() -> dict[str, list[dict]]:
    """
    The Issues (topics) and Regions & Countries menus, roots with their children.

    Costs exactly one query: topics and regions are read in a single UNION.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    name = localized("name", language)
    fields = dict.fromkeys(
        ("kind", "pk", "slug", "parent_id", "sort_order", "name_en", name)
    )

    def terms(model, kind):
        # A plain QuerySet without ordering: SQLite refuses ORDER BY inside
        # the parts of a UNION, and modeltranslation's re-adds Meta.ordering.
        return (
            QuerySet(model)
            .order_by()
            .annotate(kind=Value(kind, output_field=CharField()))
            .values(*fields)
        )

    rows = terms(Topic, "topic").union(terms(Region, "region"), all=True)
    menus = {"topic": [], "region": []}
    children = {}
    for row in rows.order_by("kind", "sort_order", "slug"):
        item = {
            "name": row[name] or row["name_en"],
            "url": reverse("policy_analysis", args=[row["slug"]]),
            "children": children.setdefault((row["kind"], row["pk"]), []),
        }
        if row["parent_id"] is None:
            menus[row["kind"]].append(item)
        else:
            children.setdefault((row["kind"], row["parent_id"]), []).append(item)
    return {"topics": menus["topic"], "regions": menus["region"]}


def _language_name(code: str) -> str:
    """A language's name written in that language ("العربية", "English")."""
    with translation.override(code):
        return str(dict(settings.LANGUAGES)[code])


def _home_url(code: str) -> str:
    with translation.override(code):
        try:
            return reverse("home")
        except NoReverseMatch:
            return "/" if code == settings.LANGUAGE_CODE else f"/{code}/"


@register.simple_tag(takes_context=True)
def other_languages(context, *, fallback_home: bool = False) -> list[dict]:
    """
    The current page in the other languages, from the view's ``alternates``
    (``{code: url}``). Without a version in some language, that language is
    left out, or with ``fallback_home`` points at that language's home page.
    """
    alternates = context.get("alternates") or {}
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


@register.inclusion_tag("components/hreflang_links.html", takes_context=True)
def hreflang_links(context) -> dict:
    """
    ``<link rel="alternate" hreflang>`` for every language version, plus ``x-default``,
    on the public address (``SITE_URL``) like the canonical link. None on a page
    whose canonical address is on another site (``canonical_elsewhere``: an op-ed
    published on its outlet's), as alternates only make sense between canonical pages.
    """
    alternates = context.get("alternates") or {}
    if len(alternates) < 2 or context.get("canonical_elsewhere"):
        return {"links": []}
    links = [
        (code, f"{settings.SITE_URL}{alternates[code]}")
        for code in language_codes()
        if code in alternates
    ]
    default = alternates.get(settings.LANGUAGE_CODE)
    if default:
        links.append(("x-default", f"{settings.SITE_URL}{default}"))
    return {"links": links}
