"""
Issue 15, item 5: the institute's name and its series are said in the page's
language. The name comes from the settings (``SITE_NAME``, ``SITE_NAMES``:
``DJANGO_SITE_NAME``, ``DJANGO_SITE_NAME_AR``); series names, which editors type
in English on the article, from the catalogue (context "series").
"""

import pytest

from tests.factories import make_article
from tests.html import by_class, cards, cls, get_page, meta, one, text, texts

pytestmark = pytest.mark.django_db


def test_the_institutes_name_is_said_in_the_pages_language(client, settings):
    settings.SITE_NAME = "The Harbour Institute"
    settings.SITE_NAMES = {"ar": "معهد المرفأ"}
    article = make_article("Harbours", languages=("en", "ar"))
    for language, name in (("en", "The Harbour Institute"), ("ar", "معهد المرفأ")):
        home = get_page(client, "/" if language == "en" else "/ar/")
        assert text(one(home, f"//a[{cls('site-header__brand')}]")) == name
        assert text(one(home, "//title")) == name
        assert text(one(home, "//h1")) == name
        page = get_page(client, article.url_in(language))
        assert text(one(page, "//title")).endswith(f"| {name}")
        assert meta(page, "og:site_name") == [name]
        assert text(one(page, f"//a[{cls('site-header__brand')}]")) == name


def test_without_a_name_in_arabic_the_default_one_stands_in(client, settings):
    settings.SITE_NAME = "The Harbour Institute"
    settings.SITE_NAMES = {}
    home = get_page(client, "/ar/")
    assert text(one(home, f"//a[{cls('site-header__brand')}]")) == (
        "The Harbour Institute"
    )


def test_feeds_carry_the_name_in_their_language(client, settings):
    settings.SITE_NAMES = {"ar": "معهد المرفأ"}
    make_article("Harbours", languages=("en", "ar"))
    assert "معهد المرفأ" in client.get("/ar/feeds/latest.rss").content.decode()
    english = client.get("/feeds/latest.rss").content.decode()
    assert settings.SITE_NAME in english and "معهد المرفأ" not in english


@pytest.mark.parametrize(
    "series, english, arabic",
    [
        ("PolicyWatch", "PolicyWatch 3745", "المرصد السياسي 3745"),
        ("Policy Focus", "Policy Focus 3745", "دراسة سياسية 3745"),
        # A series the catalogue does not know is shown as typed.
        ("Gulf Letters", "Gulf Letters 3745", "Gulf Letters 3745"),
    ],
)
def test_series_names_are_translated_on_the_page_and_the_cards(
    client, series, english, arabic
):
    article = make_article(
        "Series piece", languages=("en", "ar"), series=series, series_number=3745
    )
    for language, expected in (("en", english), ("ar", arabic)):
        page = get_page(client, article.url_in(language))
        label = one(page, by_class("type-label"))
        assert texts(label, "./span")[-1] == expected
        listing = "/policy-analysis" if language == "en" else "/ar/policy-analysis"
        [card] = cards(get_page(client, listing))
        assert texts(card, f".//*[{cls('card__series')}]") == [expected]


def test_a_series_named_as_its_type_is_said_once_in_arabic_too(client):
    article = make_article(
        "Red Lines",
        type="policy-note",
        languages=("en", "ar"),
        series="Policy Note",
        series_number=105,
    )
    page = get_page(client, article.url_in("ar"))
    assert texts(one(page, by_class("type-label")), "./span") == ["مذكرة سياسية 105"]
    [card] = cards(get_page(client, "/ar/policy-analysis"))
    assert texts(card, f".//*[{cls('card__type')}]") == ["مذكرة سياسية 105"]
