"""
What the app sitemaps share, and ``robots.txt``.

Every sitemap lists an item once per language it is published in, with
``xhtml:link`` alternates to its other language versions, on the public address
of ``settings.SITE_URL``. ``SITEMAPS`` (in ``thinktank.urls``) gathers them:
``/sitemap.xml`` is a sitemap index that lists each section's files
(``/sitemap-articles.xml``, ``/sitemap-articles.xml?p=2``…).

A file holds the items of one range of ids (``ITEMS_PER_FILE`` ids), each in
the languages it is published in: at most ``ITEMS_PER_FILE`` times the number
of languages, far below the protocol's 50,000 URLs. Ranges rather than
counted pages keep every file and the index at the same cost however large
the archive grows (no count of the archive, no OFFSET): a range where every
item is unpublished is an empty, valid file.
"""

import math
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from core.i18n import language_codes

#: Ids per sitemap file; the protocol allows 50,000 URLs per file.
ITEMS_PER_FILE = 1_000
MAX_URLS_PER_FILE = 50_000


class IdRangePaginator:
    """
    Pages of a queryset by ranges of ids: page ``n`` holds the items whose id
    is in ``((n - 1) * per_page, n * per_page]``, as the (item, language)
    pairs that ``Sitemap`` renders. Its page count is read from the table's
    highest id.
    """

    def __init__(self, queryset, per_page, languages_for):
        self.queryset, self.per_page, self.languages_for = (
            queryset,
            per_page,
            languages_for,
        )

    @property
    def num_pages(self) -> int:
        # The highest id of the whole table (one step down its primary key),
        # not of the items: their conditions would make it a scan.
        model = self.queryset.model
        highest = model._base_manager.aggregate(highest=Max("pk"))["highest"] or 0
        return max(1, math.ceil(highest / self.per_page))

    def page(self, number) -> Page:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("The page number is not an integer.") from None
        if number < 1:
            raise EmptyPage("The page number is below 1.")
        items = self.queryset.filter(
            pk__gt=(number - 1) * self.per_page, pk__lte=number * self.per_page
        )
        if number > 1 and not items.exists() and number > self.num_pages:
            raise EmptyPage("That page contains no results.")
        pairs = [(item, code) for item in items for code in self.languages_for(item)]
        return Page(pairs, number, self)


class SiteSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = ITEMS_PER_FILE

    @property
    def paginator(self):
        return IdRangePaginator(self.items(), self.limit, self.get_languages_for_item)

    def location_in(self, item, language_code: str) -> str:
        """The address of ``item`` in ``language_code`` (a path)."""
        with translation.override(language_code):
            return self.location(item)

    def get_latest_lastmod(self):
        """Not given in the index (it would read every item); each file dates its URLs."""
        return

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


@require_safe
@x_robots_tag
def sitemap_index(request, sitemaps):
    """``/sitemap.xml``: every file of every section, on the public address of ``settings.SITE_URL``."""
    base = settings.SITE_URL.rstrip("/")
    entries = []
    for section, site in sitemaps.items():
        site = site() if callable(site) else site
        location = base + reverse("sitemap_section", kwargs={"section": section})
        entries.append(SitemapIndexItem(location))
        entries += [
            SitemapIndexItem(f"{location}?p={number}")
            for number in range(2, site.paginator.num_pages + 1)
        ]
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
    )


@require_safe
@x_robots_tag
def sitemap_section(request, sitemaps, section):
    """
    ``/sitemap-<section>.xml?p=N``: one file of a section, each item once per
    language it is published in, with its alternates. Written as text rather
    than through a template: a file of thousands of addresses costs a few
    milliseconds.
    """
    if section not in sitemaps:
        raise Http404("No such sitemap.")
    site = sitemaps[section]
    site = site() if callable(site) else site
    try:
        page = site.paginator.page(request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such sitemap page.") from None
    base = escape(settings.SITE_URL.rstrip("/"))
    default = settings.LANGUAGE_CODE
    parts = [
        (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
            ' xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        )
    ]
    latest, addresses = None, {}
    for item, code in page.object_list:
        if item not in addresses:
            addresses[item] = {
                language: base + escape(site.location_in(item, language))
                for language in site.get_languages_for_item(item)
            }
        versions = addresses[item]
        parts.append(f"<url><loc>{versions[code]}</loc>")
        lastmod = site.lastmod(item)
        if lastmod is not None:
            latest = lastmod if latest is None else max(latest, lastmod)
            if isinstance(lastmod, datetime):
                lastmod = (
                    timezone.localtime(lastmod)
                    if timezone.is_aware(lastmod)
                    else lastmod
                )
                lastmod = lastmod.date()
            parts.append(f"<lastmod>{lastmod.isoformat()}</lastmod>")
        parts += [
            f'<xhtml:link rel="alternate" hreflang="{language}" href="{href}"/>'
            for language, href in versions.items()
        ]
        if default in versions:
            parts.append(
                f'<xhtml:link rel="alternate" hreflang="x-default" href="{versions[default]}"/>'
            )
        parts.append("</url>")
    parts.append("</urlset>\n")
    response = HttpResponse("".join(parts), content_type="application/xml")
    if isinstance(latest, datetime):
        response.headers["Last-Modified"] = http_date(latest.timestamp())
    return response


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
