"""Issue 15, item 5: the Arabic typefaces are the site's own static files, declared with font-display: swap."""

import re
from pathlib import Path, PurePosixPath

import pytest
from django.contrib.staticfiles import finders

from tests.factories import make_article
from tests.html import parse

pytestmark = pytest.mark.django_db

FACE = re.compile(r"@font-face\s*{(.*?)}", re.DOTALL)


def stylesheets(client, path) -> list[str]:
    doc = parse(client.get(path))
    return [
        href.split("/static/", 1)[1]
        for href in doc.xpath("//link[@rel='stylesheet']/@href")
    ]


def test_arabic_typefaces_are_served_by_the_site_with_swap(client):
    article = make_article(languages=("en", "ar"))
    sheets = stylesheets(client, article.url_in("ar"))
    faces = []
    for sheet in sheets:
        css = Path(finders.find(sheet)).read_text(encoding="utf-8")
        # Nothing from another origin: no scheme, no protocol-relative address.
        assert not re.search(r"https?:|url\(\s*[\"']?//", css), sheet
        for body in FACE.findall(css):
            faces.append((sheet, body))
    families = set()
    for sheet, body in faces:
        assert "font-display: swap" in body
        assert "unicode-range: U+0600-06FF" in body  # the Arabic subset only
        [url] = re.findall(r'url\("([^"]+)"\)', body)
        path = str(PurePosixPath(sheet).parent.joinpath(url))
        resolved = finders.find(str(PurePosixPath(*_normal(path))))
        assert resolved, path
        with open(resolved, "rb") as font:
            assert font.read(4) == b"wOF2"
        families.add(re.search(r'font-family: "([^"]+)"', body).group(1))
    assert families == {"Noto Naskh Arabic", "Noto Sans Arabic"}


def _normal(path: str) -> list[str]:
    parts = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return parts
