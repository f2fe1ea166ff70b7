"""
Every public page has a search box in its header, in both languages: a plain
GET form to the search page (no JavaScript needed), with a label. The 404
page and empty landings have one in the page too.
"""

from urllib.parse import urlencode, urlsplit

import pytest

from articles.search_index import update_search_vectors
from tests.factories import make_article, make_expert, make_region, make_topic
from tests.html import by_class, get_page, one, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    topic = make_topic("Energy", slug="energy")
    expert = make_expert("Dana Stroul", slug="dana-stroul")
    article = make_article(
        "Sanctions Relief and the Gulf",
        languages=("en", "ar"),
        title_ar="تخفيف العقوبات على إيران",
        topics=[topic],
        authors=[expert],
    )
    update_search_vectors([article.pk])
    return {"article": article, "topic": topic, "expert": expert}


def pages(site, prefix):
    article = site["article"]
    return [
        f"{prefix}/",
        f"{prefix}/policy-analysis",
        article.url_in("ar" if prefix else "en"),
        f"{prefix}/policy-analysis/energy",
        f"{prefix}/experts",
        f"{prefix}/experts/dana-stroul",
        f"{prefix}/about",
        f"{prefix}/search?q=gulf",
    ]


def header_box(tree):
    return one(tree, "//header[@class='site-header']//form[@role='search']")


def submit(client, form, query):
    """What a browser without JavaScript does: GET the action with the form's fields."""
    assert form.get("method") == "get"
    fields = {i.get("name"): i.get("value") or "" for i in form.xpath(".//input")}
    fields[form.xpath(".//input[@type='search']")[0].get("name")] = query
    return f"{form.get('action')}?{urlencode(fields)}"


@pytest.mark.parametrize(
    ("prefix", "lang", "direction", "label", "button"),
    [("", "en", "ltr", "Search for", "Search"), ("/ar", "ar", "rtl", "ابحث عن", "بحث")],
)
def test_every_page_header_has_a_labelled_search_box(
    client, site, prefix, lang, direction, label, button
):
    for url in pages(site, prefix):
        tree = get_page(client, url)
        assert tree.get("lang") == lang and tree.get("dir") == direction
        form = header_box(tree)
        assert form.get("method") == "get", url
        assert urlsplit(form.get("action")).path == f"{prefix}/search", url
        assert form.get("aria-label"), url
        field = one(form, ".//input[@type='search']")
        assert field.get("name") == "q"
        # The label names the field; its id is unique on the page.
        assert text(one(form, f".//label[@for='{field.get('id')}']")) == label
        assert len(tree.xpath(f"//*[@id='{field.get('id')}']")) == 1, url
        assert text(one(form, ".//button[@type='submit']")) == button


@pytest.mark.parametrize(
    ("prefix", "query", "title"),
    [
        ("", "sanctions", "Sanctions Relief and the Gulf"),
        ("/ar", "ايران", "تخفيف العقوبات على إيران"),
    ],
)
def test_the_header_box_finds_the_article(client, site, prefix, query, title):
    """Submitting the box from the home page lists the article; its link opens it."""
    home = get_page(client, f"{prefix}/")
    results = get_page(client, submit(client, header_box(home), query))
    link = one(results, f"{by_class('card__title')}//a")
    assert text(link) == title
    article = get_page(client, link.get("href"))
    assert text(one(article, "//h1")) == title


@pytest.mark.parametrize(
    ("prefix", "label"), [("", "Search the analysis"), ("/ar", "البحث في التحليلات")]
)
def test_not_found_page_has_a_search_box_in_the_page(client, site, prefix, label):
    tree = get_page(client, f"{prefix}/policy-analysis/no-such-thing", status=404)
    header_box(tree)
    form = one(tree, "//main//form[@role='search']")
    assert form.get("aria-label") == label
    results = get_page(
        client, submit(client, form, "sanctions" if not prefix else "عقوبات")
    )
    assert len(results.xpath(f"{by_class('card__title')}//a")) == 1


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_empty_landing_has_a_search_box(client, site, prefix):
    make_region("Antarctica", slug="antarctica")
    tree = get_page(client, f"{prefix}/policy-analysis/antarctica")
    assert tree.xpath(f"{by_class('empty')}")
    form = one(tree, "//main//form[@role='search']")
    assert urlsplit(form.get("action")).path == f"{prefix}/search"
    # A landing with analysis has none in the page (the header's is enough).
    full = get_page(client, f"{prefix}/policy-analysis/energy")
    assert not full.xpath("//main//form[@role='search']")
