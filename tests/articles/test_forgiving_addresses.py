"""
Addresses that forgive: a trailing slash, the other language's slug, a piece
not published in this language, a landing without analysis in this language.
"""

import pytest

from tests.factories import make_article, make_region, make_topic
from tests.html import by_class, get_page, one, text

pytestmark = pytest.mark.django_db


def moved(client, url):
    response = client.get(url)
    assert response.status_code == 301, (url, response.status_code)
    return response["Location"]


@pytest.fixture
def both():
    return make_article(
        "Sanctions on Iran",
        languages=("en", "ar"),
        title_ar="العقوبات على إيران",
        slug_en="sanctions-iran",
        slug_ar="aleqwbat-ela-iran",
    )


@pytest.fixture
def english_only():
    return make_article(
        "Water in Iraq",
        title_ar="المياه في العراق",
        slug_en="water-iraq",
        slug_ar="almiah-fi-aleraq",
    )


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("/policy-analysis/sanctions-iran/", "/policy-analysis/sanctions-iran"),
        (
            "/ar/policy-analysis/aleqwbat-ela-iran/",
            "/ar/policy-analysis/aleqwbat-ela-iran",
        ),
        ("/experts/", "/experts"),
        ("/ar/experts/", "/ar/experts"),
        ("/policy-analysis/", "/policy-analysis"),
        ("/search/?q=iran", "/search?q=iran"),
        ("/ar/about/", "/ar/about"),
    ],
)
def test_a_trailing_slash_moves_to_the_canonical_address(client, both, url, target):
    assert moved(client, url) == target
    get_page(client, target)


def test_addresses_with_a_slash_keep_it(client):
    """The admin's addresses end with a slash; the Arabic home is /ar/."""
    get_page(client, "/ar/")
    assert client.get("/admin/").status_code == 302  # to the sign-in page
    get_page(client, "/no-such-page/", status=404)


@pytest.mark.parametrize(
    ("url", "target", "heading"),
    [
        (
            "/ar/policy-analysis/sanctions-iran",
            "/ar/policy-analysis/aleqwbat-ela-iran",
            "العقوبات على إيران",
        ),
        (
            "/policy-analysis/aleqwbat-ela-iran",
            "/policy-analysis/sanctions-iran",
            "Sanctions on Iran",
        ),
    ],
)
def test_the_other_languages_slug_moves_to_this_languages_address(
    client, both, url, target, heading
):
    assert moved(client, url) == target
    assert text(one(get_page(client, target), "//h1")) == heading


def test_a_piece_not_published_in_arabic_links_to_the_english_version(
    client, english_only
):
    for url in (
        "/ar/policy-analysis/water-iraq",
        "/ar/policy-analysis/almiah-fi-aleraq",
    ):
        tree = get_page(client, url, status=404)
        assert tree.get("lang") == "ar"
        assert text(one(tree, "//main//h1")) == "الصفحة غير موجودة"
        assert "غير منشورة بهذه اللغة" in text(one(tree, "//main"))
        link = one(tree, "//main//a[@hreflang='en']")
        assert (link.get("lang"), link.get("dir")) == ("en", "ltr")
        assert text(link) == "Water in Iraq"
        english = get_page(client, link.get("href"))
        assert english.get("lang") == "en"
        assert text(one(english, "//h1")) == "Water in Iraq"


def test_an_unknown_slug_is_a_plain_not_found(client, english_only):
    """Positive control: no versions listed when no article has the slug."""
    tree = get_page(client, "/ar/policy-analysis/no-such-thing", status=404)
    assert not tree.xpath("//main//a[@hreflang]")
    assert tree.xpath(f"//main{by_class('error-page__links')}")


def test_unpublished_work_is_not_revealed(client):
    draft = make_article("Secret plan", slug_en="secret-plan", status="draft")
    assert draft.pk
    tree = get_page(client, "/ar/policy-analysis/secret-plan", status=404)
    assert not tree.xpath("//main//a[@hreflang]")
    assert client.get("/policy-analysis/secret-plan").status_code == 404


def test_arabic_landing_without_arabic_analysis_points_to_the_english_one(
    client, english_only
):
    topic = make_topic("Water", slug="water", name_ar="المياه")
    english_only.topics.add(topic)
    tree = get_page(client, "/ar/policy-analysis/water")
    assert not tree.xpath(f"{by_class('card-list')}/li")
    link = one(tree, f"{by_class('landing__elsewhere')}//a")
    assert link.get("hreflang") == "en"
    assert text(link) == "اقرأ التحليلات حول المياه باللغة الإنجليزية"
    english = get_page(client, link.get("href"))
    assert english.get("lang") == "en"
    cards = english.xpath(f"{by_class('card__title')}//a")
    assert [text(a) for a in cards] == ["Water in Iraq"]


def test_landings_with_analysis_or_without_any_point_nowhere(client, both):
    """The English landing has its analysis; an empty one in every language links nowhere."""
    topic = make_topic("Sanctions", slug="sanctions")
    both.topics.add(topic)
    for url in ("/policy-analysis/sanctions", "/ar/policy-analysis/sanctions"):
        tree = get_page(client, url)
        assert tree.xpath(f"{by_class('card-list')}/li")
        assert not tree.xpath(by_class("landing__elsewhere"))
    make_region("Antarctica", slug="antarctica")
    for url in ("/policy-analysis/antarctica", "/ar/policy-analysis/antarctica"):
        tree = get_page(client, url)
        assert not tree.xpath(by_class("landing__elsewhere"))
