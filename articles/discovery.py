"""
Being found and cited: feed links, social and Scholar metadata, JSON-LD and
"Cite this", for the page templates (``thinktank.jinja2`` gathers them). None
of these helpers queries: they read what the page's QuerySet method
prefetched (``for_detail()``, ``for_profile()``).
"""

import json
from urllib.parse import quote

from django.conf import settings
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from articles.citations import apa, chicago, citation_for
from articles.feeds import feed_urls
from articles.models import Article, ArticleType, TypeKind
from core.i18n import localized, site_name
from core.pictures import og_rendition, rendition_url
from core.urls import slug_url

# What json_script escapes, so that no title can close the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute(path: str) -> str:
    """``path`` on the public site (``settings.SITE_URL``); full URLs pass unchanged."""
    if not path or "://" in path:
        return path or ""
    return f"{settings.SITE_URL}{path}"


def json_ld(data: dict) -> SafeString:
    """A ``<script type="application/ld+json">`` data block, escaped like ``json_script``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(
        _JSON_SCRIPT_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def _language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def page_feeds(
    obj=None, *, latest: bool = True
) -> list[tuple[str | None, dict[str, str]]]:
    """
    The feeds a page links to (``components/feed_links.html``): the latest
    analysis (unless ``latest=False``) and ``obj``'s feed, as (label, or None
    for the latest analysis, ``{"rss": url, "atom": url}``) pairs.
    """
    if hasattr(obj, "selected"):  # a listing's filter form: the chosen type's feed
        obj = obj.selected("type")
    feeds = [(None, feed_urls())] if latest else []
    if obj is not None:
        feeds.append(
            (str(obj.plural if isinstance(obj, ArticleType) else obj), feed_urls(obj))
        )
    return feeds


def _person(expert, language_code: str) -> dict:
    person = {"@type": "Person", "name": expert.name}
    if expert.has_page_in(language_code):
        person["url"] = absolute(expert.get_absolute_url())
    if expert.title_list:
        person["jobTitle"] = expert.title_list[0]
    person["affiliation"] = {"@type": "Organization", "name": site_name(language_code)}
    return person


def _pdf_url(article: Article) -> str:
    if not article.pdf:
        return ""
    if hasattr(article, "get_pdf_url"):
        return absolute(article.get_pdf_url())
    return absolute(article.pdf.url)


def article_json_ld(article: Article) -> SafeString:
    """
    schema.org ``Article`` (``Report`` for reports) with authors, publisher and
    translations. An op-ed an outlet published is described as the outlet's
    work, as its citations describe it: at the outlet's address, with the outlet
    as publisher, on the outlet's date.
    """
    language = _language()
    c = citation_for(article, language_code=language)
    schema_type = "Report" if article.type.kind == TypeKind.REPORT else "Article"
    url = c.url
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "@id": url,
        "url": url,
        "headline": article.title,
        "name": article.title,
        "inLanguage": language,
        "datePublished": published_time(article),
        "author": [_person(a.expert, language) for a in article.byline()],
        "publisher": {"@type": "Organization", "name": c.container}
        if c.container
        else {"@type": "Organization", "name": c.publisher, "url": absolute("/")},
        "genre": article.type.name,
        "isAccessibleForFree": True,
    }
    if not c.container:
        data["dateModified"] = timezone.localtime(article.updated_at).isoformat()
    if article.subtitle:
        data["alternativeHeadline"] = article.subtitle
    if article.summary:
        data["description"] = article.summary
    if article.lead_image:
        data["image"] = og_rendition(article.lead_image)["url"]
    if schema_type == "Report" and article.series_number:
        data["reportNumber"] = f"{article.series} {article.series_number}".strip()
    keywords = [t.name for t in (*article.topics.all(), *article.regions.all())]
    if keywords:
        data["keywords"] = keywords
    others = [code for code in article.live_languages() if code != language]
    if article.original_url:
        # Our language versions are not translations of the outlet's page.
        others = []
    original = settings.LANGUAGE_CODE
    if language != original and original in others:
        data["translationOfWork"] = {
            "@type": schema_type,
            "@id": absolute(article.url_in(original)),
            "inLanguage": original,
        }
        others.remove(original)
    if others:
        data["workTranslation"] = [
            {
                "@type": schema_type,
                "@id": absolute(article.url_in(code)),
                "inLanguage": code,
            }
            for code in others
        ]
    return json_ld(data)


def expert_json_ld(expert) -> SafeString:
    """schema.org ``Person`` for an expert profile."""
    language = _language()
    data = {"@context": "https://schema.org", **_person(expert, language)}
    data["url"] = absolute(expert.get_absolute_url())
    if expert.title_list:
        data["jobTitle"] = expert.title_list
    if expert.short_bio:
        data["description"] = expert.short_bio
    if expert.headshot:
        data["image"] = absolute(rendition_url(expert.headshot, "profile"))
    topics = [t.name for t in (*expert.topics.all(), *expert.regions.all())]
    if topics:
        data["knowsAbout"] = topics
    if expert.profiles:
        data["sameAs"] = [url for _label, url in expert.profiles]
    return json_ld(data)


def scholar_tags(article: Article) -> list[tuple[str, str]]:
    """Google Scholar's ``citation_*`` (name, content) pairs, authors in the byline's order."""
    language = _language()
    c = citation_for(article, language_code=language)
    tags = [("citation_title", c.title)]
    tags += [("citation_author", author.inverted) for author in c.authors]
    tags += [
        ("citation_publication_date", c.date_iso.replace("-", "/")),
        ("citation_language", language),
        ("citation_journal_title", c.container)
        if c.container
        else ("citation_publisher", c.publisher),
        ("citation_abstract_html_url", c.url),
    ]
    if article.type.kind == TypeKind.REPORT:
        tags.append(("citation_technical_report_institution", c.publisher))
        if c.series_label:
            tags.append(("citation_technical_report_number", c.series_label))
    if pdf := _pdf_url(article):
        tags.append(("citation_pdf_url", pdf))
    return tags


def published_time(article: Article) -> str:
    """When the work appeared, ISO 8601: an outlet's op-ed on the outlet's date, as its citations give it."""
    if article.is_outlet_work:
        return citation_for(article, language_code=_language()).date_iso
    return timezone.localtime(article.published_at).isoformat()


def citation_texts(article: Article) -> dict:
    """What the "Cite this" box shows: Chicago and APA text, BibTeX and RIS download addresses, in the page's language."""
    language = _language()
    c = citation_for(article, language_code=language)
    slug = getattr(article, localized("slug", language))
    return {
        "chicago": chicago(c),
        "apa": apa(c),
        "bibtex_url": slug_url("article_citation", slug, language, rest=("bib",)),
        "ris_url": slug_url("article_citation", slug, language, rest=("ris",)),
    }


