"""
The site's URLs plus the floor: a bare view behind the site's whole
middleware, returning a fixed 30 KB page (as the Wagtail anchor's
``floor-in-site`` does). For measuring only: serve with
``DJANGO_ROOT_URLCONF=bench.urls``; see docs/performance.md.
"""

from django.http import HttpResponse
from django.urls import path

from thinktank.urls import urlpatterns as site_patterns

FLOOR_SIZE = 30 * 1024


def _body(size: int = FLOOR_SIZE) -> bytes:
    head = "<!doctype html><html><head><meta charset=utf-8><title>floor</title></head><body>\n"
    tail = "</body></html>\n"
    paragraph = (
        "<p>"
        + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 4
        + "</p>\n"
    )
    body = head
    while len(body) + len(paragraph) + len(tail) <= size:
        body += paragraph
    body += "<!--" + "x" * (size - len(body) - len(tail) - 7) + "-->" + tail
    return body.encode("ascii")


BODY = _body()


def floor(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("__floor__/", floor, name="floor_in_site"), *site_patterns]
