"""
The demo content (``demo/content.json``): it imports, it is what ``make demo``
promises, and a reader following its links never reaches a dead end.
"""

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import resolve
from django.utils import translation
from lxml import html

from articles.models import (
    Article,
    ArticleType,
    Authorship,
    Recommendation,
    Status,
    published_q,
)
from core.slugs import propose_slug
from experts.models import Expert, ExpertStatus
from taxonomy.models import Region, Topic
from tests.demo.helpers import CONTENT, import_demo, load_generator
from tests.exchange.helpers import import_file
from tests.html import get_page

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
#: The demo's "today": everything published comes before it, the scheduled piece after.
DEMO_TODAY = datetime(2026, 11, 1, tzinfo=NEW_YORK)
INTERNAL = re.compile(r"^(/ar)?/policy-analysis/[a-z0-9-]+$")


def snapshot() -> dict:
    """Every stored value of the content tables, so two states can be compared."""
    models = (Topic, Region, Expert, Article, Authorship, Recommendation)
    return {
        model.__name__: sorted(
            (tuple(sorted(row.items())) for row in model.objects.values()),
            key=repr,
        )
        for model in models
    }


@pytest.fixture
def demo(settings):
    return import_demo(settings)


def test_committed_output_is_what_the_generator_writes():
    """demo/content.json is up to date with the texts that make it."""
    generator = load_generator()
    expected = (
        json.dumps(generator.build_content(), ensure_ascii=False, indent=2) + "\n"
    )
    assert CONTENT.read_text(encoding="utf-8") == expected


def test_demo_imports_into_an_empty_database(demo):
    """The counts make demo promises: experts, terms, articles of every type, languages, states."""
    assert "articles: 40 created" in demo.stdout
    assert (Expert.objects.count(), Topic.objects.count(), Region.objects.count()) == (
        10,
        12,
        15,
    )
    assert Article.objects.count() == 40
    assert set(Article.objects.values_list("type__slug", flat=True)) == set(
        ArticleType.objects.values_list("slug", flat=True)
    )
    assert Article.objects.live("ar").count() >= 10
    assert Article.objects.filter(status=Status.DRAFT).count() == 1
    scheduled = Article.objects.get(status=Status.SCHEDULED)
    assert scheduled.published_at.year == 2027
    visible = Article.objects.filter(published_q(now=DEMO_TODAY))
    assert visible.count() == 38
    assert scheduled not in visible
    assert visible.filter(published_at__year=2021).exists()
    assert visible.filter(published_at__year=2026).exists()
    assert Recommendation.objects.values("article").distinct().count() == 8
    assert not Recommendation.objects.exclude(
        recommended__in=Article.objects.published()
    ).exists()
    # Regions nest: the Gulf states hold the Gulf monarchies.
    gulf = Region.objects.get(slug="gulf-states")
    assert {"saudi-arabia", "qatar"} <= set(
        gulf.children.values_list("slug", flat=True)
    )


def test_demo_experts_have_what_their_profiles_show(demo):
    """Former fellows, an emeritus, a contributor without a profile; Arabic names and bios."""
    assert Expert.objects.filter(status=ExpertStatus.FORMER).count() >= 3
    assert Expert.objects.filter(status=ExpertStatus.EMERITUS).count() == 1
    guest = Expert.objects.get(has_profile=False)
    assert not guest.headshot
    for expert in Expert.objects.with_profile():
        assert expert.name_ar and expert.titles_ar and expert.short_bio_ar, expert
        assert expert.bio_en.startswith("<p>"), expert
        assert expert.topics.exists() and expert.regions.exists(), expert
        assert expert.headshot, expert
        assert expert.headshot.width == 800 and expert.headshot.height == 1000
    for expert in Expert.objects.filter(status=ExpertStatus.FORMER):
        assert " was " in expert.short_bio_en, expert
        assert expert.affiliation_end, expert


def test_second_import_changes_nothing(demo):
    before = snapshot()
    again = import_file(CONTENT)
    assert again.ok, again.error + again.stderr
    assert "articles: 0 created, 0 updated, 40 unchanged" in again.stdout
    assert snapshot() == before


def test_articles_read_as_policy_analysis(demo):
    """Every article has the parts the article page shows, in each language it is published in."""
    for article in Article.objects.prefetch_related("authorships", "topics", "regions"):
        assert 1 <= article.authorships.count() <= 3, article
        assert article.topics.exists() and article.regions.exists(), article
        if article.type.kind == "report":
            assert article.subtitle_en and article.series_number and article.page_count
        if article.type.slug == "op-ed":
            assert article.outlet_name and article.outlet_url.startswith("https://")
        if article.type.slug == "testimony":
            assert article.venue_en and article.hearing_date
        for code in article.languages:
            body = html.fromstring(getattr(article, f"body_{code}"))
            assert getattr(article, f"summary_{code}"), (article, code)
            assert body.xpath("//p/strong") and body.xpath("//em"), (article, code)
            hrefs = body.xpath("//a/@href")
            assert any(h.startswith("https://") for h in hrefs), (article, code)
            note = getattr(article, f"author_note_{code}")
            assert not note or note.endswith(" ❖"), (article, code)
        if article.is_published_in("ar"):
            assert article.slug_ar == propose_slug(article.title_ar)
            assert article.slug_ar.isascii()


def test_internal_links_point_at_live_pages(demo):
    """Each body links to another page of the site, in the same language, that readers can see."""
    topics_and_regions = {
        *Topic.objects.values_list("slug", flat=True),
        *Region.objects.values_list("slug", flat=True),
    }
    for article in Article.objects.all():
        for code in article.languages:
            hrefs = html.fromstring(getattr(article, f"body_{code}")).xpath("//a/@href")
            internal = [h for h in hrefs if h.startswith("/")]
            assert internal, (article, code)
            for href in internal:
                assert INTERNAL.match(href), (article, code, href)
                assert href.startswith("/ar/") == (code == "ar"), (article, code, href)
                with translation.override(code):
                    match = resolve(href)
                assert match.url_name == "policy_analysis", (article, code, href)
                slug = match.kwargs["slug"]
                target = Article.objects.live(code).by_slug(slug, code).first()
                assert target or slug in topics_and_regions, (article, code, href)
                assert target != article, (article, code, href)


def test_reader_can_follow_every_internal_link(client, demo):
    """On the rendered pages, every link in an article's text leads to a page that answers."""
    checked = set()
    for article in Article.objects.published():
        for code in article.languages:
            page = get_page(client, article.url_in(code))
            links = {
                href
                for href in page.xpath("//a/@href")
                if INTERNAL.match(href) and href in getattr(article, f"body_{code}")
            }
            assert links, (article, code)
            for href in links - checked:
                get_page(client, href)
                checked.add(href)
    assert len(checked) >= 30
