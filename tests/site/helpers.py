"""Helpers for the public-site tests: fetch a page and read it as a reader would."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import html
from PIL import Image

ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def get_page(client, url, status=200):
    """The parsed document at ``url``, after checking its status code."""
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return html.fromstring(response.content)


def text(element) -> str:
    """An element's text, whitespace collapsed."""
    return " ".join(element.text_content().split())


def one(tree, xpath):
    """The single element matching ``xpath``."""
    found = tree.xpath(xpath)
    assert len(found) == 1, (xpath, len(found))
    return found[0]


def by_class(name: str) -> str:
    """An XPath matching elements that carry the CSS class ``name``."""
    return f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


def document_position(tree, element) -> int:
    """Where ``element`` comes in document order."""
    for index, node in enumerate(tree.iter()):
        if node is element:
            return index
    raise AssertionError("element not in tree")


def png(name="picture.png", size=(40, 30)):
    """A small real PNG upload."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (90, 110, 140)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name="report.pdf", pages=2):
    """A small real PDF upload."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")
