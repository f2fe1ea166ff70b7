"""The home page: featured and latest analysis, entry points to topics, regions and experts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import make_article, make_expert, make_region, make_topic
from tests.html import card_links, card_titles, cls, hrefs, parse, texts

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - timedelta(days=n)


def featured(doc):
    return card_titles(doc.xpath(f"//*[{cls('home__featured')}]")[0])


def latest(doc):
    return card_titles(doc.xpath(f"//*[{cls('home__latest')}]")[0])


def test_home_features_the_newest_report(client):
    make_article("Old report", type="in-depth-report", published_at=days_ago(5))
    make_article("New report", type="in-depth-report", published_at=days_ago(3))
    make_article("Newest brief", published_at=days_ago(1))
    make_article("Newer policy note", type="policy-note", published_at=days_ago(2))
    make_article("Draft report", type="in-depth-report", status="draft")
    doc = parse(client.get("/"))
    assert featured(doc) == ["New report"]
    assert latest(doc) == ["Newest brief", "Newer policy note", "Old report"]
    for href in card_links(doc):
        assert texts(parse(client.get(href)), "//h1")


def test_home_without_report_features_the_newest_article(client):
    make_article("Older brief", published_at=days_ago(2))
    make_article("Newer brief", published_at=days_ago(1))
    doc = parse(client.get("/"))
    assert featured(doc) == ["Newer brief"]
    assert latest(doc) == ["Older brief"]


def test_home_features_the_newest_featured_article(client):
    make_article("Old featured brief", featured=True, published_at=days_ago(9))
    make_article("Featured brief", featured=True, published_at=days_ago(4))
    make_article("Newest report", type="in-depth-report", published_at=days_ago(1))
    make_article("Featured draft", featured=True, status="draft")
    make_article(
        "Featured, scheduled",
        featured=True,
        status="scheduled",
        published_at=timezone.now() + timedelta(days=1),
    )
    doc = parse(client.get("/"))
    assert featured(doc) == ["Featured brief"]
    assert latest(doc) == ["Newest report", "Old featured brief"]
    (href,) = card_links(doc.xpath(f"//*[{cls('home__featured')}]")[0])
    assert texts(parse(client.get(href)), "//h1") == ["Featured brief"]


def test_featured_in_english_only_falls_back_in_arabic(client):
    make_article("English featured", featured=True, published_at=days_ago(1))
    report = make_article(
        "Bilingual report",
        type="in-depth-report",
        languages=("en", "ar"),
        published_at=days_ago(3),
    )
    brief = make_article(
        "Bilingual brief", languages=("en", "ar"), published_at=days_ago(2)
    )
    assert featured(parse(client.get("/"))) == ["English featured"]
    arabic = parse(client.get("/ar/"))
    assert featured(arabic) == [report.title_ar]
    assert latest(arabic) == [brief.title_ar]


def test_home_links_to_topics_regions_and_experts(client):
    topic = make_topic("Energy", slug="energy", name_ar="الطاقة")
    make_topic("Oil", slug="oil", parent=topic)
    make_region("Iran", slug="iran", name_ar="إيران")
    make_expert("Omer Carmi", name_ar="عومر كرمي")
    make_article()
    doc = parse(client.get("/"))
    entries = doc.xpath(f"//*[{cls('home__entries')}]")[0]
    assert "/policy-analysis/energy" in hrefs(entries, ".//a")
    assert "/policy-analysis/oil" not in hrefs(entries, ".//a")
    assert "/policy-analysis/iran" in hrefs(entries, ".//a")
    assert {"/experts/omer-carmi", "/experts"} <= set(hrefs(entries, ".//a"))
    for href in hrefs(entries, ".//a"):
        assert texts(parse(client.get(href)), "//h1")


def test_arabic_home_shows_only_arabic_analysis(client):
    make_article("English report", type="in-depth-report", published_at=days_ago(1))
    arabic = make_article(
        "Bilingual brief", languages=("en", "ar"), published_at=days_ago(2)
    )
    make_topic("Energy", slug="energy", name_ar="الطاقة")
    doc = parse(client.get("/ar/"))
    assert doc.xpath("/html/@lang") == ["ar"]
    assert featured(doc) == [arabic.title_ar]
    assert card_links(doc) == [f"/ar/policy-analysis/{arabic.slug_ar}"]
    assert "/ar/policy-analysis/energy" in hrefs(doc, f"//*[{cls('home__entries')}]//a")
    assert "/ar/experts" in hrefs(doc, f"//*[{cls('home__entries')}]//a")


def test_home_with_nothing_published(client):
    doc = parse(client.get("/"))
    assert doc.xpath(f"//*[{cls('home__featured')}]") == []


def _fill(count):
    topics = [make_topic() for _ in range(count)]
    for _ in range(count):
        make_article(authors=count, topics=topics, type="in-depth-report")
        make_article(authors=count, topics=topics)
        make_region()
        make_expert()


@pytest.mark.parametrize("with_featured", [False, True])
def test_home_queries_do_not_grow(client, django_assert_max_num_queries, with_featured):
    if with_featured:
        make_article(featured=True)
    _fill(1)
    with django_assert_max_num_queries(12) as one:
        parse(client.get("/"))
    _fill(5)
    with django_assert_max_num_queries(len(one)):
        parse(client.get("/"))


def test_a_featured_article_costs_no_query(client):
    _fill(2)
    with CaptureQueriesContext(connection) as plain:
        parse(client.get("/"))
    make_article("Featured brief", featured=True, published_at=days_ago(30))
    with CaptureQueriesContext(connection) as with_featured:
        doc = parse(client.get("/"))
    assert featured(doc) == ["Featured brief"]
    assert len(with_featured) == len(plain)
