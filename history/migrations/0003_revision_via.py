from django.db import migrations, models


def name_the_imports(apps, schema_editor):
    """Revisions the importer wrote carried its name as their comment: move it to ``via``."""
    Revision = apps.get_model("history", "Revision")
    Revision.objects.filter(user__isnull=True, comment="import_content").update(
        via="import_content", comment=""
    )


class Migration(migrations.Migration):
    dependencies = [
        ("history", "0002_revision_pending_kinds"),
    ]

    operations = [
        migrations.AddField(
            model_name="revision",
            name="via",
            field=models.CharField(blank=True, max_length=40, verbose_name="via"),
        ),
        migrations.RunPython(name_the_imports, migrations.RunPython.noop),
    ]
