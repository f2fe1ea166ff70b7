"""Files are deleted only after the commit that drops them; orphans are swept."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory

from core import renditions
from core.media import serve_media
from library.models import Image as LibraryImage
from tests import files
from tests.factories import make_article

pytestmark = pytest.mark.django_db

# Each test runs inside a transaction that never commits: ``committed()``
# plays the commit (it runs what ``transaction.on_commit`` queued), and a
# rolled-back ``atomic()`` block drops what it queued, as a real one does.


def exists(field_file_or_name, storage=None):
    from django.core.files.storage import default_storage

    name = getattr(field_file_or_name, "name", field_file_or_name)
    return (storage or default_storage).exists(name)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def with_photo(committed):
    def make(name="Leila Haddad", size=(600, 600), dot=None):
        with committed():
            image = files.library_image(
                files.photo(size, dot=dot), name="p.jpg", title=name
            )
        return LibraryImage.objects.get(pk=image.pk)

    return make


def test_replacing_a_headshot_deletes_the_old_file_after_the_commit(
    with_photo, committed
):
    image = with_photo()
    old = image.file.name
    old_renditions = renditions.expected_names(image.file)
    assert old_renditions and all(exists(n) for n in old_renditions)
    with committed():
        image.file.save(
            "new.jpg", ContentFile(files.photo((500, 500), dot=(10, 10))), save=True
        )
        assert exists(old)  # not yet: the transaction could still roll back
    assert not exists(old)
    assert not any(exists(n) for n in old_renditions)
    assert exists(image.file)


def test_on_rollback_the_old_file_survives(with_photo, committed):
    image = with_photo()
    old = image.file.name
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        image.file.save("new.jpg", ContentFile(files.photo((500, 500))), save=True)
        raise RuntimeError("the request failed after the save")
    assert exists(old)
    assert LibraryImage.objects.get(pk=image.pk).file.name == old


def test_deleting_the_row_deletes_its_files_after_the_commit(with_photo, committed):
    image = with_photo()
    name = image.file.name
    with committed():
        image.delete()
        assert exists(name)
    assert not exists(name)


def test_a_deleted_row_whose_transaction_rolls_back_keeps_its_file(
    with_photo, committed
):
    image = with_photo()
    name = image.file.name
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        image.delete()
        raise RuntimeError("rolled back")
    assert exists(name)


def test_a_file_another_row_still_uses_is_kept(with_photo, committed):
    first = with_photo("First Person")
    second = with_photo("Second Person", dot=(5, 5))
    LibraryImage.objects.filter(pk=second.pk).update(file=first.file.name)
    with committed():
        first.delete()
    assert exists(first.file.name)


def test_a_failed_upload_leaves_no_orphan_row(monkeypatch):
    from django.core.files.storage import storages

    def broken(*args, **kwargs):
        raise OSError("the disk is full")

    # The storage the site writes media with, whichever class settings name.
    monkeypatch.setattr(type(storages["default"]), "_save", broken)
    image = LibraryImage(title="Nobody Stored")
    image.file = ContentFile(files.photo((100, 100)), name="x.jpg")
    with pytest.raises(OSError), transaction.atomic():
        image.save()
    assert not LibraryImage.objects.exists()


def test_replacing_the_pdf_keeps_its_public_url_and_drops_the_old_file(
    client, committed
):
    article = make_article(
        "Naval Balance in the Gulf",
        type="policy-note",
        series="Policy Note",
        series_number=79,
    )
    article.pdf = files.library_document(
        files.pdf(3), name="a.pdf", title="Policy Note 79"
    )
    article.save()
    first = article.pdf.file.name
    url = article.get_pdf_url()
    assert url == f"/policy-analysis/{article.slug_en}/pdf"
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].endswith(first)
    old = article.pdf
    with committed():
        article.pdf = files.library_document(
            files.pdf(5, text="second"), name="b.pdf", title="Policy Note 79"
        )
        article.save()
    article.refresh_from_db()
    assert article.page_count == 5
    assert article.pdf.file.name.endswith("/policy-note-79.pdf")
    # The old document stays in the library (nothing is deleted by a
    # replacement) until someone deletes it, which its revisions refuse.
    assert exists(first)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].endswith(
        article.pdf.file.name
    )
    with committed():
        old.delete()
    assert not exists(first)


def test_the_pdf_route_is_404_without_a_pdf(client):
    article = make_article("No Document Here")
    assert client.get(article.get_pdf_url()).status_code == 404


def test_sweep_orphan_files_deletes_only_what_no_row_references(with_photo, committed):
    image = with_photo()
    keep = {image.file.name, *renditions.expected_names(image.file)}
    from django.core.files.storage import default_storage

    stray = default_storage.save("images/left-behind.jpg", ContentFile(b"x"))
    old_focus = renditions.field_plan(image.file, "bio")[0].name
    image.focus_x = 10
    with committed():
        image.save()
    image.refresh_from_db()
    keep = {image.file.name, *renditions.expected_names(image.file)}
    assert exists(old_focus)

    out = io.StringIO()
    call_command("sweep_orphan_files", "--dry-run", "--min-age", "0", stdout=out)
    assert f"would delete {stray}" in out.getvalue()
    assert f"would delete {old_focus}" in out.getvalue()
    assert exists(stray)

    call_command("sweep_orphan_files", "--min-age", "0", stdout=io.StringIO())
    assert not exists(stray) and not exists(old_focus)
    assert all(exists(name) for name in keep)


def test_sweep_spares_young_files():
    from django.core.files.storage import default_storage

    name = default_storage.save("articles/lead/in-flight.jpg", ContentFile(b"x"))
    call_command("sweep_orphan_files", stdout=io.StringIO())
    assert exists(name)


def test_media_is_served_with_nosniff(settings, with_photo):
    image = with_photo()
    request = RequestFactory().get("/media/" + image.file.name)
    response = serve_media(request, image.file.name, settings.MEDIA_ROOT)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Type"] == "image/jpeg"
    response.close()
