"""
The demo institute's pictures and PDFs: drawn in code, named by
``demo/content.json``, and imported like any other file.
"""

import io
import itertools
import json

import pytest
from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader

from articles.models import Article
from experts.models import Expert
from tests.demo.helpers import CONTENT, DEMO, ensure_files, import_demo, load_generator


def picture(path) -> Image.Image:
    """The image in ``path``, decoded, its file closed."""
    with Image.open(path) as image:
        image.load()
        return image


@pytest.fixture(scope="module")
def content():
    ensure_files()
    return json.loads(CONTENT.read_text(encoding="utf-8"))


def named_files(content):
    for section in ("experts", "articles"):
        for record in content[section]:
            for key in ("headshot", "lead_image", "pdf"):
                if record.get(key):
                    yield section, record, key, DEMO / record[key]


def test_every_file_the_content_names_is_drawn(content):
    named = list(named_files(content))
    assert named
    for _section, record, key, path in named:
        assert path.is_file(), (record["slug"], key, path)
    stamp = (DEMO / "files" / ".complete").read_text(encoding="utf-8").split()
    assert sorted(stamp) == sorted(
        path.relative_to(DEMO).as_posix() for *_rest, path in named
    )


def test_drawing_twice_gives_the_same_bytes(content):
    """Deterministic: the files on disk are what the generator draws now, kind by kind."""
    generator = load_generator()
    wanted = generator.files()
    kinds = {}
    for relative, (draw, record) in wanted.items():
        kind = (
            generator.artwork.lead_image_kind(record)
            if "articles/" in relative
            else None
        )
        kinds.setdefault((relative.split("/")[0], kind), (relative, draw, record))
    assert len(kinds) >= 5  # headshots, reports, maps, charts, photographs
    for relative, draw, record in kinds.values():
        assert draw(record) == (DEMO / relative).read_bytes(), relative


def test_most_articles_have_a_lead_image_of_their_own(content):
    articles = content["articles"]
    with_image = [a for a in articles if a.get("lead_image")]
    assert len(with_image) >= 0.8 * len(articles)
    kinds = {path.split("/")[-1] for path in (a["lead_image"] for a in with_image)}
    assert len(kinds) == len(with_image)  # one file per article
    generator = load_generator()
    by_slug = {a["slug"]: a for a in generator.ARTICLES}
    drawn = {
        generator.artwork.lead_image_kind(by_slug[a["slug"]["en"]]) for a in with_image
    }
    assert drawn == {"map", "chart", "photograph"}
    for article in with_image:
        image = picture(DEMO / article["lead_image"])
        assert image.size == (1600, 900)
        # Alt text in every language the article is published in.
        assert set(article["lead_image_alt"]) == set(article["languages"]), article[
            "slug"
        ]
        assert all(article["lead_image_alt"].values())


def test_lead_images_differ_from_one_another(content):
    pictures = [
        picture(DEMO / a["lead_image"]).convert("L").resize((160, 90))
        for a in content["articles"]
        if a.get("lead_image")
    ]
    for one, other in itertools.combinations(pictures, 2):
        difference = ImageStat.Stat(ImageChops.difference(one, other)).mean[0]
        assert difference > 2


def test_every_expert_with_a_profile_has_a_distinct_headshot(content):
    people = [e for e in content["experts"] if e["has_profile"]]
    assert all(e["headshot"] for e in people)
    pictures = [picture(DEMO / e["headshot"]) for e in people]
    assert {p.size for p in pictures} == {(800, 1000)}
    small = [p.convert("RGB").resize((80, 100)) for p in pictures]
    for one, other in itertools.combinations(small, 2):
        difference = sum(ImageStat.Stat(ImageChops.difference(one, other)).mean)
        assert difference > 20


def test_reports_come_with_a_pdf_of_several_pages(content):
    reports = [
        a
        for a in content["articles"]
        if a["type"] in ("in-depth-report", "policy-note")
    ]
    assert len(reports) == 10
    for article in reports:
        reader = PdfReader(io.BytesIO((DEMO / article["pdf"]).read_bytes()))
        pages = [page.extract_text() for page in reader.pages]
        assert len(pages) == article["page_count"] >= 6, article["slug"]
        words = " ".join(pages[0].split())
        assert article["title"]["en"].split()[0] in words  # the cover
        assert "Summary" in pages[1] and "Contents" in pages[1]
        # The text of the body, under running heads, with page numbers.
        assert "About the authors" in pages[-2]
        for number, text in enumerate(pages[1:-1], start=2):
            assert text.rstrip().endswith(str(number)), (article["slug"], number)
        body = " ".join(" ".join(pages[2:-3]).split())
        assert "The Meridian Institute" in body


@pytest.mark.django_db
def test_the_demo_imports_its_files(settings):
    import_demo(settings)
    with_image = Article.objects.exclude(lead_image=None)
    assert with_image.count() == 37
    article = with_image.get(slug_en="red-sea-shipping-under-fire")
    assert (article.lead_image.width, article.lead_image.height) == (1600, 900)
    assert article.lead_image_alt_en
    report = Article.objects.get(slug_en="turkey-between-blocs")
    assert report.pdf and report.page_count == 7
    assert Expert.objects.with_profile().exclude(headshot=None).count() == 9
