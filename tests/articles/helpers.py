"""What the found tests share: which database answers, the citation box, the sitemap's entries."""

from urllib.parse import urlsplit

from django.db import connection
from django.http import QueryDict

from tests.html import SITEMAP, xml


def full_text_search() -> bool:
    """
    Is this run on PostgreSQL (stored vectors, ranking, stemming)? Search is
    the one place where the databases truly answer differently (PostgreSQL
    stems and ranks, the SQLite fallback matches the letters as typed): a
    test of it asserts what its database does, and CI runs the suite on both.
    A test that only makes sense on PostgreSQL is marked ``postgres`` instead.
    """
    return connection.vendor == "postgresql"


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
