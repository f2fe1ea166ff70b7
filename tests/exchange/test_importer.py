import json
import shutil

import pytest
from django.utils import translation
from PIL import Image

from articles.models import Article
from experts.models import Expert
from taxonomy.models import Region, Topic
from tests.exchange.helpers import (
    SAMPLE,
    article,
    counts,
    document,
    expert,
    export_text,
    import_file,
    topic,
)
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def updated_at() -> dict:
    """Every article's and expert's ``updated_at``, by slug."""
    return {
        **{a.slug_en: a.updated_at for a in Article.objects.all()},
        **{e.slug: e.updated_at for e in Expert.objects.all()},
    }


def test_sample_file_imports_cleanly():
    """The hand-written sample imports without errors and creates what it describes."""
    result = import_file(SAMPLE)
    assert result.ok, result.stderr
    assert (Expert.objects.count(), Topic.objects.count(), Region.objects.count()) == (
        3,
        4,
        3,
    )
    assert Article.objects.count() == 5
    euphrates = Article.objects.get(slug_en="water-shortage-euphrates-basin")
    assert euphrates.slug_ar == "shuh-almiyah-hawd-alfurat"
    assert euphrates.title_ar == "شح المياه في حوض الفرات"
    assert [a.expert.slug for a in euphrates.byline()] == ["leila-haddad", "samir-aziz"]
    assert [r.recommended.slug_en for r in euphrates.recommendation_links.all()] == [
        "gulf-ports-after-the-truce",
        "grain-routes-black-sea-to-levant",
    ]
    assert set(Article.objects.live("ar").values_list("slug_en", flat=True)) == {
        "water-shortage-euphrates-basin",
        "grain-routes-black-sea-to-levant",
    }
    assert Region.objects.get(slug="iraq").parent.slug == "gulf"
    assert Topic.objects.get(slug="food-security").parent.slug == "resources"
    leila = Expert.objects.get(slug="leila-haddad")
    assert leila.titles_en.splitlines() == [
        "Senior Fellow",
        "Director, Climate and Resources Program",
    ]
    with leila.headshot.file.open("rb") as stored, Image.open(stored) as image:
        assert (image.format, image.size) == ("PNG", (48, 60))
    assert sorted(leila.topics.values_list("slug", flat=True)) == [
        "food-security",
        "water-security",
    ]


def test_second_import_changes_nothing(tmp_path):
    """Importing the same file again writes nothing: same export, same ``updated_at``, no new files."""
    assert import_file(SAMPLE).ok
    before, stamps = export_text(), updated_at()
    stored = sorted(p.name for p in (tmp_path / "media").rglob("*") if p.is_file())

    result = import_file(SAMPLE)

    assert result.ok
    assert "0 created, 0 updated, 5 unchanged" in result.stdout
    assert export_text() == before
    assert updated_at() == stamps
    assert (
        sorted(p.name for p in (tmp_path / "media").rglob("*") if p.is_file()) == stored
    )


def test_edited_file_updates_only_the_records_it_names(write_document):
    """An edited file changes the records it carries and leaves every other record alone."""
    untouched = make_article("An article the file does not mention")
    assert import_file(SAMPLE).ok
    stamps = updated_at()
    edited = json.loads(SAMPLE.read_text(encoding="utf-8"))
    edited["articles"] = [
        a for a in edited["articles"] if a["slug"]["en"] == "gulf-ports-after-the-truce"
    ]
    edited["articles"][0]["title"] = {"en": "Gulf Ports a Year After the Truce"}
    edited["experts"], edited["regions"] = [], []
    edited["topics"] = [topic("shipping-insurance")]
    path = write_document(edited)
    shutil.copytree(SAMPLE.parent / "images", path.parent / "images")

    result = import_file(path)

    assert result.ok, result.stderr
    assert "articles: 0 created, 1 updated, 0 unchanged" in result.stdout
    gulf = Article.objects.get(slug_en="gulf-ports-after-the-truce")
    assert gulf.title_en == "Gulf Ports a Year After the Truce"
    assert Topic.objects.filter(slug="shipping-insurance").exists()
    assert Article.objects.filter(pk=untouched.pk).exists()
    after = updated_at()
    assert after.pop("gulf-ports-after-the-truce") > stamps.pop(
        "gulf-ports-after-the-truce"
    )
    del after[untouched.slug_en], stamps[untouched.slug_en]
    assert after == stamps


