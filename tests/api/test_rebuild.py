"""Done when: a client of the API alone rebuilds an article page's content, in English and Arabic."""

import pytest

from tests.api.client import ApiClient
from tests.factories import (
    in_library,
    make_article,
    make_expert,
    make_region,
    make_topic,
)
from tests.files import png_upload
from tests.html import by_class, fragment, get_page, one, text, texts

pytestmark = pytest.mark.django_db


def _absolute(url):
    from django.conf import settings

    return url if "://" in url else settings.SITE_URL + url


def page_content(client, url, language):
    """The same parts, read from the article page's HTML."""
    doc = get_page(client, url)
    rail = doc.xpath(by_class("rail__title") + "/a")
    bios = doc.xpath(by_class("bio-card"))
    lead = doc.xpath(by_class("lead-image") + "//img")
    return {
        "title": text(one(doc, "//h1")),
        "subtitle": " ".join(texts(doc, by_class("article__subtitle"))),
        "type": text(one(doc, by_class("type-label"))),
        "byline": [text(a) for a in doc.xpath(by_class("byline__author"))],
        "summary": " ".join(texts(doc, by_class("article__summary"))),
        "body_text": text(one(doc, by_class("prose"))),
        "bios": [
            (
                text(b.xpath("." + by_class("bio-card__name"))[0]),
                " ".join(texts(b, "." + by_class("bio-card__bio"))),
            )
            for b in bios
        ],
        "author_note": " ".join(texts(doc, by_class("author-note"))),
        "lead_image_alt": lead[0].get("alt") if lead else None,
        "lead_image_src": _absolute(lead[0].get("src")) if lead else None,
        "topics": [
            (text(a), _absolute(a.get("href")))
            for a in doc.xpath("//section[@aria-labelledby='topics-heading']//a")
        ],
        "regions": [
            (text(a), _absolute(a.get("href")))
            for a in doc.xpath("//section[@aria-labelledby='regions-heading']//a")
        ],
        "recommended": [(text(a), _absolute(a.get("href"))) for a in rail],
        "chicago": text(one(doc, by_class("cite-this__chicago"))),
        "apa": text(one(doc, by_class("cite-this__apa"))),
        "other_languages": sorted(
            (code, _absolute(href))
            for code, href in (
                (a.get("hreflang"), a.get("href"))
                for a in doc.xpath(by_class("language-versions") + "//a")
            )
        ),
    }


@pytest.mark.parametrize("language", ["en", "ar"])
def test_client_rebuilds_the_article_page(client, language):
    first = make_expert(short_bio_en="Writes on water.", short_bio_ar="يكتب عن المياه.")
    second = make_expert()
    topic, region = make_topic(), make_region()
    picture = in_library(png_upload(size=(1600, 900)))
    article = make_article(
        languages=("en", "ar"),
        authors=[first, second],
        topics=[topic],
        regions=[region],
        subtitle_en="A subtitle",
        subtitle_ar="عنوان فرعي",
        author_note_en="The authors are fellows.",
        author_note_ar="المؤلفان زميلان.",
        lead_image=picture,
        lead_image_alt_en="A river at dusk",
        lead_image_alt_ar="نهر عند الغسق",
        body_en='<p>The body, with <a href="https://example.org/">a link</a>.</p>',
        body_ar='<p>النص، مع <a href="https://example.org/">رابط</a>.</p>',
    )
    for _ in range(2):
        make_article(languages=("en", "ar"), authors=[first], topics=[topic])
    url = article.url_in(language)
    rebuilt = ApiClient(client).article_page(
        getattr(article, f"slug_{language}"), language
    )
    shown = page_content(client, url, language)
    body = rebuilt.pop("body_html")
    assert text(fragment(body)) == shown.pop("body_text")
    # The type label may carry the series; the page's reads "<type name>…".
    assert shown.pop("type").startswith(rebuilt.pop("type"))
    assert rebuilt == shown
    # The rebuild is not empty: the page's parts are all there.
    assert rebuilt["title"] and len(rebuilt["byline"]) == 2 and rebuilt["recommended"]
    assert rebuilt["topics"] and rebuilt["regions"] and rebuilt["lead_image_src"]
    assert rebuilt["other_languages"]
    citation = client.get(
        f"/api/v1/articles/{getattr(article, f'slug_{language}')}?lang={language}"
    ).json()["citation"]
    assert citation["authors"] == rebuilt["byline"]
    assert citation["url"] == _absolute(url)
