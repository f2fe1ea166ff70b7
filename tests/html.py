"""
Reading pages the way a reader does: parse a response, find elements by class
or XPath, read their visible text, links and the head's metadata.

Every test that reads HTML (or the feeds' and sitemaps' XML) uses these.
"""

import re

import lxml.html
from lxml import etree

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"

#: A letter of the Arabic script, to find Arabic in a text.
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


# Parsing -------------------------------------------------------------------


def parse(response, status=200):
    """The response's HTML document, after checking its status code (200 unless told)."""
    assert response.status_code == status, response.status_code
    return lxml.html.fromstring(response.content.decode())


def get_page(client, url, status=200):
    """The parsed document at ``url``, after checking its status code."""
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return lxml.html.fromstring(response.content.decode())


def fragment(markup: str):
    """A piece of HTML (rich text, a rendered component) inside one ``<div>``."""
    return lxml.html.fragment_fromstring(markup, create_parent="div")


def xml(response):
    """The response's XML document (a feed, a sitemap); fails on anything but a 200."""
    assert response.status_code == 200, response.status_code
    return etree.fromstring(response.content)


# Finding -------------------------------------------------------------------


def cls(name) -> str:
    """An XPath test for an element carrying the class ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def by_class(name: str) -> str:
    """An XPath matching elements that carry the CSS class ``name``."""
    return f"//*[{cls(name)}]"


def select(doc, *steps):
    """Descendants by a chain of ``.class`` or tag steps: ``select(doc, ".card", "a")``."""
    path = ""
    for step in steps:
        path += by_class(step[1:]) if step.startswith(".") else f"//{step}"
    return doc.xpath(path)


def one(tree, xpath):
    """The single element matching ``xpath``."""
    found = tree.xpath(xpath)
    assert len(found) == 1, (xpath, len(found))
    return found[0]


def document_position(tree, element) -> int:
    """Where ``element`` comes in document order."""
    for index, node in enumerate(tree.iter()):
        if node is element:
            return index
    raise AssertionError("element not in tree")


# Reading -------------------------------------------------------------------


def text(element) -> str:
    """Visible text with whitespace collapsed."""
    return " ".join(element.text_content().split())


def texts(doc, xpath) -> list[str]:
    """The visible text of each element matching ``xpath``."""
    return [text(e) for e in doc.xpath(xpath)]


def hrefs(doc, xpath) -> list[str]:
    """The ``href`` of each element matching ``xpath``."""
    return [e.get("href") for e in doc.xpath(xpath)]


def meta(doc, key) -> list[str]:
    """The content of the head's ``<meta>`` named ``key`` (``name`` or ``property``)."""
    return doc.xpath(f"//meta[@name='{key}' or @property='{key}']/@content")


def alternates(doc) -> dict[str, str]:
    """The head's language alternates: {hreflang: href}."""
    return {
        link.get("hreflang"): link.get("href")
        for link in doc.xpath("//head/link[@rel='alternate'][@hreflang]")
    }


# The article cards ---------------------------------------------------------


def cards(doc) -> list:
    """The article cards in ``doc`` (a document or one of its elements)."""
    return doc.xpath(f".//article[{cls('card')}]")


def card_titles(doc) -> list[str]:
    return [text(c.xpath(f".//*[{cls('card__title')}]")[0]) for c in cards(doc)]


def card_links(doc) -> list[str]:
    return [c.xpath(f".//*[{cls('card__title')}]/a/@href")[0] for c in cards(doc)]
