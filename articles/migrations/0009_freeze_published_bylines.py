from django.conf import settings
from django.db import migrations


def freeze_published_bylines(apps, schema_editor):
    """
    Keep the byline of every published article whose authors have none (the
    importer stored them unfrozen): each author's name, titles and short bio
    per language, as articles.bylines.snapshot_of does.
    """
    Authorship = apps.get_model("articles", "Authorship")
    Expert = apps.get_model("experts", "Expert")
    columns = {field.name for field in Expert._meta.concrete_fields}
    codes = [code for code, _name in settings.LANGUAGES if f"name_{code}" in columns]
    unfrozen = Authorship.objects.filter(
        frozen={}, article__first_published_at__isnull=False
    ).select_related("expert")
    for authorship in unfrozen.iterator():
        expert = authorship.expert
        frozen = {"sort_name": expert.sort_name or ""}
        for code in codes:
            frozen[code] = {
                name: getattr(expert, f"{name}_{code}") or ""
                for name in ("name", "titles", "short_bio")
            }
        authorship.frozen = frozen
        authorship.save(update_fields=["frozen"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_authorship_frozen_byline"),
        ("experts", "0004_expert_trash"),
    ]

    operations = [
        migrations.RunPython(freeze_published_bylines, migrations.RunPython.noop),
    ]
