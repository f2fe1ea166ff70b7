"""The HTML allow-list, on the ORM write path (the admin and importer have their own tests)."""

import pytest

from core.richtext import sanitize_html
from experts.models import Expert
from tests.factories import make_article, make_expert

HOSTILE = [
    ("<p>ok</p><script>alert(1)</script>", "<p>ok</p>"),
    ('<img src="x.png" onerror="alert(1)">', '<img src="x.png">'),
    ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
    (
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        '<a rel="noopener noreferrer">x</a>',
    ),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "<img>"),
    ('<p onclick="steal()">hi</p>', "<p>hi</p>"),
    ("<style>body{display:none}</style><p>x</p>", "<p>x</p>"),
    ('<p style="position:fixed">x</p>', "<p>x</p>"),
    ("<svg><script>alert(1)</script></svg>", ""),
    ("<math><mi xlink:href='javascript:alert(1)'>x</mi></math>", ""),
    ("<blink>old</blink>", "old"),
    ("<object data='x.swf'></object><embed src='x'>", ""),
    ("<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"),
    ("<!-- <script>x</script> --><p>c</p>", "<p>c</p>"),
    ('<form action="https://evil.example"><input name=a></form>', ""),
    ('<p dir="rtl" lang="ar">نص</p>', '<p dir="rtl" lang="ar">نص</p>'),
    (
        '<a href="/policy-analysis/x" title="t">in</a>',
        '<a href="/policy-analysis/x" title="t" rel="noopener noreferrer">in</a>',
    ),
    (
        "<ul><li>a</li></ul><ol><li>b</li></ol>",
        "<ul><li>a</li></ul><ol><li>b</li></ol>",
    ),
    ("<h2>H</h2><blockquote>q</blockquote>", "<h2>H</h2><blockquote>q</blockquote>"),
    (
        "<table><tr><td>1</td></tr></table>",
        "<table><tbody><tr><td>1</td></tr></tbody></table>",
    ),
    (
        "<p><strong>Bold</strong> <em>em</em></p>",
        "<p><strong>Bold</strong> <em>em</em></p>",
    ),
]


@pytest.mark.parametrize(("dirty", "clean"), HOSTILE)
def test_sanitize_html_keeps_only_the_allow_list(dirty, clean):
    """Scripts, handlers, dangerous URLs and unknown tags go; structure, links, dir and lang stay."""
    assert sanitize_html(dirty) == clean


@pytest.mark.django_db
@pytest.mark.parametrize(("dirty", "clean"), HOSTILE)
def test_orm_saves_are_sanitized(dirty, clean):
    """An ORM create() cannot store what the editor could not."""
    article = make_article(body_en=dirty, body_ar=dirty, languages=("en",))
    expert = make_expert(bio_en=dirty)
    article.refresh_from_db()
    expert = Expert.objects.get(pk=expert.pk)
    assert article.body_en == clean
    assert article.body_ar == clean
    assert expert.bio_en == clean


@pytest.mark.django_db
def test_queryset_update_is_not_a_write_path_editors_use():
    """bulk update bypasses save(); the sanitizer still applies on the next save()."""
    article = make_article()
    type(article).objects.filter(pk=article.pk).update(
        body_en="<script>x</script><p>y</p>"
    )
    article.refresh_from_db()
    article.save()
    article.refresh_from_db()
    assert article.body_en == "<p>y</p>"
