"""
The lead image and the report's PDF become references to library records
(``library.Image``, ``library.Document``).

Every stored file becomes a record (the same bytes once, by their SHA-256),
keeping its file, size, focal point, AVIF choices and page count; the image
takes the article's alt text, caption and credit (the first article's, when
several share the bytes), which the article keeps as its own too. The
revisions' snapshots name the records by number instead of the files by name,
so that a restore brings the same files back. Nothing is copied or moved in
storage. Run ``manage.py build_renditions`` afterwards: a library image has
every rendition spec, a lead image had four.
"""

import django.db.models.deletion
from django.db import migrations, models

from library.conversion import Converter

OLD_IMAGE = (
    "lead_image",
    "lead_image_width",
    "lead_image_height",
    "lead_image_avif",
    "lead_image_focus_x",
    "lead_image_focus_y",
)
OLD_PDF = ("pdf", "pdf_size")
TEXTS = ("alt", "caption", "credit")
LANGUAGES = ("en", "ar")


def _image_values(source):
    values = {
        "width": source.get("lead_image_width"),
        "height": source.get("lead_image_height"),
        "avif": source.get("lead_image_avif") or "",
        "focus_x": source.get("lead_image_focus_x", 50),
        "focus_y": source.get("lead_image_focus_y", 50),
        "decorative": bool(source.get("lead_image_decorative")),
        "title": source.get("title_en") or source.get("title") or "",
    }
    for text in TEXTS:
        values[text] = (
            source.get(f"lead_image_{text}_en")
            or source.get(f"lead_image_{text}")
            or ""
        )
        for code in LANGUAGES:
            values[f"{text}_{code}"] = source.get(f"lead_image_{text}_{code}")
    return values


def _document_values(source):
    series, number = source.get("series") or "", source.get("series_number")
    title = f"{series} {number}" if series and number else ""
    return {
        "title": title or source.get("title_en") or source.get("title") or "",
        "size": source.get("pdf_size"),
        "page_count": source.get("page_count"),
    }


def forward(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    convert = Converter(apps)
    wanted = {
        "pk",
        "title",
        "title_en",
        "series",
        "series_number",
        "page_count",
        "lead_image_decorative",
        *OLD_IMAGE,
        *OLD_PDF,
        *(f"lead_image_{text}" for text in TEXTS),
        *(f"lead_image_{text}_{code}" for text in TEXTS for code in LANGUAGES),
    }
    rows = Article._base_manager.exclude(lead_image="", pdf="").order_by("pk")
    for article in rows.values(*sorted(wanted)):
        image = convert.image(article["lead_image"], **_image_values(article))
        document = convert.document(article["pdf"], **_document_values(article))
        Article._base_manager.filter(pk=article["pk"]).update(
            lead_image_record=image, pdf_document=document
        )
    for revision in convert.revisions("articles", "article").order_by("pk").iterator():
        fields = revision.data.get("fields", {})
        if "lead_image" not in fields and "pdf" not in fields:
            continue
        image = convert.image(
            fields.get("lead_image") or "", missing_ok=False, **_image_values(fields)
        )
        document = convert.document(
            fields.get("pdf") or "", missing_ok=False, **_document_values(fields)
        )
        for key in (*OLD_IMAGE, *OLD_PDF):
            fields.pop(key, None)
        fields["lead_image_id"] = image
        fields["pdf_id"] = document
        revision.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0016_search_text"),
        ("library", "0001_image_document"),
        ("history", "0004_stale_translations_to_articles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="lead_image_record",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="library.image",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="pdf_document",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="library.document",
            ),
        ),
        migrations.RunPython(forward, migrations.RunPython.noop, elidable=False),
        *(
            migrations.RemoveField(model_name="article", name=name)
            for name in (*OLD_IMAGE, *OLD_PDF)
        ),
        migrations.RenameField(
            model_name="article", old_name="lead_image_record", new_name="lead_image"
        ),
        migrations.RenameField(
            model_name="article", old_name="pdf_document", new_name="pdf"
        ),
        migrations.AlterField(
            model_name="article",
            name="lead_image",
            field=models.ForeignKey(
                blank=True,
                help_text="An image of the library (its focal point is set there). The alt text, caption and credit below are this article's; left empty, the image's own are used.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="lead_image_articles",
                to="library.image",
                verbose_name="lead image",
            ),
        ),
        migrations.AlterField(
            model_name="article",
            name="pdf",
            field=models.ForeignKey(
                blank=True,
                help_text="A document of the library; the page count is read from it. The report's PDF address stays the same when the document is replaced.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="report_articles",
                to="library.document",
                verbose_name="PDF",
            ),
        ),
    ]
