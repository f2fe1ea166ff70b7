"""Rich text POSTed through the admin is stored reduced to the allow-list."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from articles.models import Status
from core.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES
from tests.admin_forms import fill, form_data
from tests.factories import make_article, make_expert
from tests.html import fragment

pytestmark = pytest.mark.django_db

# (hostile HTML, text that must not survive in any case)
HOSTILE = {
    "script tag": ("<p>Hi</p><script>alert(1)</script>", ["<script", "alert"]),
    "script in caps": ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", ["script", "evil"]),
    "onerror handler": ('<img src="/x.png" onerror="alert(1)">', ["onerror", "alert"]),
    "onclick handler": ('<p onclick="steal()">Click</p>', ["onclick", "steal"]),
    "onmouseover on a link": (
        '<a href="https://example.org/" onmouseover="steal()">x</a>',
        ["onmouseover", "steal"],
    ),
    "javascript: link": (
        '<a href="javascript:alert(1)">x</a>',
        ["javascript", "alert"],
    ),
    "javascript: mixed case and entity": (
        '<a href="JaVaScRiPt&#58;alert(1)">x</a>',
        ["javascript", "alert"],
    ),
    "javascript: with spaces and tab": (
        '<a href=" &#106;ava\tscript:alert(1)">x</a>',
        ["script:", "alert"],
    ),
    "data: link": (
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
        ["data:", "base64"],
    ),
    "data: image": (
        '<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">',
        ["data:", "onload"],
    ),
    "vbscript: link": ('<a href="vbscript:msgbox(1)">x</a>', ["vbscript", "msgbox"]),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', ["iframe", "evil"]),
    "iframe srcdoc": (
        '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
        ["iframe", "srcdoc", "alert"],
    ),
    "style tag": (
        "<style>body { display: none }</style><p>x</p>",
        ["<style", "display"],
    ),
    "style attribute": (
        '<p style="position:fixed;top:0">x</p>',
        ["style=", "position"],
    ),
    "object and embed": (
        '<object data="/x.swf"></object><embed src="/x.swf">',
        ["<object", "<embed", "x.swf"],
    ),
    "form and input": (
        '<form action="https://evil.example/"><input name="pw"></form>',
        ["<form", "<input", "evil"],
    ),
    "meta refresh": (
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        ["<meta", "evil"],
    ),
    "base and link": (
        '<base href="https://evil.example/"><link rel="stylesheet" href="/x.css">',
        ["<base", "<link", "evil"],
    ),
    "unknown tags": (
        "<blink>x</blink><marquee>y</marquee><custom-tag>z</custom-tag>",
        ["<blink", "<marquee", "<custom-tag"],
    ),
    "nested script": (
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        ["<script", "alert(1)</"],
    ),
    "script inside svg": ("<svg><script>alert(1)</script></svg>", ["<svg", "alert"]),
    "math with a javascript href": (
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
        ["<math", "javascript"],
    ),
    "comment hiding a script": (
        "<!--<script>alert(1)</script>--><p>x</p>",
        ["<!--", "alert"],
    ),
    "template": (
        "<template><script>alert(1)</script></template>",
        ["<template", "alert"],
    ),
    "noscript with an img": (
        '<noscript><img src="/x" onerror="alert(1)"></noscript>',
        ["noscript", "onerror"],
    ),
    "unclosed attribute": (
        '<img src="/x.png" alt="a" onerror=alert(1)//',
        ["onerror", "alert"],
    ),
    "event handler in a table": (
        '<table><tr><td onmouseenter="steal()">x</td></tr></table>',
        ["onmouseenter", "steal"],
    ),
}

# Markup an editor may write, Arabic direction included: all of it is kept.
KEPT = (
    '<h2 dir="rtl" lang="ar">العنوان</h2>'
    '<p dir="rtl" lang="ar">نص <strong>مهم</strong> و<a href="https://example.org/ar">رابط</a>.</p>'
    "<h3>Heading</h3>"
    "<ul><li><p>one</p></li></ul>"
    '<ol start="3"><li><p>three</p></li></ol>'
    "<blockquote><p>Quoted words.</p></blockquote>"
    "<table><tbody><tr><th>Year</th><td>2024</td></tr></tbody></table>"
    '<p><a href="mailto:press@example.org">press</a></p>'
)

URL_ATTRIBUTES = {"href", "src"}


def assert_clean(html):
    """Only allowed tags and attributes, and only allowed URL schemes, are left."""
    root = fragment(html)
    for element in root.iterdescendants():
        # No comments or processing instructions either.
        assert isinstance(element.tag, str), html
        assert element.tag in ALLOWED_TAGS, html
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(element.tag, set())
        for name, value in element.attrib.items():
            # nh3 adds rel="noopener noreferrer" to links itself.
            assert name in allowed | {"rel"}, html
            if name in URL_ATTRIBUTES:
                scheme = urlsplit(value.strip()).scheme
                assert not scheme or scheme in ALLOWED_URL_SCHEMES, html


def post_rich_text(client, url, field, html, status=302):
    data = fill(form_data(client.get(url)), _save="Save", **{field: html})
    response = client.post(url, data)
    assert response.status_code == status
    return response


@pytest.fixture
def article():
    # A draft: a published article's edit waits as an unpublished change (history).
    return make_article(languages=("en", "ar"), status=Status.DRAFT)


@pytest.fixture
def expert():
    return make_expert()


TARGETS = {
    "article body_en": ("article", "articles_article", "body_en"),
    "article body_ar": ("article", "articles_article", "body_ar"),
    "expert bio_en": ("expert", "experts_expert", "bio_en"),
    "expert bio_ar": ("expert", "experts_expert", "bio_ar"),
}

#: Cases refused as a whole rather than cleaned: frames off the embed allow-list.
REFUSED = {"iframe", "iframe srcdoc"}


@pytest.mark.parametrize("target", ["article body_ar", "expert bio_en"])
@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_rich_text_is_stored_clean(admin_client, request, target, case):
    """Scripts, handlers, dangerous URLs, frames and styles never reach the database."""
    fixture, admin_name, field = TARGETS[target]
    obj = request.getfixturevalue(fixture)
    hostile, forbidden = HOSTILE[case]
    url = reverse(f"admin:{admin_name}_change", args=[obj.pk])
    html = f"<p>Before.</p>{hostile}<p>After.</p>"
    # A refused save shows the form again (200) with its message.
    post_rich_text(admin_client, url, field, html, 200 if case in REFUSED else 302)
    obj.refresh_from_db()
    stored = getattr(obj, field)
    assert_clean(stored)
    for text in forbidden:
        assert text.lower() not in stored.lower(), stored
    if case in REFUSED:
        # A frame off the embed allow-list refuses the whole save, with a
        # message naming the field (tests/richtext): nothing of it is stored.
        return
    assert stored.startswith("<p>Before.</p>")
    assert "After." in stored  # what follows the hostile part is not lost


@pytest.mark.parametrize("target", TARGETS)
def test_editorial_markup_is_kept(admin_client, request, target):
    """Direction and language attributes, links, lists, headings, quotes and tables survive."""
    fixture, admin_name, field = TARGETS[target]
    obj = request.getfixturevalue(fixture)
    url = reverse(f"admin:{admin_name}_change", args=[obj.pk])
    post_rich_text(admin_client, url, field, KEPT)
    obj.refresh_from_db()
    stored = getattr(obj, field)
    assert_clean(stored)
    tree = fragment(stored)
    (heading,) = tree.xpath("h2")
    assert (heading.get("dir"), heading.get("lang")) == ("rtl", "ar")
    assert tree.xpath("p[@dir='rtl' and @lang='ar']/strong/text()") == ["مهم"]
    assert tree.xpath("//a/@href") == [
        "https://example.org/ar",
        "mailto:press@example.org",
    ]
    assert tree.xpath("h3/text()") == ["Heading"]
    assert tree.xpath("ul/li/p/text()") == ["one"]
    assert tree.xpath("ol[@start='3']/li/p/text()") == ["three"]
    assert tree.xpath("blockquote/p/text()") == ["Quoted words."]
    assert tree.xpath("table//th/text()") == ["Year"]
    assert tree.xpath("table//td/text()") == ["2024"]