def test_fields_absent_from_a_record_are_left_alone(write_document):
    """A record without an optional field keeps the stored value of that field."""
    assert import_file(
        write_document(
            document(
                experts=[
                    expert(
                        "omar-khan", email="press@example.org", phone="+1 202 555 0100"
                    )
                ]
            )
        )
    ).ok
    result = import_file(
        write_document(document(experts=[expert("omar-khan", phone="")]))
    )
    assert result.ok
    omar = Expert.objects.get(slug="omar-khan")
    assert (omar.email, omar.phone) == ("press@example.org", "")


def test_missing_languages_of_a_translated_field_are_emptied(write_document):
    """A translated object lists every translation: a language left out is untranslated."""
    named = {"en": "Energy", "ar": "الطاقة"}
    assert import_file(
        write_document(document(topics=[topic("energy", name=named)]))
    ).ok
    assert import_file(
        write_document(document(topics=[topic("energy", name={"en": "Energy"})]))
    ).ok
    assert not Topic.objects.get(slug="energy").name_ar


def test_dry_run_writes_nothing(tmp_path):
    """--dry-run validates and reports but leaves the database and storage as they were."""
    before = counts()
    result = import_file(SAMPLE, "--dry-run")
    assert result.ok
    assert "articles: 5 created" in result.stdout
    assert "dry run" in result.stdout
    assert counts() == before
    assert not list((tmp_path / "media").rglob("*.png"))


def test_dry_run_of_an_edit_leaves_the_stored_record(write_document):
    """A dry run of a changed record reports an update without making it."""
    assert import_file(SAMPLE).ok
    stamps = updated_at()
    path = write_document(
        document(
            articles=[article("gulf-ports-after-the-truce", authors=["daniel-brooks"])]
        )
    )
    result = import_file(path, "--dry-run")
    assert "articles: 0 created, 1 updated" in result.stdout
    assert (
        Article.objects.get(slug_en="gulf-ports-after-the-truce").title_en
        == "Gulf Ports After the Truce"
    )
    assert updated_at() == stamps


def test_references_may_point_anywhere_in_the_file(write_document):
    """Articles come before the experts and terms they name, children before parents, and
    recommendations point at later articles."""
    path = write_document(
        {
            "articles": [
                article(
                    "first",
                    authors=["b-expert", "a-expert"],
                    topics=["child"],
                    recommended=["second"],
                ),
                article("second", regions=["leaf"], recommended=["first"]),
            ],
            "regions": [
                {"slug": "leaf", "name": {"en": "Leaf"}, "parent": "middle"},
                {"slug": "middle", "name": {"en": "Middle"}, "parent": "root"},
                {"slug": "root", "name": {"en": "Root"}, "parent": None},
            ],
            "experts": [expert("b-expert"), expert("a-expert")],
            "topics": [topic("child", parent="parent"), topic("parent")],
            "format": "thinktank-exchange/1",
        }
    )
    result = import_file(path)
    assert result.ok, result.stderr
    first = Article.objects.get(slug_en="first")
    assert [a.expert.slug for a in first.byline()] == ["b-expert", "a-expert"]
    assert [r.recommended.slug_en for r in first.recommendation_links.all()] == [
        "second"
    ]
    assert [r.slug for r in Region.objects.get(slug="leaf").ancestors()] == [
        "root",
        "middle",
    ]
    assert Topic.objects.get(slug="child").parent.slug == "parent"


def test_references_may_point_at_records_already_stored(write_document):
    """An article may name experts, terms and articles that are only in the database."""
    assert import_file(SAMPLE).ok
    path = write_document(
        document(
            articles=[
                article(
                    "new-note",
                    authors=["samir-aziz"],
                    topics=["food-security"],
                    regions=["levant"],
                    recommended=["gulf-ports-after-the-truce"],
                )
            ]
        )
    )
    assert import_file(path).ok
    note = Article.objects.get(slug_en="new-note")
    assert [a.expert.slug for a in note.byline()] == ["samir-aziz"]


