"""Media files served by the site: streamed, typed, cached, ranged, or handed to the front server."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client

pytestmark = pytest.mark.django_db

BODY = bytes(range(256)) * 40  # 10 240 bytes


@pytest.fixture
def stored():
    return default_storage.save("reports/abc/annual-report.pdf", ContentFile(BODY))


def body(response):
    return (
        b"".join(response.streaming_content) if response.streaming else response.content
    )


def test_a_file_is_streamed_with_its_type_and_headers(stored):
    response = Client().get("/media/" + stored)
    assert response.status_code == 200
    assert response.streaming
    assert body(response) == BODY
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(BODY))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"].startswith("public, max-age=")
    assert response["Accept-Ranges"] == "bytes"
    assert "X-Page-Cache" not in response


def test_an_image_is_sandboxed():
    name = default_storage.save("experts/x.png", ContentFile(b"\x89PNG\r\n\x1a\n"))
    response = Client().get("/media/" + name)
    assert response["Content-Type"] == "image/png"
    assert "sandbox" in response["Content-Security-Policy"]
    response.close()


def test_an_unknown_type_is_a_download():
    name = default_storage.save("stray/notes.html", ContentFile(b"<script>x</script>"))
    response = Client().get("/media/" + name)
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == "attachment"
    response.close()


def test_a_range_is_answered_with_206(stored):
    response = Client().get("/media/" + stored, HTTP_RANGE="bytes=100-199")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-199/{len(BODY)}"
    assert body(response) == BODY[100:200]
    tail = Client().get("/media/" + stored, HTTP_RANGE="bytes=-10")
    assert body(tail) == BODY[-10:]
    beyond = Client().get("/media/" + stored, HTTP_RANGE=f"bytes={len(BODY)}-")
    assert beyond.status_code == 416


def test_a_conditional_request_gets_304(stored):
    first = Client().get("/media/" + stored)
    first.close()
    again = Client().get("/media/" + stored, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_missing_files_and_escapes_are_404(stored):
    assert Client().get("/media/reports/nothing.pdf").status_code == 404
    assert Client().get("/media/../settings.py").status_code == 404
    assert Client().get("/media/reports/abc").status_code == 404  # a folder


def test_a_write_method_is_refused(stored):
    assert Client().post("/media/" + stored).status_code == 405


def test_nginx_sends_the_file_when_configured(stored, settings):
    settings.MEDIA_ACCEL = "nginx:/protected-media/"
    response = Client().get("/media/" + stored)
    assert response["X-Accel-Redirect"] == "/protected-media/" + stored
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_apache_sends_the_file_when_configured(stored, settings):
    settings.MEDIA_ACCEL = "sendfile"
    response = Client().get("/media/" + stored)
    assert response["X-Sendfile"] == default_storage.path(stored)
    assert response.content == b""
