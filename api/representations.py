"""
What the API says about each record: plain dicts built from what the
QuerySet methods loaded (no query here, except the rich text's references,
read in one query per kind). Call them with the response's language active.
"""

import re

from django.urls import reverse
from django.utils.translation import get_language

from api.conventions import absolute, iso
from articles.citations import citation_for
from articles.discovery import citation_texts
from articles.templatehelpers import in_language, stale_since
from core import richtext
from core.i18n import localized
from core.pictures import picture_set
from experts.templatehelpers import expert_status, profile_url

_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src|poster)=")(/[^/"][^"]*|/)"')
_SRCSET = re.compile(r'(\ssrcset=")([^"]*)"')


def api_url(name: str, *args, language: str | None = None) -> str:
    path = reverse(f"api:{name}", args=args)
    return absolute(f"{path}?lang={language or get_language()}")


def _absolute_srcset(srcset: str) -> str:
    return ", ".join(
        " ".join([absolute(url), *rest])
        for url, *rest in (item.strip().split(" ") for item in srcset.split(","))
        if url
    )


def absolute_html(html: str) -> str:
    """Rich text whose site addresses (links, pictures) are absolute."""
    html = _URL_ATTRIBUTE.sub(lambda m: f'{m[1]}{absolute(m[2])}"', html)
    return _SRCSET.sub(lambda m: f'{m[1]}{_absolute_srcset(m[2])}"', html)


def picture(image, spec: str) -> dict | None:
    """An image's renditions of ``spec``: absolute addresses, sizes and formats."""
    files = picture_set(image, spec)
    if files is None:
        return None
    return {
        "src": absolute(files["src"]),
        "srcset": _absolute_srcset(files["srcset"]),
        "sizes": files["sizes"],
        "width": files["width"],
        "height": files["height"],
        "sources": [
            {"type": s["type"], "srcset": _absolute_srcset(s["srcset"])}
            for s in files["sources"]
        ],
    }


def lead_image(article, spec: str) -> dict | None:
    if not article.lead_image_id:
        return None
    decorative = article.lead_image_is_decorative
    caption = article.lead_image_says("caption")
    return {
        "alt": "" if decorative else (article.lead_image_says("alt") or caption),
        "caption": caption,
        "credit": article.lead_image_says("credit"),
        "decorative": decorative,
        "renditions": picture(article.lead_image, spec),
    }


def article_type(t) -> dict:
    return {"slug": t.slug, "name": t.name, "plural": t.plural, "kind": t.kind}


def term(t, kind: str) -> dict:
    return {
        "slug": t.slug,
        "name": t.name,
        "description": t.description,
        "url": absolute(t.get_absolute_url()),
        "api_url": api_url(kind, t.slug),
        "parent": None,
        "children": [],
        "kind": kind,
    }


def author_link(expert, *, live: bool = False) -> dict:
    """An expert's name and addresses; ``live``: read from ``Expert.objects.live()``, so the profile exists."""
    url = expert.get_absolute_url() if live else profile_url(expert)
    return {
        "slug": expert.slug,
        "name": expert.name,
        "url": absolute(url) if url else None,
        "api_url": api_url("expert", expert.slug) if url else None,
    }


def translations(article) -> dict:
    """{code: {url, api_url, title}} of the languages readers see ``article`` in now."""
    found = {}
    for code in article.live_languages():
        slug = getattr(article, localized("slug", code))
        found[code] = {
            "url": absolute(article.url_in(code)),
            "api_url": api_url("article", slug, language=code),
            "title": getattr(article, localized("title", code)) or "",
        }
    return found


def _card(article, image_spec: str) -> dict:
    """What every card of an article says: its addresses, type, titles, date, authors and picture."""
    language = get_language()
    slug = getattr(article, localized("slug", language))
    return {
        "id": article.pk,
        "slug": slug,
        "url": absolute(article.url_in(language)),
        "api_url": api_url("article", slug),
        "type": article_type(article.type),
        "title": article.title,
        "subtitle": article.subtitle,
        "published_at": iso(article.published_at),
        "authors": [author_link(a.expert) for a in article.byline()],
        "lead_image": lead_image(article, image_spec),
    }


def article_card(article, *, image_spec: str = "card") -> dict:
    """An article as a list shows it."""
    return {
        **_card(article, image_spec),
        "summary": article.summary,
        "series": article.series,
        "series_number": article.series_number,
        "series_label": article.series_label,
        "translations": translations(article),
    }


def rail_card(article) -> dict:
    """A "Recommended" item: a card without summary (the rail's read leaves it out)."""
    return _card(article, "rail")


def byline_entry(authorship) -> dict:
    """An author of an article: the live profile (bio card) and the byline frozen at publication."""
    expert = authorship.expert
    language = get_language()
    frozen = authorship.frozen.get(language) if authorship.frozen else None
    return {
        **author_link(expert),
        "titles": expert.title_list,
        "short_bio": in_language(expert, "short_bio"),
        "headshot": picture(expert.headshot, "bio") if expert.headshot_id else None,
        "frozen": (
            {
                "name": frozen.get("name", ""),
                "titles": frozen.get("titles", ""),
                "short_bio": frozen.get("short_bio", ""),
            }
            if frozen
            else None
        ),
    }


def article_detail(article) -> dict:
    """Everything the article page shows (``articles.selectors.article_for_page()``'s read)."""
    language = get_language()
    kind = article.type.kind
    citation = citation_texts(article)
    pdf = None
    if article.pdf_id:
        pdf = {"url": absolute(article.get_pdf_url()), "size": article.pdf.size}
    return {
        **article_card(article, image_spec="lead"),
        "body": absolute_html(str(richtext.present(article.body))),
        "author_note": article.author_note,
        "first_published_at": iso(article.first_published_at),
        "updated_in_source_language_at": iso(stale_since(article)),
        "byline": [byline_entry(a) for a in article.byline()],
        "topics": [term(t, "topic") for t in article.topics.all()],
        "regions": [term(r, "region") for r in article.regions.all()],
        "op_ed": (
            {
                "outlet": article.outlet_name,
                "url": article.outlet_url,
                "date_text": article.outlet_date_text,
            }
            if kind == "op_ed"
            else None
        ),
        "testimony": (
            {
                "venue": article.venue,
                "hearing_date": (
                    article.hearing_date.isoformat() if article.hearing_date else None
                ),
            }
            if kind == "testimony"
            else None
        ),
        "report": (
            {"page_count": article.page_count, "pdf": pdf} if kind == "report" else None
        ),
        "pdf": pdf,
        "canonical_url": article.original_url or absolute(article.url_in(language)),
        "citation": {
            **_citation_fields(article, language),
            "chicago": citation["chicago"],
            "apa": citation["apa"],
            "bibtex_url": absolute(citation["bibtex_url"]),
            "ris_url": absolute(citation["ris_url"]),
        },
        "recommended": [rail_card(item) for item in article.rail],
    }


def _citation_fields(article, language: str) -> dict:
    """What citations are made of (``articles.citations``): authors as frozen, date, publisher."""
    c = citation_for(article, language_code=language)
    return {
        "authors": [author.name for author in c.authors],
        "title": c.title,
        "date": c.date_iso,
        "publisher": c.publisher,
        "container": c.container,
        "url": absolute(c.url),
    }


def expert_summary(expert) -> dict:
    return {
        **author_link(expert, live=True),
        "sort_name": expert.sort_name,
        "titles": expert.title_list,
        "status": expert.status,
        "status_line": expert_status(expert),
        "short_bio": in_language(expert, "short_bio"),
        "headshot": picture(expert.headshot, "bio") if expert.headshot_id else None,
    }
