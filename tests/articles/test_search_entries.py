"""The search index is rows of ``ArticleSearchEntry``: no column per language, no schema upkeep."""

import pytest
from django.db import connection

from articles.models import Article, ArticleSearchEntry
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def _columns(table):
    with connection.cursor() as cursor:
        return {
            c.name
            for c in connection.introspection.get_table_description(cursor, table)
        }


def test_the_index_is_a_table_on_postgresql_and_none_on_sqlite():
    """No vector column on the articles; the entries' table (GIN-indexed) on PostgreSQL only."""
    assert not any(
        name.startswith("search_vector_") for name in _columns(Article._meta.db_table)
    )
    table = ArticleSearchEntry._meta.db_table
    tables = connection.introspection.table_names()
    # Each database has its own expectation: PostgreSQL stores the entries,
    # SQLite keeps its index in FTS5 tables instead (tests/articles/test_search_sqlite.py).
    if connection.vendor == "postgresql":
        assert _columns(table) == {"id", "article_id", "language", "document"}
        with connection.cursor() as cursor:
            constraints = connection.introspection.get_constraints(cursor, table)
        assert any(
            c["columns"] == ["document"] and c["type"] == "gin"
            for c in constraints.values()
        )
    else:
        assert table not in tables
        assert not ArticleSearchEntry._meta.can_migrate(connection)
        assert Article._meta.db_table in tables  # the positive control


@pytest.mark.postgres
def test_entries_follow_the_languages_an_article_has():
    article = make_article("Water and power")
    entries = ArticleSearchEntry.objects.filter(article=article)
    assert sorted(entries.values_list("language", flat=True)) == ["en"]
    article.title_ar = "الماء والطاقة"
    article.save()
    assert sorted(entries.values_list("language", flat=True)) == ["ar", "en"]
    article.title_ar = ""
    article.save()
    assert sorted(entries.values_list("language", flat=True)) == ["en"]
