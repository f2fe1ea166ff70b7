"""Topic and region landings at /policy-analysis/<slug>, as a reader sees them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from experts.models import ExpertStatus
from tests.factories import make_article, make_expert, make_region, make_topic
from tests.html import card_links, card_titles, cards, cls, hrefs, parse, text, texts

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - timedelta(days=n)


@pytest.fixture
def proliferation():
    topic = make_topic(
        "Proliferation",
        slug="proliferation",
        name_ar="الانتشار النووي",
        description_en="Nuclear, chemical and missile programs across the region.",
        description_ar="البرامج النووية والكيميائية والصاروخية في المنطقة.",
    )
    make_topic("Missiles", slug="missiles", parent=topic, name_ar="الصواريخ")
    return topic


@pytest.fixture
def gulf():
    gulf = make_region("Gulf States", slug="gulf-states", name_ar="دول الخليج")
    make_region(
        "Saudi Arabia",
        slug="saudi-arabia",
        parent=gulf,
        name_ar="السعودية",
        sort_order=1,
    )
    make_region("Qatar", slug="qatar", parent=gulf, name_ar="قطر", sort_order=2)
    return gulf


def test_topic_landing_heading_line_and_description(client, proliferation):
    doc = parse(client.get("/policy-analysis/proliferation"))
    assert texts(doc, "//h1") == ["Proliferation"]
    assert texts(doc, f"//*[{cls('landing__line')}]") == [
        "Policy Analysis on Proliferation"
    ]
    assert texts(doc, f"//*[{cls('landing__description')}]") == [
        "Nuclear, chemical and missile programs across the region."
    ]
    assert hrefs(doc, f"//*[{cls('landing__children')}]//a") == [
        "/policy-analysis/missiles"
    ]


def test_topic_landing_in_arabic(client, proliferation):
    both = make_article(topics=[proliferation], languages=("en", "ar"))
    make_article("English only", topics=[proliferation])
    doc = parse(client.get("/ar/policy-analysis/proliferation"))
    assert doc.xpath("/html/@dir") == ["rtl"]
    assert texts(doc, "//h1") == ["الانتشار النووي"]
    assert texts(doc, f"//*[{cls('landing__line')}]") == [
        "تحليل السياسات حول الانتشار النووي"
    ]
    assert card_links(doc) == [f"/ar/policy-analysis/{both.slug_ar}"]
    assert hrefs(doc, f"//*[{cls('landing__children')}]//a") == [
        "/ar/policy-analysis/missiles"
    ]


def test_topic_landing_lists_its_articles_and_its_children_newest_first(
    client, proliferation
):
    missiles = proliferation.children.get()
    make_article(
        "Old on proliferation", topics=[proliferation], published_at=days_ago(9)
    )
    make_article("New on missiles", topics=[missiles], published_at=days_ago(1))
    make_article("Elsewhere", topics=1)
    make_article("Draft", topics=[proliferation], status="draft")
    make_article(
        "Tomorrow",
        topics=[proliferation],
        status="scheduled",
        published_at=timezone.now() + timedelta(days=1),
    )
    doc = parse(client.get("/policy-analysis/proliferation"))
    assert card_titles(doc) == ["New on missiles", "Old on proliferation"]
    for href in card_links(doc):
        assert href.startswith("/policy-analysis/")
        assert texts(parse(client.get(href)), "//h1")


def test_region_landing_with_sub_regions(client, gulf):
    saudi = gulf.children.get(slug="saudi-arabia")
    make_article("On Riyadh", regions=[saudi])
    make_article("On the Gulf", regions=[gulf])
    doc = parse(client.get("/policy-analysis/gulf-states"))
    assert texts(doc, "//h1") == ["Gulf States"]
    links = doc.xpath(f"//*[{cls('landing__children')}]//a")
    assert [(text(a), a.get("href")) for a in links] == [
        ("Saudi Arabia", "/policy-analysis/saudi-arabia"),
        ("Qatar", "/policy-analysis/qatar"),
    ]
    assert sorted(card_titles(doc)) == ["On Riyadh", "On the Gulf"]
    child = parse(client.get(links[0].get("href")))
    assert texts(child, "//h1") == ["Saudi Arabia"]
    assert card_titles(child) == ["On Riyadh"]
    # The sub-region page leads back up to its parent.
    assert hrefs(child, f"//*[{cls('eyebrow')}]/a") == ["/policy-analysis/gulf-states"]
    arabic = parse(client.get("/ar/policy-analysis/gulf-states"))
    assert texts(arabic, f"//*[{cls('landing__children')}]//a") == ["السعودية", "قطر"]


def test_filters_are_kept_in_the_query_string(client, gulf, proliferation):
    saudi = gulf.children.get(slug="saudi-arabia")
    for n in range(12):
        make_article(
            f"Report {n:02d}",
            type="in-depth-report",
            topics=[proliferation],
            regions=[saudi],
            published_at=days_ago(n + 1),
        )
    make_article("Brief on Saudi", topics=[proliferation], regions=[saudi])
    make_article(
        "Report on Qatar",
        type="in-depth-report",
        topics=[proliferation],
        regions=[gulf.children.get(slug="qatar")],
    )
    doc = parse(
        client.get(
            "/policy-analysis/proliferation",
            {"type": "in-depth-report", "region": "saudi-arabia"},
        )
    )
    form = doc.xpath("//form[contains(@class, 'filters')]")[0]
    assert form.get("method") == "get"
    assert [s.get("name") for s in form.xpath(".//select")] == [
        "type",
        "topic",
        "region",
    ]
    for select in form.xpath(".//select"):
        assert form.xpath(f".//label[@for='{select.get('id')}']")
    assert form.xpath(".//select[@name='region']/option[@selected]/@value") == [
        "saudi-arabia"
    ]
    assert card_titles(doc) == [f"Report {n:02d}" for n in range(10)]
    older = hrefs(doc, "//nav[@class='pager']//a[@rel='next']")
    assert older == ["?type=in-depth-report&region=saudi-arabia&page=2#analysis"]
    doc = parse(client.get("/policy-analysis/proliferation" + older[0].split("#")[0]))
    assert card_titles(doc) == ["Report 10", "Report 11"]


def test_pager_reaches_the_oldest_article(client, proliferation):
    for n in range(53):
        make_article(
            f"Item {n:02d}", topics=[proliferation], published_at=days_ago(n + 1)
        )
    doc = parse(client.get("/policy-analysis/proliferation"))
    # The pager numbers the pages near this one; the furthest leads on.
    reached = []
    while numbers := doc.xpath("//nav[@class='pager']//a[not(@rel)]"):
        furthest = numbers[-1]
        if reached and int(text(furthest)) <= reached[-1]:
            break
        reached.append(int(text(furthest)))
        doc = parse(client.get("/policy-analysis/proliferation" + furthest.get("href")))
    assert reached == [3, 5, 6]
    assert card_titles(doc) == ["Item 50", "Item 51", "Item 52"]
    assert hrefs(doc, "//nav[@class='pager']//a[@rel='next']") == []


def test_landing_shows_the_experts_who_work_on_it(client, gulf, proliferation):
    saudi = gulf.children.get(slug="saudi-arabia")
    on_topic = make_expert("Topic Person")
    on_topic.topics.set([proliferation])
    on_child = make_expert("Saudi Person")
    on_child.regions.set([saudi])
    make_expert("Gone Person", status=ExpertStatus.FORMER).topics.set([proliferation])
    make_expert("Hidden Person", has_profile=False).topics.set([proliferation])
    make_expert("Unrelated Person").topics.set([make_topic()])
    doc = parse(client.get("/policy-analysis/proliferation"))
    aside = doc.xpath(f"//*[{cls('landing__experts')}]")[0]
    assert texts(aside, f".//*[{cls('person__name')}]") == ["Topic Person"]
    href = aside.xpath(".//a/@href")[0]
    assert texts(parse(client.get(href)), "//h1") == ["Topic Person"]
    doc = parse(client.get("/policy-analysis/gulf-states"))
    assert texts(doc, f"//*[{cls('landing__experts')}]//*[{cls('person__name')}]") == [
        "Saudi Person"
    ]


def test_landing_without_articles_says_so(client, proliferation):
    doc = parse(client.get("/policy-analysis/proliferation"))
    assert cards(doc) == []
    assert texts(doc, f"//*[{cls('landing__main')}]//*[{cls('empty')}]")


def _fill(topic, count):
    topics = [topic, *[make_topic() for _ in range(count)]]
    regions = [make_region() for _ in range(count)]
    for _ in range(count):
        make_article(
            authors=count, topics=topics, regions=regions, languages=("en", "ar")
        )
        expert = make_expert()
        expert.topics.set(topics)
    make_topic(parent=topic)


@pytest.mark.parametrize(
    "path",
    [
        "/policy-analysis/proliferation",
        "/ar/policy-analysis/proliferation?type=brief-analysis&region=x",
    ],
)
def test_landing_queries_do_not_grow(
    client, django_assert_max_num_queries, proliferation, path
):
    """The landing costs the same with 1 or 5 cards, authors, terms and experts."""
    _fill(proliferation, 1)
    with django_assert_max_num_queries(16) as one:
        assert len(cards(parse(client.get(path)))) == 1
    _fill(proliferation, 4)
    with django_assert_max_num_queries(len(one)):
        assert len(cards(parse(client.get(path)))) == 5
