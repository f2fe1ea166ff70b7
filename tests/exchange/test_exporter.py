import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

from articles.models import Article, ArticleType, Status
from experts.models import Expert, ExpertStatus
from taxonomy.models import Region
from tests import files
from tests.exchange.helpers import empty_database, export_text, import_file
from tests.factories import make_article, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db


def image_bytes(fmt="JPEG", colour=(150, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (24, 30), colour).save(buffer, format=fmt)
    return buffer.getvalue()


def build_rich_site():
    """Content that exercises every part of the format."""
    ArticleType.objects.create(
        slug="podcast",
        name_en="Podcast",
        name_ar="بودكاست",
        plural_en="Podcasts",
        sort_order=70,
    )
    middle_east = make_region("Middle East", slug="middle-east")
    gulf = make_region("Gulf", slug="gulf", parent=middle_east)
    iran = make_region(
        "Iran",
        slug="iran",
        parent=gulf,
        name_ar="إيران",
        description_en="The Islamic Republic.",
    )
    nuclear = make_topic("Nuclear", slug="nuclear", sort_order=5)
    proliferation = make_topic("Proliferation", slug="proliferation", parent=nuclear)
    energy = make_topic("Energy", slug="energy", name_ar="")
    zara = make_expert(
        "Zara Qasim",
        slug="zara-qasim",
        titles_en="Senior Fellow\nDirector, Gulf Program",
        bio_en="<p>Zara <em>studies</em> the Gulf.</p>",
        bio_ar='<p dir="rtl">تدرس زارا الخليج.</p>',
        affiliation_start=2012,
        email="zara@example.org",
        x_handle="zaraq",
    )
    zara.headshot = files.library_image(image_bytes(), name="zara.jpg", focus_y=20)
    zara.save()
    zara.topics.set([nuclear, proliferation])
    zara.regions.set([iran])
    adam = make_expert(
        "Adam Ellis",
        slug="adam-ellis",
        status=ExpertStatus.EMERITUS,
        affiliation_start=1990,
        affiliation_end=2015,
    )
    adam.headshot = files.library_image(
        image_bytes("PNG", (10, 90, 160)), name="adam.png"
    )
    adam.save()
    mina = make_expert(
        "Mina Farah",
        slug="mina-farah",
        status=ExpertStatus.IN_MEMORIAM,
        has_profile=False,
        sort_name="Farah, Mina",
    )
    report = make_article(
        "Iran's Enrichment Choices",
        slug_en="iran-enrichment-choices",
        slug_ar="khayarat-altakhsib",
        title_ar="خيارات التخصيب الإيرانية",
        type="in-depth-report",
        languages=("en", "ar"),
        authors=[zara, mina, adam],  # the byline's order, not the alphabet
        topics=[proliferation, nuclear],
        regions=[iran],
        subtitle_en="Three paths and their costs",
        author_note_en="Zara Qasim directs the Gulf program.",
        series="Policy Focus",
        series_number=181,
        page_count=52,
        lead_image_alt_en="Centrifuge hall",
        lead_image_alt_ar="قاعة أجهزة الطرد المركزي",
        lead_image_caption_ar="قاعة أجهزة الطرد",
        published_at=datetime(2024, 3, 5, 14, 30, 15, 123456, tzinfo=UTC),
    )
    report.lead_image = files.library_image(image_bytes("PNG"), name="hall.png")
    report.pdf = files.library_document(image_bytes("PDF"), name="report.pdf")
    report.save()
    oped = make_article(
        "Why Oil Still Matters",
        slug_en="why-oil-still-matters",
        type="op-ed",
        authors=[adam],
        topics=[energy],
        outlet_name="The Daily Ledger",
        outlet_url="https://example.org/oil",
        outlet_date_text="Spring 2024",
        recommended=[report],
    )
    testimony = make_article(
        "Sanctions and Their Limits",
        slug_en="sanctions-limits",
        type="testimony",
        authors=[zara],
        venue_en="Committee on Foreign Affairs",
        venue_ar="لجنة الشؤون الخارجية",
        hearing_date=date(2024, 2, 1),
        recommended=[oped, report],
    )
    make_article(
        "A draft in progress",
        slug_en="draft-in-progress",
        status=Status.DRAFT,
        languages=(),
        type="podcast",
    )
    report.recommendations.through.objects.create(
        article=report, recommended=testimony, order=0
    )


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_round_trip_is_byte_identical(tmp_path, settings):
    """export -> import into an empty database -> export gives the same bytes, files included."""
    build_rich_site()
    first = export_text(tmp_path / "one" / "content.json")
    empty_database()
    assert (
        not ArticleType.objects.exists()
    )  # even the built-in types come from the file
    settings.MEDIA_ROOT = tmp_path / "fresh-media"

    result = import_file(tmp_path / "one" / "content.json")
    assert result.ok, result.stderr
    second = export_text(tmp_path / "two" / "content.json")

    assert second.encode() == first.encode()
    assert files_under(tmp_path / "two") == files_under(tmp_path / "one")
    assert set(files_under(tmp_path / "one")) == {
        "content.json",
        "images/zara-qasim.jpg",
        "images/adam-ellis.png",
        "images/articles/iran-enrichment-choices.png",
        "files/iran-enrichment-choices.pdf",
    }
    report = Article.objects.get(slug_en="iran-enrichment-choices")
    assert [a.expert.slug for a in report.byline()] == [
        "zara-qasim",
        "mina-farah",
        "adam-ellis",
    ]
    assert Region.objects.get(slug="iran").ancestors()[0].slug == "middle-east"
    assert report.published_at == datetime(2024, 3, 5, 14, 30, 15, 123456, tzinfo=UTC)


def test_export_form(tmp_path):
    """Keys in a fixed order, records sorted by slug, UTC date-times, Arabic as text, empty languages left out."""
    build_rich_site()
    text = export_text(tmp_path / "content.json")
    data = json.loads(text)
    assert text.endswith("}\n") and "إيران" in text
    assert list(data) == [
        "format",
        "article_types",
        "topics",
        "regions",
        "experts",
        "articles",
    ]
    assert [t["slug"] for t in data["topics"]] == ["energy", "nuclear", "proliferation"]
    assert [a["slug"]["en"] for a in data["articles"]] == [
        "draft-in-progress",
        "iran-enrichment-choices",
        "sanctions-limits",
        "why-oil-still-matters",
    ]
    assert {t["slug"] for t in data["article_types"]} >= {
        "brief-analysis",
        "op-ed",
        "podcast",
    }
    assert data["topics"][0]["name"] == {"en": "Energy"}
    report = data["articles"][1]
    assert list(report)[:14] == [
        "slug", "type", "title", "subtitle", "summary", "body", "author_note", "published_at",
        "status", "languages", "authors", "topics", "regions", "recommended",
    ]  # fmt: skip
    assert report["published_at"] == "2024-03-05T14:30:15.123456+00:00"
    assert report["languages"] == ["en", "ar"]
    assert report["topics"] == ["nuclear", "proliferation"]
    assert report["lead_image_caption"] == {"ar": "قاعة أجهزة الطرد"}
    zara = next(e for e in data["experts"] if e["slug"] == "zara-qasim")
    assert zara["position"] == {
        "en": "Senior Fellow\nDirector, Gulf Program",
        "ar": "زميل أول",
    }
    assert zara["headshot"] == "images/zara-qasim.jpg"
    assert data["articles"][2]["recommended"] == [
        "why-oil-still-matters",
        "iran-enrichment-choices",
    ]
    assert {e["status"] for e in data["experts"]} == {
        "current",
        "emeritus",
        "in_memoriam",
    }


def test_export_to_stdout_keeps_file_references(tmp_path, monkeypatch):
    """With "-" the JSON goes to stdout, files are not written, and references stay."""
    monkeypatch.chdir(tmp_path)
    build_rich_site()
    data = json.loads(export_text())
    assert (
        next(e for e in data["experts"] if e["slug"] == "adam-ellis")["headshot"]
        == "images/adam-ellis.png"
    )
    assert list(tmp_path.glob("images")) == []


def test_export_of_a_missing_stored_file_warns_and_writes_null(tmp_path):
    """A file lost from storage is reported instead of being referenced."""
    report = make_article("Lost Attachment", slug_en="lost-attachment")
    report.pdf = files.library_document(image_bytes("PDF"), name="lost.pdf")
    report.save()
    report.pdf.file.storage.delete(report.pdf.file.name)
    stderr = io.StringIO()
    call_command(
        "export_content",
        str(tmp_path / "content.json"),
        stdout=io.StringIO(),
        stderr=stderr,
    )
    data = json.loads((tmp_path / "content.json").read_text(encoding="utf-8"))
    assert data["articles"][0]["pdf"] is None
    assert 'pdf of "lost-attachment"' in stderr.getvalue()


def test_stored_headshot_is_not_copied_again(tmp_path):
    """Importing an export over the same database leaves storage and records untouched."""
    build_rich_site()
    export_text(tmp_path / "out" / "content.json")
    media_before = files_under(tmp_path / "media")
    stamps = list(Expert.objects.order_by("slug").values_list("updated_at", flat=True))
    result = import_file(tmp_path / "out" / "content.json")
    assert result.ok, result.stderr
    assert "experts: 0 created, 0 updated, 3 unchanged" in result.stdout
    assert files_under(tmp_path / "media") == media_before
    assert (
        list(Expert.objects.order_by("slug").values_list("updated_at", flat=True))
        == stamps
    )


def test_records_in_the_trash_round_trip_with_their_deletion_date(tmp_path, settings):
    """A backup keeps trashed experts (old bylines still name them) and articles, still trashed."""
    gone = make_expert("Gone Fellow", slug="gone-fellow")
    make_article("Still Live", slug_en="still-live", authors=[gone])
    trashed = make_article("Thrown Away", slug_en="thrown-away")
    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    Expert.all_objects.filter(pk=gone.pk).update(deleted_at=moment)
    Article.all_objects.filter(pk=trashed.pk).update(deleted_at=moment)
    first = export_text(tmp_path / "one" / "content.json")
    Article.all_objects.all().delete()
    Expert.all_objects.all().delete()

    assert import_file(tmp_path / "one" / "content.json").ok
    assert export_text(tmp_path / "two" / "content.json") == first
    assert not Expert.objects.filter(slug="gone-fellow").exists()
    assert Expert.all_objects.get(slug="gone-fellow").deleted_at == moment
    assert list(Article.objects.values_list("slug_en", flat=True)) == ["still-live"]
    assert '"deleted_at": "2026-01-02T03:04:05+00:00"' in first


def test_featured_round_trips_and_is_written_only_when_true(tmp_path, settings):
    """thinktank's extension ``featured``: ``true`` after ``deleted_at``, absent when false."""
    build_rich_site()
    plain = export_text()
    Article.objects.filter(slug_en="sanctions-limits").update(featured=True)
    first = export_text(tmp_path / "one" / "content.json")
    data = json.loads(first)
    by_slug = {a["slug"]["en"]: a for a in data["articles"]}
    assert list(by_slug["sanctions-limits"])[-2:] == ["deleted_at", "featured"]
    assert by_slug["sanctions-limits"]["featured"] is True
    assert all(
        "featured" not in record
        for slug, record in by_slug.items()
        if slug != "sanctions-limits"
    )
    # Only that one line differs from the export without a featured article.
    assert first.replace(',\n      "featured": true', "") == plain

    empty_database()
    settings.MEDIA_ROOT = tmp_path / "fresh-media"
    result = import_file(tmp_path / "one" / "content.json")
    assert result.ok, result.stderr
    assert list(
        Article.objects.filter(featured=True).values_list("slug_en", flat=True)
    ) == ["sanctions-limits"]
    assert export_text(tmp_path / "two" / "content.json").encode() == first.encode()
