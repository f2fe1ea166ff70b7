"""
What every response of the read API shares: the language asked for, cursors,
absolute addresses, dates and errors (``application/problem+json``).
"""

import base64
import binascii
import json
from datetime import datetime
from http import HTTPStatus

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation.trans_real import parse_accept_lang_header

from core.i18n import default_language, language_codes

PROBLEM = "application/problem+json"


class ApiProblem(Exception):
    """A request the API answers with an error (``problem()``), naming what is wrong."""

    def __init__(self, status: int, detail: str, *, parameter: str = ""):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.parameter = parameter


def problem(status: int, detail: str = "", **extra) -> HttpResponse:
    """An RFC 9457 problem document."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        **({"detail": detail} if detail else {}),
        **extra,
    }
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM
    )


def negotiated_language(request) -> str:
    """
    ``?lang=`` if given (an unknown code is an error), else the first language
    of ``Accept-Language`` the site has, else the default language.
    """
    codes = language_codes()
    asked = request.GET.get("lang")
    if asked is not None:
        if asked not in codes:
            raise ApiProblem(
                400,
                f"lang: {asked!r} is not one of {', '.join(codes)}.",
                parameter="lang",
            )
        return asked
    for code, _quality in parse_accept_lang_header(
        request.headers.get("Accept-Language", "")
    ):
        base = code.split("-")[0].lower()
        if base in codes:
            return base
    return default_language()


def absolute(path: str) -> str:
    """``path`` on the public site (``settings.SITE_URL``); full URLs pass unchanged."""
    if not path or "://" in path:
        return path or ""
    return f"{settings.SITE_URL}{path}"


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with the offset, in the institute's time zone."""
    if moment is None:
        return None
    return timezone.localtime(moment).isoformat()


def encode_cursor(values: dict) -> str:
    raw = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, keys: tuple[str, ...]) -> dict | None:
    """The position a ``cursor`` names, or None for the first page; a bad cursor is an error."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        values = None
    if not isinstance(values, dict) or set(values) != set(keys):
        raise ApiProblem(
            400, "cursor: not a cursor this list gave out.", parameter="cursor"
        )
    return values


def page_size(request) -> int:
    """``?limit=`` within the API's bounds (the schema states them)."""
    config = settings.API
    raw = request.GET.get("limit")
    if raw is None:
        return config["PAGE_SIZE"]
    try:
        size = int(raw)
    except ValueError:
        size = 0
    if not 1 <= size <= config["MAX_PAGE_SIZE"]:
        raise ApiProblem(
            400,
            f"limit: a whole number from 1 to {config['MAX_PAGE_SIZE']}.",
            parameter="limit",
        )
    return size
