"""
The stored search vectors of articles (PostgreSQL only; see articles.search_index).

The columns are not model fields, so the state is untouched and the operation
does nothing on SQLite. After migrating a database that already holds articles,
run ``manage.py update_search_index`` to fill them.
"""

from django.conf import settings
from django.db import migrations


def _codes():
    return [code for code, _name in settings.LANGUAGES]


def add_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in _codes():
        schema_editor.execute(
            f"ALTER TABLE articles_article ADD COLUMN IF NOT EXISTS search_vector_{code} tsvector"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS articles_article_search_{code}_gin "
            f"ON articles_article USING GIN (search_vector_{code})"
        )


def drop_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in _codes():
        schema_editor.execute(
            f"ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector_{code}"
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_builtin_types")]

    operations = [migrations.RunPython(add_vectors, drop_vectors, elidable=False)]
