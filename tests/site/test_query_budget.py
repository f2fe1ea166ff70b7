"""Each page's number of queries, and proof that it does not grow with what the page lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db

#: The article (with its type, and for a translation whether it is stale);
#: its topics and regions; the rail (picks and scored candidates together);
#: the bylines of the article and the rail at once; the chrome's menus.
ARTICLE_PAGE_QUERIES = 5
#: Types, topics (+ children), regions (+ children) and experts for the filters; the count,
#: the page and its bylines; the chrome's menus.
LISTING_PAGE_QUERIES = 10


def make_rich_article(n, language):
    """An article with ``n`` authors, topics and regions, and ``n`` related pieces for the rail."""
    languages = ("en", "ar")
    authors = [make_expert() for _ in range(n)]
    topics = [make_topic() for _ in range(n)]
    regions = [make_region() for _ in range(n)]
    picks = [
        make_article(authors=authors, topics=topics, languages=languages)
        for _ in range(n)
    ]
    for _ in range(n):
        make_article(
            authors=authors[:1], topics=topics, regions=regions, languages=languages
        )
    article = make_article(
        authors=authors,
        topics=topics,
        regions=regions,
        recommended=picks,
        languages=languages,
    )
    return article.url_in(language)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_article_page_cost_does_not_grow(client, django_assert_num_queries, language):
    small = make_rich_article(1, language)
    large = make_rich_article(5, language)
    budget = ARTICLE_PAGE_QUERIES
    with django_assert_num_queries(budget):
        assert client.get(small).status_code == 200
    with django_assert_num_queries(budget):
        response = client.get(large)
    assert response.status_code == 200
    assert response.content.decode().count('class="byline__author"') == 5


@pytest.mark.parametrize("language", ["en", "ar"])
def test_listing_cost_does_not_grow(client, django_assert_num_queries, language):
    prefix = "/ar" if language == "ar" else ""
    make_article(authors=1, topics=1, regions=1, languages=("en", "ar"))
    with django_assert_num_queries(LISTING_PAGE_QUERIES):
        assert client.get(f"{prefix}/policy-analysis").status_code == 200
    experts = [make_expert() for _ in range(5)]
    for _ in range(15):
        make_article(authors=experts, topics=3, regions=3, languages=("en", "ar"))
    with django_assert_num_queries(LISTING_PAGE_QUERIES):
        response = client.get(f"{prefix}/policy-analysis?page=2&from=2000-01-01")
    assert response.status_code == 200
    assert response.content.decode().count('class="card"') == 6


def test_chrome_menus_cost_one_query_however_many_terms(
    client, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as few:
        client.get("/about")
    for _ in range(6):
        parent = make_topic()
        make_topic(parent=parent)
        make_region(parent=make_region())
    with django_assert_num_queries(len(few)):
        response = client.get("/about")
    assert len(few) == 1
    assert response.content.decode().count('href="/policy-analysis/topic-') >= 12


def test_not_found_page_costs_the_lookups_and_the_chrome(
    client, django_assert_num_queries
):
    # The article, then a topic, then a region with that slug; the redirects
    # table (a moved page answers 301); then the menus.
    with django_assert_num_queries(5):
        assert client.get("/policy-analysis/nothing-here").status_code == 404