def test_hostile_html_is_cleaned_and_structure_kept(write_document):
    """Scripts, event handlers and javascript: URLs go; links, lists, headings, quotes,
    tables, images and dir/lang stay."""
    body = (
        '<h2 onclick="steal()">Heading</h2><script>alert(1)</script>'
        '<p dir="rtl" lang="ar">نص <a href="javascript:alert(1)">bad</a> '
        '<a href="https://example.org/report">good</a></p>'
        "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quoted</p></blockquote>"
        "<table><tbody><tr><td>cell</td></tr></tbody></table>"
        '<img src="https://example.org/map.png" alt="Map" onerror="steal()">'
        "<style>p{}</style>"
    )
    bio = '<p onmouseover="x()">Bio <strong>text</strong></p><script>x()</script>'
    path = write_document(
        document(
            articles=[article("hostile", body={"en": body})],
            experts=[expert("bio-person", bio={"en": bio})],
        )
    )
    assert import_file(path).ok
    stored = Article.objects.get(slug_en="hostile").body_en
    for gone in (
        "<script",
        "onclick",
        "onerror",
        "javascript:",
        "alert(",
        "<iframe",
        "<style",
    ):
        assert gone not in stored
    for kept in (
        "<h2>Heading</h2>",
        'dir="rtl"',
        'lang="ar"',
        'href="https://example.org/report"',
        "<ul><li>one</li></ul>",
        "<ol><li>two</li></ol>",
        "<blockquote>",
        "<td>cell</td>",
        '<img src="https://example.org/map.png" alt="Map">',
    ):
        assert kept in stored
    assert (
        Expert.objects.get(slug="bio-person").bio_en
        == "<p>Bio <strong>text</strong></p>"
    )


def test_languages_set_the_availability_flags(write_document):
    """``languages`` ticks ``available_<lang>`` and nothing else."""
    path = write_document(
        document(
            articles=[
                article(
                    "two-languages",
                    title={"en": "Two", "ar": "اثنان"},
                    summary={"en": "S", "ar": "ملخص"},
                    body={"en": "<p>B</p>", "ar": "<p>نص</p>"},
                    languages=["ar", "en"],
                )
            ]
        )
    )
    assert import_file(path).ok
    two = Article.objects.get(slug_en="two-languages")
    assert (two.available_en, two.available_ar) == (True, True)
    assert (
        two.slug_ar == "athnan"
    )  # proposed from the Arabic title, as Article.save() does
    with translation.override("ar"):
        assert two.get_absolute_url() == "/ar/policy-analysis/athnan"


def test_a_changed_headshot_is_copied_and_an_unchanged_one_is_not(
    write_document, tmp_path
):
    """The headshot is copied again only when its bytes differ from the stored ones."""
    path = write_document(
        document(experts=[expert("pictured", headshot="images/pictured.png")])
    )
    (path.parent / "images").mkdir()
    shutil.copy(
        SAMPLE.parent / "images/leila-haddad.png", path.parent / "images/pictured.png"
    )
    assert import_file(path).ok
    first_name = Expert.objects.get(slug="pictured").headshot.file.name
    assert "experts: 0 created, 0 updated, 1 unchanged" in import_file(path).stdout

    Image.new("RGB", (10, 10), (0, 128, 0)).save(path.parent / "images/pictured.png")
    assert "experts: 0 created, 1 updated" in import_file(path).stdout
    pictured = Expert.objects.get(slug="pictured")
    assert pictured.headshot.file.name != first_name
    with pictured.headshot.file.open("rb") as stored:
        assert stored.read() == (path.parent / "images/pictured.png").read_bytes()


def test_dry_run_of_a_bad_file_is_refused(write_document):
    """--dry-run reports the same errors as a real import."""
    result = import_file(
        write_document(document(articles=[article("lonely", authors=["nobody"])])),
        "--dry-run",
    )
    assert not result.ok
    assert result.messages == [
        'articles[0] (slug "lonely"): authors: unknown expert "nobody"'
    ]


def test_page_count_read_from_the_pdf_wins_and_stays_unchanged(write_document):
    """The PDF's own page count replaces the file's, and a second import changes nothing."""
    path = write_document(
        document(articles=[article("with-pdf", pdf="files/report.pdf", page_count=52)])
    )
    (path.parent / "files").mkdir()
    Image.new("RGB", (20, 20), (255, 255, 255)).save(
        path.parent / "files/report.pdf", "PDF"
    )
    assert import_file(path).ok
    assert Article.objects.get(slug_en="with-pdf").page_count == 1
    stamps = updated_at()
    assert "articles: 0 created, 0 updated, 1 unchanged" in import_file(path).stdout
    assert updated_at() == stamps
