"""
Trigram indexes for the admin's article search (PostgreSQL only).

The admin searches titles and slugs with ``icontains``, which PostgreSQL
writes as ``UPPER(column::text) LIKE UPPER('%word%')``: without these
indexes each search reads the whole archive. Each index is on that same
expression, one per searched column and language. The state is untouched
and nothing happens on SQLite.

The columns are those of the model as this migration finds it (English and
Arabic), not of today's settings: a language added later has no column yet
when this runs on a new database.
"""

from django.db import migrations


def _columns(apps):
    article = apps.get_model("articles", "Article")
    return [
        field.column
        for field in article._meta.concrete_fields
        if field.name.startswith(("title_", "slug_"))
    ]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in _columns(apps):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS articles_article_{column}_trgm "
            f"ON articles_article USING GIN ((UPPER({column}::text)) gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in _columns(apps):
        schema_editor.execute(f"DROP INDEX IF EXISTS articles_article_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_article_not_trashed_index")]

    operations = [migrations.RunPython(add_indexes, drop_indexes, elidable=False)]
