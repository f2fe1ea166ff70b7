from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Status
from articles.selectors import recommended_articles, with_bylines
from tests.factories import make_article, make_expert, make_region, make_topic
from tests.html import by_class, get_page, one, text

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - timedelta(days=n)


@pytest.fixture
def terms():
    return {
        "author": make_expert(),
        "topic": make_topic(),
        "region": make_region(),
    }


def make_subject(terms, **fields):
    return make_article(
        authors=[terms["author"]],
        topics=[terms["topic"]],
        regions=[terms["region"]],
        languages=("en", "ar"),
        published_at=days_ago(1),
        **fields,
    )


def test_editor_picks_come_first_in_the_editors_order(terms):
    """Picks lead (even unrelated ones), then the fill-up."""
    related = make_article(authors=[terms["author"]], published_at=days_ago(2))
    pick_b = make_article(published_at=days_ago(30))
    pick_a = make_article(published_at=days_ago(40))
    subject = make_subject(terms, recommended=[pick_a, pick_b])
    assert list(recommended_articles(subject, language_code="en")) == [
        pick_a,
        pick_b,
        related,
    ]


def test_fill_up_is_ordered_by_weight_then_recency(terms):
    """Shared author (3) beats shared topic (2) beats shared region (1); ties go to the newest."""
    region_only = make_article(regions=[terms["region"]], published_at=days_ago(2))
    topic_old = make_article(topics=[terms["topic"]], published_at=days_ago(9))
    topic_new = make_article(topics=[terms["topic"]], published_at=days_ago(3))
    author = make_article(authors=[terms["author"]], published_at=days_ago(50))
    make_article(published_at=days_ago(2))  # shares nothing: never chosen
    subject = make_subject(terms)
    assert list(recommended_articles(subject, language_code="en", limit=4)) == [
        author,
        topic_new,
        topic_old,
        region_only,
    ]
    assert list(recommended_articles(subject, language_code="en")) == [
        author,
        topic_new,
        topic_old,
    ]


def test_scores_add_up(terms):
    """A topic and a region (2 + 1) outrank a topic alone, and tie with an author (3), newer first."""
    topic_and_region = make_article(
        topics=[terms["topic"]], regions=[terms["region"]], published_at=days_ago(5)
    )
    author = make_article(authors=[terms["author"]], published_at=days_ago(4))
    topic = make_article(topics=[terms["topic"]], published_at=days_ago(2))
    subject = make_subject(terms)
    assert list(recommended_articles(subject, language_code="en")) == [
        author,
        topic_and_region,
        topic,
    ]


def test_never_itself_nor_unpublished_work(terms):
    """Neither the page, nor drafts, archived, future or not-yet-live picks appear."""
    draft = make_article(authors=[terms["author"]], status=Status.DRAFT)
    archived = make_article(
        authors=[terms["author"]], status=Status.ARCHIVED, published_at=days_ago(3)
    )
    future = make_article(
        authors=[terms["author"]], published_at=timezone.now() + timedelta(days=2)
    )
    subject = make_subject(terms, recommended=[draft, archived, future])
    assert list(recommended_articles(subject, language_code="en")) == []


def test_only_work_live_in_the_pages_language(terms):
    """On the Arabic page, an English-only pick or related piece is left out."""
    english_pick = make_article(languages=("en",))
    arabic_pick = make_article(languages=("en", "ar"))
    english_related = make_article(authors=[terms["author"]], languages=("en",))
    arabic_related = make_article(topics=[terms["topic"]], languages=("ar", "en"))
    subject = make_subject(terms, recommended=[english_pick, arabic_pick])
    assert list(recommended_articles(subject, language_code="ar")) == [
        arabic_pick,
        arabic_related,
    ]
    assert list(recommended_articles(subject, language_code="en")) == [
        english_pick,
        arabic_pick,
        english_related,
    ]


def test_deterministic_when_everything_ties(terms):
    """Same score and same date: the newer row wins, every time."""
    moment = days_ago(3)
    first = make_article(topics=[terms["topic"]], published_at=moment)
    second = make_article(topics=[terms["topic"]], published_at=moment)
    subject = make_subject(terms)
    expected = [second, first]
    for _ in range(3):
        assert list(recommended_articles(subject, language_code="en")) == expected


def test_costs_two_queries_however_large_the_archive(terms, django_assert_num_queries):
    """One query reads the picks and the scored candidates; one more loads the bylines."""
    for _ in range(12):
        make_article(authors=[terms["author"], make_expert()], topics=[terms["topic"]])
    subject = make_subject(terms, recommended=[make_article()])
    with django_assert_num_queries(2):
        items = recommended_articles(subject, language_code="en")
        with_bylines(items)
        for item in items:
            assert item.type.plural
            [a.expert.name for a in item.byline()]
    assert len(items) == 3


def test_rail_items_show_type_plural_title_subtitle_date_and_authors(client, terms):
    expert = make_expert("Dana Stroul")
    report = make_article(
        "Deterrence after the strikes",
        type="in-depth-report",
        subtitle_en="A policy study",
        authors=[expert],
    )
    subject = make_subject(terms, recommended=[report])
    tree = get_page(client, subject.url_in("en"))
    rail = one(tree, by_class("rail"))
    assert text(one(rail, ".//h2")) == "Recommended"
    item = one(rail, ".//li")
    assert text(one(item, ".//h3")) == "In-Depth Reports"
    link = one(item, ".//*[contains(@class, 'rail__title')]/a")
    assert (text(link), link.get("href")) == (
        "Deterrence after the strikes",
        report.url_in("en"),
    )
    assert (
        text(one(item, ".//*[contains(@class, 'rail__subtitle')]")) == "A policy study"
    )
    assert text(one(item, ".//time")) == timezone.localtime(
        report.published_at
    ).strftime("%b %-d, %Y")
    assert text(one(item, ".//*[contains(@class, 'author-names')]")) == "Dana Stroul"
