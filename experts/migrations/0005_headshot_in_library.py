"""
The headshot becomes a reference to a library image (``library.Image``).

Every stored headshot becomes an image (the same bytes once, by their
SHA-256), keeping its file, size, focal point and AVIF choices; the revisions'
snapshots name the image by its number instead of the file by its name, so
that a restore brings the same picture back. Nothing is copied or moved in
storage. Run ``manage.py build_renditions`` afterwards: a library image has
every rendition spec, a headshot had four.
"""

import django.db.models.deletion
from django.db import migrations, models

from library.conversion import Converter

OLD = (
    "headshot",
    "headshot_width",
    "headshot_height",
    "headshot_avif",
    "headshot_focus_x",
    "headshot_focus_y",
)


def _values(source, name):
    return {
        "width": source.get("headshot_width"),
        "height": source.get("headshot_height"),
        "avif": source.get("headshot_avif") or "",
        "focus_x": source.get("headshot_focus_x", 50),
        "focus_y": source.get("headshot_focus_y", 30),
        "collection": "Headshots",
        "title": name,
    }


def forward(apps, schema_editor):
    Expert = apps.get_model("experts", "Expert")
    convert = Converter(apps)
    rows = Expert._base_manager.exclude(headshot="").exclude(headshot__isnull=True)
    for expert in rows.order_by("pk").values("pk", "name_en", "name", *OLD):
        image = convert.image(
            expert["headshot"], **_values(expert, expert["name_en"] or expert["name"])
        )
        Expert._base_manager.filter(pk=expert["pk"]).update(headshot_image=image)
    for revision in convert.revisions("experts", "expert").order_by("pk").iterator():
        fields = revision.data.get("fields", {})
        if "headshot" not in fields:
            continue
        name = fields.get("headshot") or ""
        image = convert.image(
            name,
            missing_ok=False,
            **_values(fields, fields.get("name_en") or fields.get("name") or ""),
        )
        for key in OLD:
            fields.pop(key, None)
        fields["headshot_id"] = image
        revision.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("experts", "0004_expert_trash"),
        ("library", "0001_image_document"),
        ("history", "0004_stale_translations_to_articles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="expert",
            name="headshot_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="library.image",
            ),
        ),
        migrations.RunPython(forward, migrations.RunPython.noop, elidable=False),
        *(migrations.RemoveField(model_name="expert", name=name) for name in OLD),
        migrations.RenameField(
            model_name="expert", old_name="headshot_image", new_name="headshot"
        ),
        migrations.AlterField(
            model_name="expert",
            name="headshot",
            field=models.ForeignKey(
                blank=True,
                help_text="An image of the library; mark the face as its focal point there: every crop keeps that point in frame.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="headshot_experts",
                to="library.image",
                verbose_name="headshot",
            ),
        ),
    ]
