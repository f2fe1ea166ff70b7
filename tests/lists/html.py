"""Reading pages the way a reader does: parsed HTML, visible text, links."""

import lxml.html


def parse(response):
    """The response's HTML document; fails on anything but a 200."""
    assert response.status_code == 200, response.status_code
    return lxml.html.fromstring(response.content.decode())


def text(element) -> str:
    """Visible text with whitespace collapsed."""
    return " ".join(element.text_content().split())


def texts(doc, xpath) -> list[str]:
    return [text(e) for e in doc.xpath(xpath)]


def hrefs(doc, xpath) -> list[str]:
    return [e.get("href") for e in doc.xpath(xpath)]


def cls(name) -> str:
    """An XPath test for an element carrying the class ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def cards(doc) -> list:
    """The article cards in ``doc`` (a document or one of its elements)."""
    return doc.xpath(f".//article[{cls('card')}]")


def card_titles(doc) -> list[str]:
    return [text(c.xpath(f".//*[{cls('card__title')}]")[0]) for c in cards(doc)]


def card_links(doc) -> list[str]:
    return [c.xpath(f".//*[{cls('card__title')}]/a/@href")[0] for c in cards(doc)]
