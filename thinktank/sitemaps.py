"""
What the app sitemaps share, and ``robots.txt``.

Every sitemap lists an item once per language it is published in, with
``xhtml:link`` alternates to its other language versions, on the public address
of ``settings.SITE_URL``. ``SITEMAPS`` (in ``thinktank.urls``) gathers them into
``/sitemap.xml``.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from thinktank.i18n import language_codes


class SiteSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


@require_safe
def robots_txt(request):
    """``/robots.txt``: everything public may be crawled; the admin and search results, in every language, may not."""
    lines = ["User-agent: *"]
    for code in language_codes():
        with translation.override(code):
            admin, search = reverse("admin:index"), reverse("search")
        # "$" ends a rule: /search and /search?q=… are blocked, while an
        # article whose slug begins with "search" stays open.
        lines += [f"Disallow: {admin}", f"Disallow: {search}$", f"Disallow: {search}?"]
    lines.append(f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