def og_locale(language_code: str | None = None) -> str:
    """``en_US``-style locale for Open Graph."""
    code = language_code or _language()
    return {"en": "en_US", "ar": "ar_AR"}.get(code, code)


def og_alternate_locales(languages: list[str]) -> list[str]:
    """The Open Graph locales of the page's other language versions (``languages``: those it exists in)."""
    return [og_locale(code) for code in languages if code != _language()]


def share_addresses(title: str, url: str) -> list[dict[str, str]]:
    """
    Plain share addresses for a page (``url``, absolute) and its ``title``:
    email, X, LinkedIn and WhatsApp, in that order, each ``{"name", "label",
    "href"}``. Nothing is loaded from those sites: they are links a reader
    follows, with the address and title percent-encoded (UTF-8).
    """

    def q(text: str) -> str:
        return quote(text, safe="")

    # RFC 6068: a line break in a mailto body is CRLF.
    body = f"{title}\r\n{url}"
    return [
        {
            "name": "email",
            "label": gettext("Email"),
            "href": f"mailto:?subject={q(title)}&body={q(body)}",
        },
        {
            "name": "x",
            "label": "X",
            "href": f"https://x.com/intent/post?text={q(title)}&url={q(url)}",
        },
        {
            "name": "linkedin",
            "label": "LinkedIn",
            "href": f"https://www.linkedin.com/sharing/share-offsite/?url={q(url)}",
        },
        {
            "name": "whatsapp",
            "label": "WhatsApp",
            "href": f"https://wa.me/?text={q(f'{title} {url}')}",
        },
    ]
