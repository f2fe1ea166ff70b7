"""
``manage.py generate_content``: a synthetic archive that the site serves as
it serves real work (pages, visibility, rails, search), the same for the
same seed.
"""

import io

import pytest
from django.core.management import CommandError, call_command

from articles import rails
from articles.models import Article, RelatedArticle, Status
from experts.models import Expert
from taxonomy.models import Region, Topic
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    out = io.StringIO()
    call_command("generate_content", articles=120, seed=3, stdout=out)
    assert "Added 120 articles" in out.getvalue()
    return Article.objects.all()


def test_the_archive_has_the_shapes_asked_for(archive):
    assert archive.count() == 120
    assert Expert.objects.count() >= 5
    assert Topic.objects.filter(parent__isnull=False).exists()
    assert Region.objects.filter(parent__isnull=False).exists()
    live_en = Article.objects.live("en")
    assert 0 < live_en.count() < 120
    assert Article.objects.live("ar").exists()
    assert archive.exclude(status=Status.PUBLISHED).exists()
    for article in live_en.for_listing():
        assert article.byline(), article.pk
        assert article.title_en and article.slug_en and article.summary_en
        # A published byline is frozen as published.
        assert all(a.frozen for a in article.byline())


def test_every_live_page_renders_and_nothing_else_does(client, archive):
    for article in Article.objects.live("en")[:20]:
        response = client.get(article.url_in("en"))
        assert response.status_code == 200
        doc = parse(response)
        assert doc.xpath("//h1")[0].text_content().strip() == article.title_en
    for article in Article.objects.live("ar")[:5]:
        assert client.get(article.url_in("ar")).status_code == 200
    hidden = Article.objects.exclude(pk__in=Article.objects.live("en")).exclude(
        slug_en=None
    )
    assert hidden.exists()
    for article in hidden[:20]:
        assert client.get(article.url_in("en")).status_code == 404, article.status
    for url in (
        "/",
        "/policy-analysis",
        "/experts",
        Topic.objects.first().get_absolute_url(),
        Region.objects.first().get_absolute_url(),
        Expert.objects.with_profile().first().get_absolute_url(),
        "/feeds/latest.rss",
        "/sitemap.xml",
        "/sitemap-articles.xml",
    ):
        assert client.get(url).status_code == 200, url


def test_the_stored_rails_are_the_ranking(archive):
    """The bulk scoring keeps, for every article, exactly the head ``ranked()`` gives."""
    ids = list(Article.all_objects.values_list("pk", flat=True))
    for code in ("en", "ar"):
        expected = {
            (src, dst, score) for src, dst, score, _when in rails.ranked(ids, code)
        }
        stored = set(
            RelatedArticle.objects.filter(language=code).values_list(
                "article_id", "related_id", "score"
            )
        )
        assert stored == expected, code
        assert stored


def test_a_second_run_grows_the_same_archive(archive):
    experts = set(Expert.objects.values_list("pk", flat=True))
    call_command("generate_content", articles=30, seed=3, stdout=io.StringIO())
    assert Article.objects.count() == 150
    # The people are reused (more only when the archive's size calls for more).
    assert experts <= set(Expert.objects.values_list("pk", flat=True))
    test_the_stored_rails_are_the_ranking(None)


def test_the_same_seed_gives_the_same_content(archive):
    first = list(archive.order_by("pk").values_list("title_en", "status", "slug_ar"))
    Article.all_objects.all().delete()
    Expert.objects.all().delete()
    for model in (Topic, Region):
        model.objects.filter(parent__isnull=False).delete()
        model.objects.all().delete()
    call_command("generate_content", articles=120, seed=3, stdout=io.StringIO())
    again = list(
        Article.objects.order_by("pk").values_list("title_en", "status", "slug_ar")
    )
    assert [row[:2] for row in again] == [row[:2] for row in first]


def test_a_count_below_one_is_refused():
    with pytest.raises(CommandError, match="--articles"):
        call_command("generate_content", articles=0)
