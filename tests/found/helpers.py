"""What the found tests share: which database answers, and XML parsing."""

from urllib.parse import urlsplit

from django.db import connection
from django.http import QueryDict
from lxml import etree, html

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def full_text_search() -> bool:
    """
    Is this run on PostgreSQL (stored vectors, ranking, stemming)? Tests of
    that behaviour and tests of the SQLite fallback each assert what their
    database does; CI runs the suite on both, so both sets run.
    """
    return connection.vendor == "postgresql"


def page(response):
    assert response.status_code == 200, response.status_code
    return html.fromstring(response.content)


def xml(response):
    assert response.status_code == 200, response.status_code
    return etree.fromstring(response.content)


def select(doc, *steps):
    """Descendants by a chain of ``.class`` or tag steps: ``select(doc, ".card", "a")``."""
    path = ""
    for step in steps:
        if step.startswith("."):
            path += f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {step[1:]} ')]"
        else:
            path += f"//{step}"
    return doc.xpath(path)


def cite_entries(doc):
    """The Chicago and APA entries of a page's "Cite this" box, as elements."""
    (chicago,) = doc.xpath("//dd[contains(@class, 'cite-this__chicago')]")
    (apa,) = doc.xpath("//dd[contains(@class, 'cite-this__apa')]")
    return chicago, apa


def sitemap_entries(client) -> list:
    """
    Every ``<url>`` of the sitemap: ``/sitemap.xml`` is an index, and each
    file it lists is read in turn (through its path on this site).
    """
    index = xml(client.get("/sitemap.xml"))
    assert index.tag == f"{{{SITEMAP}}}sitemapindex", index.tag
    entries = []
    for location in index.iterfind(f"{{{SITEMAP}}}sitemap/{{{SITEMAP}}}loc"):
        parts = urlsplit(location.text)
        urlset = xml(client.get(parts.path, QueryDict(parts.query)))
        assert urlset.tag == f"{{{SITEMAP}}}urlset", urlset.tag
        entries += urlset.findall(f"{{{SITEMAP}}}url")
    return entries
