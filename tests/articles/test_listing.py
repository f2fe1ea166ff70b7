from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.utils import timezone

from articles.models import Status
from tests.factories import (
    built_once,
    make_article,
    make_expert,
    make_region,
    make_topic,
)
from tests.html import by_class, get_page, one, text

pytestmark = pytest.mark.django_db


def titles(tree):
    return [
        text(a)
        for a in tree.xpath(by_class("card") + "//*[contains(@class, 'card__title')]/a")
    ]


def on(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 12))


def test_lists_everything_live_in_the_language_newest_first(client):
    make_article(
        "Older piece",
        published_at=on(2023, 1, 5),
        languages=("en", "ar"),
        title_ar="قطعة أقدم",
    )
    make_article("Newer piece", published_at=on(2023, 6, 13))
    make_article("Draft piece", status=Status.DRAFT)
    make_article("Future piece", published_at=timezone.now() + timedelta(days=3))
    tree = get_page(client, "/policy-analysis")
    assert text(one(tree, "//h1")) == "Policy Analysis"
    assert titles(tree) == ["Newer piece", "Older piece"]
    assert titles(get_page(client, "/ar/policy-analysis")) == ["قطعة أقدم"]


def make_archive():
    """Four articles across types, topics, regions, authors and dates."""
    gulf = make_region("Gulf States")
    saudi = make_region("Saudi Arabia", parent=gulf)
    iran = make_region("Iran")
    energy = make_topic("Energy")
    nuclear = make_topic("Proliferation")
    carmi = make_expert("Omer Carmi")
    stroul = make_expert("Dana Stroul")
    make_article(
        "A",
        published_at=on(2023, 1, 10),
        topics=[energy],
        regions=[saudi],
        authors=[carmi],
    )
    make_article(
        "B",
        published_at=on(2023, 3, 10),
        topics=[nuclear],
        regions=[iran],
        authors=[stroul],
    )
    make_article(
        "C",
        type="op-ed",
        published_at=on(2023, 5, 10),
        topics=[nuclear],
        regions=[iran],
        authors=[carmi, stroul],
    )
    make_article(
        "D", type="op-ed", published_at=on(2023, 7, 10), topics=[energy], regions=[gulf]
    )


@pytest.fixture(scope="class")
def archive(django_db_setup, django_db_blocker):
    """The archive, built once for the class that reads it."""
    yield from built_once(django_db_blocker, make_archive)


class TestTheFilters:
    """The filters over one archive, built once for the class (it is only read)."""

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("", ["D", "C", "B", "A"]),
            ("type=op-ed", ["D", "C"]),
            ("topic=proliferation", ["C", "B"]),
            ("region=iran", ["C", "B"]),
            ("region=gulf-states", ["D", "A"]),  # a region includes its countries
            ("expert=omer-carmi", ["C", "A"]),
            ("from=2023-03-10", ["D", "C", "B"]),
            ("to=2023-03-10", ["B", "A"]),
            ("from=2023-02-01&to=2023-06-01", ["C", "B"]),
            ("type=op-ed&topic=proliferation", ["C"]),
            ("expert=dana-stroul&region=iran&from=2023-04-01", ["C"]),
            ("type=op-ed&region=saudi-arabia", []),
            (
                "type=no-such-type&to=not-a-date",
                ["D", "C", "B", "A"],
            ),  # unknown values are ignored
        ],
    )
    def test_filters_combine(self, client, archive, query, expected):
        assert titles(get_page(client, f"/policy-analysis?{query}")) == expected

    def test_filters_are_kept_in_the_form(self, client, archive):
        """A bookmarked URL shows the filters it holds as chosen."""
        tree = get_page(
            client, "/policy-analysis?type=op-ed&expert=omer-carmi&from=2023-02-01"
        )
        form = one(tree, "//form[contains(@class, 'filters')]")
        assert form.get("method") == "get"
        assert (
            one(form, ".//select[@name='type']/option[@selected]").get("value")
            == "op-ed"
        )
        assert (
            one(form, ".//select[@name='expert']/option[@selected]").get("value")
            == "omer-carmi"
        )
        assert one(form, ".//input[@name='from']").get("value") == "2023-02-01"
        assert [label.get("for") for label in form.xpath(".//label")] == [
            "id_type",
            "id_topic",
            "id_region",
            "id_expert",
            "id_from",
            "id_to",
        ]

    def test_empty_state_is_friendly(self, client, archive):
        tree = get_page(client, "/policy-analysis?type=op-ed&region=saudi-arabia")
        assert not tree.xpath(by_class("card"))
        empty = one(tree, by_class("empty-state"))
        assert text(one(empty, ".//h2")) == "Nothing matches these filters"
        assert one(empty, ".//a").get("href") == "/policy-analysis"
        arabic = one(
            get_page(client, "/ar/policy-analysis?type=op-ed&region=saudi-arabia"),
            by_class("empty-state"),
        )
        assert text(one(arabic, ".//h2")) == "لا شيء يطابق عوامل التصفية هذه"


def test_pagination_keeps_the_filters(client):
    topic = make_topic("Energy")
    for n in range(23):
        make_article(
            f"Energy piece {n:02d}",
            topics=[topic],
            published_at=on(2023, 1, 1) + timedelta(days=n),
        )
    make_article("Unrelated piece")
    first = get_page(client, "/policy-analysis?topic=energy")
    assert titles(first) == [f"Energy piece {n:02d}" for n in range(22, 12, -1)]
    pager = one(first, "//nav[contains(@class, 'pager')]")
    older = one(pager, ".//a[@rel='next']")
    assert parse_qs(urlsplit(older.get("href")).query) == {
        "topic": ["energy"],
        "page": ["2"],
    }
    second = get_page(client, "/policy-analysis" + older.get("href"))
    assert titles(second) == [f"Energy piece {n:02d}" for n in range(12, 2, -1)]
    third = get_page(client, "/policy-analysis?topic=energy&page=3")
    assert titles(third) == ["Energy piece 02", "Energy piece 01", "Energy piece 00"]
    # A page number past the end is not the last page under another address.
    get_page(client, "/policy-analysis?topic=energy&page=4", status=404)


def test_listing_has_alternates_in_both_languages(client):
    make_article()
    tree = get_page(client, "/policy-analysis?type=op-ed")
    links = {
        link.get("hreflang"): link.get("href")
        for link in tree.xpath("//link[@hreflang]")
    }
    assert links == {
        "en": settings.SITE_URL + "/policy-analysis?type=op-ed",
        "ar": settings.SITE_URL + "/ar/policy-analysis?type=op-ed",
        "x-default": settings.SITE_URL + "/policy-analysis?type=op-ed",
    }
