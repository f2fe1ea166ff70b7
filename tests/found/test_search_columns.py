import pytest
from django.db import connection
from django.test import override_settings

from articles.search_index import ensure_search_columns

pytestmark = pytest.mark.django_db


def _columns():
    with connection.cursor() as cursor:
        return {
            c.name
            for c in connection.introspection.get_table_description(
                cursor, "articles_article"
            )
        }


@override_settings(LANGUAGES=[("en", "English"), ("ar", "Arabic"), ("fa", "Persian")])
def test_a_language_added_later_gets_its_search_column():
    """After migrate, every configured language has a search column on PostgreSQL, and none on SQLite."""
    ensure_search_columns()
    columns = _columns()
    if connection.vendor == "postgresql":
        assert {"search_vector_en", "search_vector_ar", "search_vector_fa"} <= columns
    else:
        assert not any(name.startswith("search_vector_") for name in columns)
