"""
The search index becomes a model, ``ArticleSearchEntry`` (PostgreSQL only):
its table is created, filled for the existing articles, and the old
per-language ``search_vector_*`` columns of ``articles_article`` go.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from articles.search_index import update_search_vectors


def fill_entries(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    Article = apps.get_model("articles", "Article")
    ids = list(Article._base_manager.values_list("pk", flat=True))
    for start in range(0, len(ids), 500):
        update_search_vectors(ids[start : start + 500], registry=apps)
    with connection.cursor() as cursor:
        columns = [
            column.name
            for column in connection.introspection.get_table_description(
                cursor, Article._meta.db_table
            )
            if column.name.startswith("search_vector_")
        ]
    table = schema_editor.quote_name(Article._meta.db_table)
    for column in columns:
        schema_editor.execute(
            f"ALTER TABLE {table} DROP COLUMN {schema_editor.quote_name(column)}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ('articles', '0011_staletranslation'),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticleSearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(max_length=10)),
                ('document', django.contrib.postgres.search.SearchVectorField()),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.DO_NOTHING, related_name='search_entries', to='articles.article')),
            ],
            options={
                'verbose_name': 'search entry',
                'verbose_name_plural': 'search entries',
                'required_db_vendor': 'postgresql',
                'indexes': [django.contrib.postgres.indexes.GinIndex(fields=['document'], name='article_search_document')],
                'constraints': [models.UniqueConstraint(fields=('article', 'language'), name='article_search_entry_unique')],
            },
        ),
        migrations.RunPython(fill_entries, migrations.RunPython.noop),
    ]
