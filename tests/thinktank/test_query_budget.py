"""Each page's number of queries, and proof that it does not grow with what the page lists."""

from math import ceil

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from articles.generate import generate
from articles.models import Article
from core.pager import PAGE_SIZE
from experts.models import Expert
from taxonomy.models import Region, Topic
from tests.factories import make_article, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db

#: The article (with its type, and for a translation whether it is stale);
#: its topics and regions; the rail (picks and scored candidates together);
#: the bylines of the article and the rail at once; the chrome's menus; the
#: footer's institute pages.
ARTICLE_PAGE_QUERIES = 6
#: Types, topics (with their children), regions (with theirs) and experts for the
#: filters; the count, the page and its bylines; the chrome's menus; the
#: footer's institute pages.
LISTING_PAGE_QUERIES = 9


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
    assert response.content.decode().count('<article class="card ') == 6


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
    # The page, the footer's pages, the menus.
    assert len(few) == 3
    assert response.content.decode().count('href="/policy-analysis/topic-') >= 12


def test_not_found_page_costs_the_lookups_and_the_chrome(
    client, django_assert_num_queries
):
    # The article, then a topic, then a region with that slug; an article
    # with that slug in another language (on the slugs' unique indexes); the
    # redirects table (a moved page answers 301); then the menus and the
    # footer's pages.
    with django_assert_num_queries(7):
        assert client.get("/policy-analysis/nothing-here").status_code == 404


def public_pages() -> dict[str, str]:
    """An address of every public page type, on the busiest records of the archive."""

    def busiest(model):
        return model.objects.annotate(n=Count("articles")).order_by("-n", "pk").first()

    article = Article.objects.live("en").newest_first().first()
    live = Article.objects.live("en").count()
    arabic = Article.objects.live("ar").newest_first().first()
    topic, region = busiest(Topic), busiest(Region)
    expert = (
        Expert.objects.with_profile()
        .annotate(n=Count("authorships"))
        .order_by("-n", "pk")
        .first()
    )
    return {
        "article": article.url_in("en"),
        "article in Arabic": arabic.url_in("ar"),
        "topic landing": topic.get_absolute_url(),
        "region landing": region.get_absolute_url(),
        "listing": "/policy-analysis",
        # The deepest page there is (page 1 of the small archive).
        "listing, last page": f"/policy-analysis?page={max(1, ceil(live / PAGE_SIZE))}",
        "listing with filters": (
            f"/policy-analysis?type=brief-analysis&topic={topic.slug}"
            f"&region={region.slug}&expert={expert.slug}&from=2000-01-01"
        ),
        "expert page": expert.get_absolute_url(),
        "experts directory": "/experts",
        "experts directory, filtered": f"/experts?topic={topic.slug}",
        "home": "/",
        "institute page": "/about",
        "institute page in Arabic": "/ar/privacy",
        "newsletter sign-up": "/newsletter",
        "home in Arabic": "/ar/",
        "search": "/search?q=security",
        "search with filters": f"/search?q=security+policy&topic={topic.slug}",
        "feed latest": "/feeds/latest.rss",
        "feed latest Atom": "/ar/feeds/latest.atom",
        "feed topic": f"/feeds/topic/{topic.slug}.rss",
        "feed region": f"/feeds/region/{region.slug}.atom",
        "feed expert": f"/feeds/expert/{expert.slug}.rss",
        "feed type": "/feeds/type/brief-analysis.rss",
        "sitemap index": "/sitemap.xml",
        "sitemap articles": "/sitemap-articles.xml",
        "sitemap experts": "/sitemap-experts.xml",
        "sitemap topics": "/sitemap-topics.xml",
        "sitemap regions": "/sitemap-regions.xml",
        "sitemap pages": "/sitemap-pages.xml",
    }


def query_counts(client, pages: dict[str, str]) -> dict[str, int]:
    counts = {}
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        counts[name] = len(queries)
    return counts


def test_every_public_page_costs_the_same_at_10_and_1000_articles(client):
    """The archive grows a hundredfold; no page's number of queries moves."""
    generate(10, seed=5)
    pages = public_pages()
    small = query_counts(client, pages)
    generate(990, seed=5)
    assert Article.objects.count() == 1000
    large = query_counts(client, pages)
    assert large == small
