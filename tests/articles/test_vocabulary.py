"""
One word, one meaning (docs/architecture.md): "live" is the publish-a-language
rule, the same in the ORM, in the SQL written by hand and on a row in memory;
the first publication is noted by one rule on every path.
"""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.generate import generate
from articles.models import Article, Status, live_sql
from core.rows import fetch
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def matrix():
    """An article in every combination of what the rule looks at."""
    now = timezone.now()
    articles = []
    for status, when, available_ar, trashed in itertools.product(
        list(Status),
        (now - timedelta(days=1), now + timedelta(days=1), None),
        (False, True),
        (False, True),
    ):
        if when is None and status in (Status.PUBLISHED, Status.SCHEDULED):
            continue  # the database refuses it (article_published_has_date)
        article = make_article(
            status=status,
            published_at=when,
            languages=("en", "ar") if available_ar else ("en",),
            deleted_at=now if trashed else None,
        )
        if not available_ar:
            # Arabic text without the Arabic version published.
            Article.all_objects.filter(pk=article.pk).update(title_ar="عنوان")
        articles.append(article.pk)
    return articles


@pytest.mark.parametrize("language", ["en", "ar"])
def test_live_means_the_same_in_the_orm_in_sql_and_in_memory(matrix, language):
    orm = set(Article.all_objects.live(language).values_list("pk", flat=True))
    condition, params = live_sql("a", language)
    by_hand = {
        pk
        for (pk,) in fetch(
            f"SELECT a.id FROM {Article._meta.db_table} a WHERE {condition}", params
        )
    }
    in_memory = {
        article.pk
        for article in Article.all_objects.filter(pk__in=matrix)
        if article.is_live_in(language)
    }
    assert orm == by_hand == in_memory
    # Something on each side of the line: published and not, in each language.
    assert 0 < len(orm) < len(matrix)
    for pk in orm:
        article = Article.all_objects.get(pk=pk)
        assert article.status in (Status.PUBLISHED, Status.SCHEDULED)
        assert article.published_at <= timezone.now()
        assert article.deleted_at is None
        assert article.is_published_in(language)
        assert language in article.live_languages()


def test_live_in_any_language_is_live_in_one_of_them(matrix):
    assert set(Article.all_objects.live_in_any_language()) == set(
        Article.all_objects.live("en")
    ) | set(Article.all_objects.live("ar"))


def test_the_first_publication_is_noted_once_by_an_orm_save():
    article = make_article(status=Status.DRAFT, published_at=None)
    assert article.first_published_at is None
    first = timezone.now() - timedelta(days=3)
    article.status, article.published_at = Status.PUBLISHED, first
    article.save()
    assert Article.objects.get(pk=article.pk).first_published_at == first
    # A later publication date leaves the first publication alone.
    article.published_at = timezone.now()
    article.save()
    assert Article.objects.get(pk=article.pk).first_published_at == first


def test_an_archived_article_is_not_first_published_by_a_save():
    """The control: archived without ever being published, it has no first publication."""
    article = make_article(
        status=Status.ARCHIVED, published_at=timezone.now() - timedelta(days=1)
    )
    assert Article.objects.get(pk=article.pk).first_published_at is None


def test_generated_articles_follow_the_first_publication_rule():
    generate(60, seed=7, search=False)
    for article in Article.all_objects.all():
        if article.status in (Status.PUBLISHED, Status.SCHEDULED, Status.ARCHIVED):
            # An archived piece was published before it was archived.
            assert article.first_published_at == article.published_at
        else:
            assert article.first_published_at is None
