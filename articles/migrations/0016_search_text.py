"""
The search index on SQLite: FTS5 tables (``articles.search_sqlite``), filled
for the existing articles. ``ArticleSearchText`` is unmanaged: a virtual
table is not something Django's schema editor can create, so the
``RunPython`` step creates it, on SQLite only. On PostgreSQL the entries are
rebuilt instead, because the normalisation now also folds ة into ه and ى
into ي.
"""

import django.db.models.deletion
from django.db import migrations, models

from articles import search_sqlite
from articles.search_index import update_search_vectors


def create_and_fill(apps, schema_editor):
    search_sqlite.create_tables(schema_editor)
    if schema_editor.connection.vendor not in ("sqlite", "postgresql"):
        return
    Article = apps.get_model("articles", "Article")
    update_search_vectors(
        Article._base_manager.values_list("pk", flat=True), registry=apps
    )


def drop(apps, schema_editor):
    search_sqlite.drop_tables(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("articles", "0015_article_newest_index")]

    operations = [
        migrations.CreateModel(
            name="ArticleSearchText",
            fields=[
                (
                    "id",
                    models.IntegerField(
                        db_column="rowid", primary_key=True, serialize=False
                    ),
                ),
                ("language", models.CharField(max_length=10)),
                ("title", models.TextField()),
                ("summary", models.TextField()),
                ("body", models.TextField()),
                ("names", models.TextField()),
                (
                    "document",
                    search_sqlite.MatchField(db_column="articles_search_text"),
                ),
                ("rank", models.FloatField(db_column="rank")),
                (
                    "article",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="search_texts",
                        to="articles.article",
                    ),
                ),
            ],
            options={
                "verbose_name": "search text",
                "verbose_name_plural": "search texts",
                "db_table": "articles_search_text",
                "managed": False,
                "required_db_vendor": "sqlite",
            },
        ),
        migrations.RunPython(create_and_fill, drop, elidable=False),
    ]
