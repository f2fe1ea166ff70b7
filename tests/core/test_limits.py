"""
A request body over the limit is refused from its Content-Length before a
byte is read; the upload settings spool files to disk rather than memory.
"""

import io
import json
import logging

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client

pytestmark = pytest.mark.django_db


class UnreadableBody(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    reads = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        UnreadableBody.reads += 1
        raise AssertionError("the body was read")


def call(length, body):
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/admin/login/",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "CONTENT_TYPE": "multipart/form-data; boundary=x",
        "CONTENT_LENGTH": str(length),
        "wsgi.input": body,
        "wsgi.url_scheme": "http",
        "REMOTE_ADDR": "127.0.0.1",
    }
    status = {}

    def start_response(line, headers):
        status["line"], status["headers"] = line, dict(headers)

    content = b"".join(WSGIHandler()(environ, start_response))
    return status["line"], status["headers"], content


def test_a_body_over_the_limit_is_refused_unread():
    UnreadableBody.reads = 0
    line, headers, content = call(settings.REQUEST_MAX_BYTES + 1, UnreadableBody())
    assert line.startswith("413")
    assert headers["Connection"] == "close"
    assert b"the limit is" in content
    assert UnreadableBody.reads == 0


def test_a_body_within_the_limit_reaches_the_view():
    """Control: the same request, smaller, is read and answered by the view."""
    body = b"--x--\r\n"
    line, _headers, _content = call(len(body), io.BytesIO(body))
    assert line.startswith("403")  # the view ran: CSRF refused the empty form


def test_the_limit_covers_the_largest_upload_and_no_more():
    largest = max(settings.UPLOAD_IMAGE_MAX_BYTES, settings.UPLOAD_PDF_MAX_BYTES)
    assert largest < settings.REQUEST_MAX_BYTES <= largest + 4 * 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440


def test_log_lines_of_a_request_carry_its_id(caplog):
    from core.logs import RequestIdFilter

    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = Client().get("/no-such-page", HTTP_X_REQUEST_ID="abc-123")
    assert response.status_code == 404
    assert response["X-Request-ID"] == "abc-123"
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records and all(r.request_id == "abc-123" for r in records)


def test_an_implausible_request_id_is_replaced():
    response = Client().get("/", HTTP_X_REQUEST_ID="<script>")
    assert response["X-Request-ID"] != "<script>"
    assert len(response["X-Request-ID"]) == 32


def test_json_log_lines(capsys):
    from pythonjsonlogger.json import JsonFormatter

    from core.logs import RequestIdFilter

    record = logging.LogRecord(
        "thinktank", logging.ERROR, __file__, 1, "boom %s", ("x",), None
    )
    RequestIdFilter().filter(record)
    formatter = JsonFormatter(
        **{k: v for k, v in settings.LOGGING["formatters"]["json"].items() if k != "()"}
    )
    line = json.loads(formatter.format(record))
    assert line["message"] == "boom x"
    assert line["level"] == "ERROR"
    assert line["request_id"] == "-"
    assert line["time"].endswith("+00:00")
