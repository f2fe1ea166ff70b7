"""
The article list's search reads only the matches of the pages it can show:
the same rows, in the same order, page by page, as every match sorted, in
the default order and a column's, for titles, bodies and authors alike; and
as many queries for a word that many articles hold as for a rare one.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_expert
from tests.html import parse
from thinktank.admin import ArticleAdmin

pytestmark = pytest.mark.django_db

URL = reverse("admin:articles_article_changelist")


@pytest.fixture
def archive(monkeypatch):
    """Nine articles that "tide" finds three ways, among six it does not; two rows a page."""
    monkeypatch.setattr(ArticleAdmin, "list_per_page", 2)
    monkeypatch.setattr(ArticleAdmin, "list_max_show_all", 20)
    author = make_expert("Maya Tideman", name_ar="مايا تايدمان")
    now = timezone.now()
    found, others = [], []
    for n in range(15):
        at = now - timedelta(days=n + 1)
        way = n % 5
        if way == 0:
            found.append(make_article(f"Tide report {n:02d}", published_at=at))
        elif way == 1:
            found.append(
                make_article(
                    f"Coastal note {n:02d}",
                    body_en="<p>The spring tide floods the port.</p>",
                    published_at=at,
                )
            )
        elif way == 2:
            found.append(
                make_article(f"Byline piece {n:02d}", authors=[author], published_at=at)
            )
        else:
            others.append(make_article(f"Grain prices {n:02d}", published_at=at))
    return found, others


def headlines(response):
    assert response.status_code == 200, response.status_code
    return [
        " ".join(a.text_content().split())
        for a in parse(response).xpath("//table[@id='result_list']//tbody//th//a")
    ]


def count_text(response):
    (nav,) = parse(response).xpath("//nav[@class='paginator']")
    return " ".join(nav.xpath("string(.)").split())


def test_every_page_shows_the_matches_in_order(admin_client, archive):
    found, _others = archive
    newest = [
        a.title for a in sorted(found, key=lambda a: a.published_at, reverse=True)
    ]
    first = admin_client.get(URL, {"q": "tide"})
    assert headlines(first) == newest[:2]
    # Three pages read: the count says there are more.
    assert "3 … more than 6 articles" in count_text(first)
    pages = [
        headlines(admin_client.get(URL, {"q": "tide", "p": number}))
        for number in range(1, 6)
    ]
    assert [title for page in pages for title in page] == newest
    # Near the end the count is exact.
    last = count_text(admin_client.get(URL, {"q": "tide", "p": 4}))
    assert "5 9 articles" in last and "more than" not in last


def test_a_column_order_and_show_all_find_the_same_matches(admin_client, archive):
    found, _others = archive
    by_title = sorted(a.title for a in found)
    # The headline column (the first) sorted ascending.
    pages = [
        headlines(admin_client.get(URL, {"q": "tide", "o": "1", "p": number}))
        for number in range(1, 6)
    ]
    assert [title for page in pages for title in page] == by_title
    everything = admin_client.get(URL, {"q": "tide", "all": ""})
    assert sorted(headlines(everything)) == by_title


def test_the_search_costs_the_queries_of_the_list_whatever_it_finds(
    admin_client, archive
):
    def queries(**params):
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(URL, params).status_code == 200
        return len(captured)

    plain = queries()
    assert queries(q="tide") == plain
    # No row: nothing of the rows' own to read.
    assert queries(q="nothing-like-this") <= plain
    for n in range(6):
        make_article(f"Tide again {n}")
    assert queries(q="tide") == plain
    assert queries(q="tide", p="3") == plain
