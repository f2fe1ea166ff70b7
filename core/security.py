"""
Protections every response and request gets, below the apps.

* ``RequestSizeMiddleware`` refuses (413) a request whose declared body is
  larger than ``REQUEST_MAX_BYTES`` before anything reads it, so that an
  oversized upload never occupies a worker's memory or disk.
* ``SecurityHeadersMiddleware`` adds ``Permissions-Policy`` (Django's
  ``SecurityMiddleware`` sends HSTS, ``Referrer-Policy``,
  ``Cross-Origin-Opener-Policy`` and ``nosniff``).
* ``client_address()`` is the client's address as the sign-in throttling
  sees it: the peer's, or the one the trusted proxies appended to
  ``X-Forwarded-For`` (``PROXY_COUNT``).
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _


class RequestSizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse(
                _("The request's Content-Length is not a number."), status=400
            )
        limit = settings.REQUEST_MAX_BYTES
        if declared > limit:
            from django.template.defaultfilters import filesizeformat

            response = HttpResponse(
                _("The request is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(declared), "limit": filesizeformat(limit)},
                status=413,
                content_type="text/plain; charset=utf-8",
            )
            # The body was not read: the connection cannot carry another request.
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault(
                "Permissions-Policy", settings.PERMISSIONS_POLICY
            )
        return response


def client_address(request) -> str | None:
    """The client's address: the peer's, or the one the trusted proxies recorded."""
    count = settings.PROXY_COUNT
    if count:
        hops = [
            hop.strip()
            for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if hop.strip()
        ]
        # Each proxy appends the address it received from: the client is the
        # count-th from the end; anything before it is the client's own claim.
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR")
