"""
Choosing library records in other records' forms (the chooser panel and the
plain raw-id input), uploading several images at once, and the image list.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Status
from library.models import Image
from tests import files
from tests.admin_forms import change_url, errors, fill, form_data
from tests.factories import committed, make_article
from tests.html import cls, parse

pytestmark = pytest.mark.django_db

CHOOSER = "/admin/library/image/chooser/"


def stored_image(size=(1600, 900), **values):
    with committed():
        return files.library_image(files.photo(size), **values)


def chooser_items(response):
    return parse(response).xpath(f"//button[{cls('tt-chooser-item')}]")


def test_chooser_searches_titles_and_alt_text_in_both_languages(admin_client):
    stored_image(
        title="Harbour cranes", alt_en="Cranes at dusk", alt_ar="رافعات عند الغسق"
    )
    stored_image((900, 1400), title="Minister portrait", alt_en="A minister")
    titles = lambda r: [i.get("data-title") for i in chooser_items(r)]
    assert titles(admin_client.get(CHOOSER, {"q": "harbour"})) == ["Harbour cranes"]
    assert titles(admin_client.get(CHOOSER, {"q": "dusk"})) == ["Harbour cranes"]
    assert titles(admin_client.get(CHOOSER, {"q": "الغسق"})) == ["Harbour cranes"]
    assert sorted(titles(admin_client.get(CHOOSER))) == [
        "Harbour cranes",
        "Minister portrait",
    ]


def test_chooser_filters_by_collection_shape_and_uploader(
    admin_client, django_user_model
):
    someone = django_user_model.objects.create_user("someone", password="x")
    stored_image(title="Wide map", collection="Maps", user=someone)
    stored_image((900, 1400), title="Tall portrait", collection="People")
    titles = lambda **q: [
        i.get("data-title") for i in chooser_items(admin_client.get(CHOOSER, q))
    ]
    assert titles(collection="Maps") == ["Wide map"]
    assert titles(shape="portrait") == ["Tall portrait"]
    assert titles(shape="landscape") == ["Wide map"]
    assert titles(uploaded_by=someone.pk) == ["Wide map"]
    page = parse(admin_client.get(CHOOSER))
    assert page.xpath("//select[@name='collection']/option[@value='Maps']")


def test_chooser_thumbnails_are_the_smallest_rendition_never_the_original(admin_client):
    image = stored_image(title="Harbour")
    (item,) = chooser_items(admin_client.get(CHOOSER))
    (img,) = item.xpath(".//img")
    assert "/renditions/" in img.get("src") and "/rail-120x80" in img.get("src")
    assert img.get("src") != image.url


def test_chooser_pages_and_costs_the_same_queries_for_a_full_page(admin_client):
    stored_image(title="First")
    with CaptureQueriesContext(connection) as one:
        admin_client.get(CHOOSER)
    source = Image.objects.get()
    Image.objects.bulk_create(
        Image(
            title=f"Copy {n}",
            file=source.file.name,
            width=source.width,
            height=source.height,
            content_hash=f"{n:064x}",
        )
        for n in range(30)
    )
    with CaptureQueriesContext(connection) as full:
        response = admin_client.get(CHOOSER)
    assert len(chooser_items(response)) == 24
    assert len(full) == len(one)
    (next_link,) = parse(response).xpath(f"//nav[{cls('tt-chooser-pages')}]//a")
    assert len(chooser_items(admin_client.get(CHOOSER + next_link.get("href")))) == 7


def test_chooser_needs_the_admin(client, admin_client):
    assert client.get(CHOOSER).status_code == 302
    assert admin_client.get(CHOOSER).status_code == 200


def test_chosen_image_by_number_is_saved_without_javascript(admin_client):
    image = stored_image(title="Cranes", alt_en="Cranes at dusk")
    # A draft: a published article's edits wait for review (workflow).
    article = make_article("Ports After the Truce", status=Status.DRAFT)
    url = change_url(article)
    response = admin_client.get(url)
    page = parse(response)
    (chooser,) = page.xpath(f"//div[{cls('tt-chooser')}][@data-input='id_lead_image']")
    assert chooser.get("hidden") is not None  # shown by the script only
    assert chooser.get("data-chooser-url") == CHOOSER
    data = fill(form_data(response), lead_image=image.pk, lead_image_alt_en="Cranes")
    response = admin_client.post(url, data)
    assert response.status_code == 302, errors(response)
    article.refresh_from_db()
    assert article.lead_image_id == image.pk
    # The form shows the chosen image's thumbnail now.
    page = parse(admin_client.get(url))
    (thumb,) = page.xpath(
        f"//div[@data-input='id_lead_image']//img[{cls('tt-chooser__thumbnail')}]"
    )
    assert "/rail-120x80" in thumb.get("src")


def test_upload_in_place_finds_the_image_with_the_same_bytes(admin_client):
    photo = files.photo((1600, 900))
    with committed():
        image = files.library_image(photo, title="Cranes")
    article = make_article("Ports", status=Status.DRAFT)
    url = change_url(article)
    data = fill(form_data(admin_client.get(url)), lead_image_alt_en="Cranes")
    data.pop("lead_image", None)
    upload = SimpleUploadedFile("again.jpg", photo, "image/jpeg")
    with committed():
        response = admin_client.post(url, {**data, "lead_image_upload": upload})
    assert response.status_code == 302, errors(response)
    article.refresh_from_db()
    assert article.lead_image_id == image.pk
    assert Image.objects.count() == 1


def test_bulk_upload_stores_the_good_files_and_names_the_refused_one(admin_client):
    url = reverse("admin:library_image_bulk_upload")
    listing = parse(admin_client.get("/admin/library/image/"))
    assert listing.xpath(f"//a[@href='{url}']")
    png = files.photo((800, 600), "PNG")
    good = SimpleUploadedFile("map.png", png, "image/png")
    other = SimpleUploadedFile("port.jpg", files.photo((1200, 800)), "image/jpeg")
    bad = SimpleUploadedFile("notes.jpg", b"this is not a picture", "image/jpeg")
    with committed():
        response = admin_client.post(
            url, {"files": [good, bad, other], "collection": "Maps"}
        )
    assert response.status_code == 200
    page = parse(response)
    (refused,) = page.xpath(f"//ul[{cls('tt-bulk-refused')}]/li")
    assert refused.text_content().startswith("notes.jpg: ")
    created = page.xpath(f"//ul[{cls('tt-bulk-created')}]/li")
    assert [li.text_content() for li in created] == ["map.png", "port.jpg"]
    assert sorted(Image.objects.values_list("title", "collection")) == [
        ("map", "Maps"),
        ("port", "Maps"),
    ]
    # The same files again: found, not stored twice.
    again = SimpleUploadedFile("copy.png", png, "image/png")
    page = parse(admin_client.post(url, {"files": [again]}))
    assert page.xpath(f"//ul[{cls('tt-bulk-existing')}]/li")
    assert Image.objects.count() == 2


def test_bulk_upload_needs_the_right_to_add(client, django_user_model):
    staff = django_user_model.objects.create_user("staff", password="x", is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("admin:library_image_bulk_upload")).status_code == 403


def test_image_list_shows_100_thumbnails_in_the_queries_of_one(admin_client):
    stored_image(title="First")
    with CaptureQueriesContext(connection) as one:
        admin_client.get("/admin/library/image/")
    source = Image.objects.get()
    Image.objects.bulk_create(
        Image(
            title=f"Copy {n}",
            file=source.file.name,
            width=source.width,
            height=source.height,
            content_hash=f"{n:064x}",
        )
        for n in range(99)
    )
    with CaptureQueriesContext(connection) as hundred:
        page = parse(admin_client.get("/admin/library/image/"))
    thumbs = page.xpath(f"//img[{cls('tt-thumbnail')}]")
    assert len(thumbs) == 100
    assert all("/renditions/" in t.get("src") for t in thumbs)
    assert len(hundred) == len(one)
