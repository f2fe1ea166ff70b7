"""Every public image has a rendition set, dimensions and alt text; lists cost no query per image."""

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from experts.models import Expert
from tests import files
from tests.factories import make_article, make_expert
from tests.html import get_page, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def photographed(django_capture_on_commit_callbacks):
    def make(name, **fields):
        expert = make_expert(name, **fields)
        with django_capture_on_commit_callbacks(execute=True):
            expert.headshot = files.library_image(
                files.photo((1400, 1750)), name="p.jpg"
            )
            expert.save()
        return expert

    return make


def media_path(url):
    return url.split("/media/", 1)[1]


def assert_rendition_set(img, *, alt):
    """An <img> inside <picture>: JPEG src and srcset, sizes, dimensions, alt; files stored."""
    # libxml2 does not know <source> is empty and nests what follows in it.
    (picture,) = img.xpath("ancestor::picture[1]")
    assert img.get("alt") == alt
    assert int(img.get("width")) > 0 and int(img.get("height")) > 0
    assert img.get("sizes")
    urls = [img.get("src")] + [p.split()[0] for p in img.get("srcset").split(", ")]
    types = ["image/webp"]
    for source in picture.xpath(".//source"):
        assert source.get("type") in ("image/avif", "image/webp")
        urls += [p.split()[0] for p in source.get("srcset").split(", ")]
        types.remove(source.get("type")) if source.get("type") in types else None
    assert types == []  # a WebP source is always there
    for url in urls:
        assert default_storage.exists(media_path(url)), url


def test_profile_photo_bio_card_and_og_image(client, photographed):
    expert = photographed("Rana Khalil")
    article = make_article("Grain Routes", authors=[expert])
    tree = get_page(client, expert.get_absolute_url())
    (img,) = tree.xpath("//figure[contains(@class, 'profile__photo')]//img")
    assert_rendition_set(img, alt="Portrait of Rana Khalil")
    assert img.get("loading") is None  # above the fold
    (download,) = tree.xpath("//a[contains(@class, 'profile__download')]")
    assert download.get("href").endswith(".jpg") and "/press-" in download.get("href")
    assert default_storage.exists(media_path(download.get("href")))
    (og,) = tree.xpath("//meta[@property='og:image']/@content")
    assert og.startswith("http") and "/og-" in og
    assert tree.xpath("//meta[@property='og:image:width']/@content") == ["1200"]

    tree = get_page(client, article.get_absolute_url())
    (img,) = tree.xpath("//li[contains(@class, 'bio-card')]//img")
    assert_rendition_set(img, alt="Rana Khalil")
    assert img.get("loading") == "lazy"


def test_directory_photos_have_rendition_sets(client, photographed):
    for name in ("Adel Nasser", "Bushra Taha"):
        photographed(name)
    tree = get_page(client, "/experts")
    images = tree.xpath("//article[contains(@class, 'person')]//img")
    assert len(images) == 2
    for img in images:
        assert_rendition_set(img, alt="")
        assert img.get("loading") == "lazy"


def test_directory_cost_does_not_grow_with_photos(client, photographed):
    photographed("Dana Said")
    with CaptureQueriesContext(connection) as one:
        client.get("/experts")
    for n in range(4):
        photographed(f"Expert Number{n}")
    with CaptureQueriesContext(connection) as five:
        tree = parse(client.get("/experts"))
    assert len(tree.xpath("//article[contains(@class, 'person')]//picture")) == 5
    assert len(five) == len(one)


def test_lead_image_has_a_rendition_set_and_its_alt_text(
    client, django_capture_on_commit_callbacks
):
    article = make_article(
        "Ports After the Truce", lead_image_alt_en="Container cranes at dusk"
    )
    with django_capture_on_commit_callbacks(execute=True):
        article.lead_image = files.library_image(
            files.photo((2400, 1350), "PNG"), name="lead.png"
        )
        article.save()
    tree = get_page(client, article.get_absolute_url())
    (img,) = tree.xpath("//figure[contains(@class, 'lead-image')]//img")
    assert_rendition_set(img, alt="Container cranes at dusk")
    assert (img.get("width"), img.get("height")) == ("480", "270")
    assert tree.xpath("//meta[@property='og:image:alt']/@content") == [
        "Container cranes at dusk"
    ]


def test_a_decorative_lead_image_has_empty_alt_text(
    client, django_capture_on_commit_callbacks
):
    article = make_article(
        "Quiet Borders", lead_image_decorative=True, lead_image_caption_en="Dunes"
    )
    with django_capture_on_commit_callbacks(execute=True):
        article.lead_image = files.library_image(files.photo((1600, 900)), name="l.jpg")
        article.save()
    tree = get_page(client, article.get_absolute_url())
    (img,) = tree.xpath("//figure[contains(@class, 'lead-image')]//img")
    assert img.get("alt") == ""


def test_report_links_its_pdf_with_size_and_pages(
    client, django_capture_on_commit_callbacks
):
    article = make_article(
        "Deterrence at Sea", type="policy-note", series="Policy Note", series_number=81
    )
    with django_capture_on_commit_callbacks(execute=True):
        article.pdf = files.library_document(files.pdf(14), title="Policy Note 81")
        article.save()
    tree = get_page(client, article.get_absolute_url())
    (link,) = tree.xpath("//a[@type='application/pdf']")
    assert link.get("href") == article.get_pdf_url()
    meta = link.getparent().text_content()
    assert "14 pages" in meta and ("KB" in meta or "bytes" in meta)
    response = client.get(link.get("href"))
    assert response.status_code == 302
    assert response["Location"].endswith("/policy-note-81.pdf")


def test_byline_queryset_loads_what_picture_needs():
    """for_byline() defers columns; the rendition set must not fetch one per expert."""
    query = Expert.objects.for_byline().query
    loaded = set(query.deferred_loading[0])
    assert {"headshot__file", "headshot__width", "headshot__height"} <= loaded
    assert {"headshot__avif", "headshot__focus_x", "headshot__focus_y"} <= loaded
    assert query.select_related == {"headshot": {}}
