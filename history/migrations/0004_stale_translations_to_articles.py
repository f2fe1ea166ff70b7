"""
Stale translations are the articles' concern: the model moves to the
``articles`` app (``articles.0011_staletranslation`` takes it over, its
table renamed, its rows and permissions kept).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("history", "0003_revision_via")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(
                    name="staletranslation", table="articles_staletranslation"
                )
            ],
            state_operations=[migrations.DeleteModel(name="StaleTranslation")],
        )
    ]
