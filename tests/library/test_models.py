"""
The library's records: the same bytes are one record, a record in use cannot
be deleted (by the ORM or the admin), and one that nothing uses goes with its
file and renditions.
"""

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext

from core import renditions
from history.models import Revision
from library.conversion import Converter
from library.models import Document, Image
from library.services import image_from_upload_created
from library.usage import InUse
from tests import files
from tests.admin_forms import admin_url, change_url
from tests.factories import make_article, make_expert
from tests.html import parse

pytestmark = pytest.mark.django_db


def test_the_same_bytes_uploaded_twice_find_the_same_image(commit):
    content = files.photo((400, 300))
    first, created = commit(image_from_upload_created, ContentFile(content, "a.jpg"))
    again, created_again = image_from_upload_created(ContentFile(content, "b.jpg"))
    assert created and not created_again
    assert again == first and Image.objects.count() == 1
    with default_storage.open(first.file.name) as handle:
        stored = handle.read()
    assert first.content_hash == hashlib.sha256(stored).hexdigest()


def test_an_upload_that_loses_the_race_for_its_bytes_leaves_no_file_behind(
    monkeypatch,
):
    """Another process saved the same bytes between the look-up and the save."""
    content = files.photo((400, 300))
    other = files.library_image(content, title="The other upload")
    before = set(default_storage.listdir("images")[1])
    looked_up = []
    first = QuerySet.first

    def first_misses_once(queryset):
        if not looked_up and queryset.model is Image:
            looked_up.append(queryset)
            return None  # the other upload's row was not there yet
        return first(queryset)

    monkeypatch.setattr(QuerySet, "first", first_misses_once)
    image, created = image_from_upload_created(ContentFile(content, "a.jpg"))
    assert not created and image == other and looked_up
    assert Image.objects.count() == 1
    assert set(default_storage.listdir("images")[1]) == before


def test_two_articles_share_one_image_and_deleting_one_keeps_the_file(commit):
    image = commit(files.library_image, files.photo((800, 450)))
    first = make_article("First Harbour", lead_image=image)
    second = make_article("Second Harbour", lead_image=image)
    planned = renditions.expected_names(image)
    assert planned and all(default_storage.exists(name) for name in planned)
    Revision.objects.all().delete()
    commit(first.delete)  # into the trash
    with pytest.raises(InUse):
        commit(image.delete)
    type(first).all_objects.filter(pk=first.pk).delete()  # purged
    assert default_storage.exists(image.file.name)
    assert [use.obj for use in image.uses()] == [second]


def test_deleting_a_used_image_is_refused_and_an_unused_one_goes_with_its_files(
    commit,
):
    used = commit(files.library_image, files.photo((600, 600), dot=(10, 10)))
    make_expert("Lina Haddad", headshot=used)
    unused = commit(files.library_image, files.photo((600, 600), dot=(90, 90)))
    with pytest.raises(InUse) as refused:
        commit(used.delete)
    assert "Lina Haddad" in str(refused.value)
    with pytest.raises(InUse):
        commit(Image.objects.filter(pk=used.pk).delete)
    assert default_storage.exists(used.file.name)
    # Control: nothing uses the other one; it goes, with its file and renditions.
    name, planned = unused.file.name, renditions.expected_names(unused)
    assert all(default_storage.exists(n) for n in planned)
    commit(unused.delete)
    assert not Image.objects.filter(pk=unused.pk).exists()
    assert not default_storage.exists(name)
    assert not any(default_storage.exists(n) for n in planned)


def test_the_admin_refuses_deleting_a_used_image_naming_its_users(
    admin_client, admin_post, commit
):
    used = commit(files.library_image, files.photo((300, 300), dot=(10, 10)))
    make_article("Ports After the Truce", lead_image=used, lead_image_alt_en="Cranes")
    page = parse(admin_client.get(admin_url(used, "delete", used.pk)))
    assert "Ports After the Truce" in page.text_content()
    response = admin_post(admin_url(used, "delete", used.pk), data={"post": "yes"})
    assert Image.objects.filter(pk=used.pk).exists()
    assert response.status_code in (200, 403)
    # Control: an unused image is deleted through the same form.
    unused = commit(files.library_image, files.photo((300, 300), dot=(90, 90)))
    response = admin_post(admin_url(unused, "delete", unused.pk), data={"post": "yes"})
    assert response.status_code == 302
    assert not Image.objects.filter(pk=unused.pk).exists()


def test_the_change_form_shows_size_hash_and_users(admin_client, commit):
    image = commit(files.library_image, files.photo((640, 480)))
    expert = make_expert("Omar Saleh", headshot=image)
    page = parse(admin_client.get(change_url(image)))
    text = page.text_content()
    assert "640 × 480" in text and image.content_hash in text
    (used_by,) = page.xpath("//ul[@class='tt-used-by']")
    (link,) = used_by.xpath(".//a")
    assert link.get("href") == change_url(expert)


def test_the_list_shows_small_renditions_with_flat_queries(admin_client, commit):
    for n in range(3):
        commit(files.library_image, files.photo((400, 300), dot=(n * 30, 50)))
    url = admin_url(Image.objects.first(), "changelist")
    with CaptureQueriesContext(connection) as few:
        page = parse(admin_client.get(url))
    for n in range(3, 12):
        commit(files.library_image, files.photo((400, 300), dot=(n * 8, 20)))
    with CaptureQueriesContext(connection) as many:
        page = parse(admin_client.get(url))
    assert len(many) == len(few)
    thumbnails = page.xpath("//img[@class='tt-thumbnail']")
    assert len(thumbnails) == 12
    for img in thumbnails:
        assert "/renditions/" in img.get("src") and "rail-120x80" in img.get("src")


def test_the_migration_turns_identical_files_into_one_record():
    """The data migration's converter: the same bytes under two names are one image."""
    content = files.photo((200, 100))
    a = default_storage.save("experts/headshots/a.jpg", ContentFile(content))
    b = default_storage.save("articles/lead/b.jpg", ContentFile(content))
    c = default_storage.save("articles/lead/c.jpg", ContentFile(files.photo((90, 90))))
    from django.apps import apps

    convert = Converter(apps)
    first = convert.image(a, width=200, height=100, title="A")
    assert convert.image(b, width=200, height=100, title="B") == first
    assert convert.image(c, width=90, height=90, title="C") != first
    assert convert.image("gone/missing.jpg", missing_ok=False) is None
    kept = convert.image("gone/kept.jpg", title="Lost with a disk")
    assert Image.objects.get(pk=kept).content_hash is None
    assert Image.objects.count() == 3
    pdf = default_storage.save(
        "articles/pdf/x/policy-note-1.pdf", ContentFile(files.pdf(3))
    )
    document = Document.objects.get(
        pk=convert.document(pdf, page_count=3, title="PN 1")
    )
    assert document.title_en == "PN 1" and document.content_hash
