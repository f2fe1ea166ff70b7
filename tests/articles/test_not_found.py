from datetime import timedelta

import pytest
from django.template import loader
from django.test import RequestFactory
from django.utils import timezone, translation
from django.views.defaults import server_error
from lxml import html

from articles.models import Status
from tests.factories import make_article
from tests.html import get_page, one, text

pytestmark = pytest.mark.django_db

PAST = timedelta(days=-2)
FUTURE = timedelta(days=2)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("when", [PAST, FUTURE], ids=["past", "future"])
@pytest.mark.parametrize(
    "published_in", [("en", "ar"), ("en",), ("ar",)], ids=["both", "en-only", "ar-only"]
)
def test_matrix(client, language, status, when, published_in):
    """Only a published (or scheduled) article whose date has come, in a language it is published in, is found."""
    article = make_article(
        status=status,
        published_at=timezone.now() + when,
        languages=published_in,
        title_ar="عنوان عربي",
    )
    visible = (
        status in (Status.PUBLISHED, Status.SCHEDULED)
        and when == PAST
        and language in published_in
    )
    slug = getattr(article, f"slug_{language}")
    prefix = "/ar" if language == "ar" else ""
    response = client.get(f"{prefix}/policy-analysis/{slug}")
    assert response.status_code == (200 if visible else 404)


def test_english_slug_under_arabic_prefix_leads_to_the_arabic_address(client):
    """The other language's slug answers 301 (tests/articles/test_forgiving_addresses.py)."""
    article = make_article(languages=("en", "ar"))
    response = client.get(f"/ar/policy-analysis/{article.slug_en}")
    assert (response.status_code, response["Location"]) == (301, article.url_in("ar"))
    response = client.get(f"/policy-analysis/{article.slug_ar}")
    assert (response.status_code, response["Location"]) == (301, article.url_in("en"))


@pytest.mark.parametrize(
    ("path", "heading", "lang"),
    [
        ("/policy-analysis/no-such-thing", "Page not found", "en"),
        ("/ar/policy-analysis/no-such-thing", "الصفحة غير موجودة", "ar"),
        ("/ar/no-such-page", "الصفحة غير موجودة", "ar"),
    ],
)
def test_friendly_not_found_page_in_both_languages(client, path, heading, lang):
    tree = get_page(client, path, status=404)
    assert tree.get("lang") == lang
    assert text(one(tree, "//h1")) == heading
    assert (
        one(tree, "(//main//a)[1]").get("href")
        == ("/ar" if lang == "ar" else "") + "/policy-analysis"
    )


@pytest.mark.parametrize(
    ("language", "heading", "direction"),
    [("en", "Something went wrong", "ltr"), ("ar", "حدث خطأ ما", "rtl")],
)
def test_server_error_page_renders_without_a_request_context(
    language, heading, direction
):
    """500.html needs no request and no context processors (the database may be down)."""
    with translation.override(language):
        rendered = loader.get_template("500.html").render({})
        response = server_error(RequestFactory().get("/"))
    for content in (rendered, response.content.decode()):
        tree = html.fromstring(content)
        assert (tree.get("lang"), tree.get("dir")) == (language, direction)
        assert text(one(tree, "//h1")) == heading
    assert response.status_code == 500


def test_saving_under_arabic_keeps_the_arabic_slug():
    """Saving while Arabic is active (an Arabic request, the importer) never copies the English slug over."""
    with translation.override("ar"):
        article = make_article(languages=("en", "ar"))
    assert article.slug_ar != article.slug_en
    assert article.slug_ar.startswith("thlyl-")
