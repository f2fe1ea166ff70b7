"""
``StaleTranslation`` moves here from ``history`` (whose migration 0004 renamed
its table): the state only, then its content type, which keeps the
permissions given on it.
"""

import django.db.models.deletion
from django.db import migrations, models


def _move(apps, schema_editor, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    if not types.filter(app_label=target, model="staletranslation").exists():
        types.filter(app_label=source, model="staletranslation").update(
            app_label=target
        )


def to_articles(apps, schema_editor):
    _move(apps, schema_editor, "history", "articles")


def to_history(apps, schema_editor):
    _move(apps, schema_editor, "articles", "history")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_relatedarticle"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("history", "0004_stale_translations_to_articles"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StaleTranslation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "field",
                            models.CharField(max_length=40, verbose_name="field"),
                        ),
                        ("english_then", models.TextField(blank=True)),
                        (
                            "since",
                            models.DateTimeField(verbose_name="English changed on"),
                        ),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="stale_translations",
                                to="articles.article",
                                verbose_name="article",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "stale translation",
                        "verbose_name_plural": "stale translations",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("article", "field"),
                                name="stale_translation_unique",
                            )
                        ],
                    },
                )
            ]
        ),
        migrations.RunPython(to_articles, to_history),
    ]
