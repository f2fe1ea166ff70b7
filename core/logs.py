"""
A request id in every log line.

``RequestIdMiddleware`` takes the front server's ``X-Request-ID`` when it is
a plausible id (letters, digits, ``-``, at most 64 characters) or makes one,
keeps it for the request's log lines (``RequestIdFilter`` adds
``request_id`` to each record) and answers it in ``X-Request-ID``. Lines
logged outside a request carry ``-``.
"""

import contextvars
import logging
import re
import uuid

from django.core.signals import request_finished

_request_id = contextvars.ContextVar("request_id", default="-")
_PLAUSIBLE = re.compile(r"^[A-Za-z0-9-]{1,64}$")


def current_request_id() -> str:
    return _request_id.get()


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get()
        return True


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = given if _PLAUSIBLE.match(given) else uuid.uuid4().hex
        request.request_id = request_id
        # Kept until the request is finished (not only until this middleware
        # returns): Django logs an error response after the middleware ran.
        _request_id.set(request_id)
        response = self.get_response(request)
        response.headers["X-Request-ID"] = request_id
        return response


def _finished(**kwargs):
    _request_id.set("-")


request_finished.connect(_finished, dispatch_uid="core.logs.request_finished")
