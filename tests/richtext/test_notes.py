"""Notes: numbered references with back-links, kept by the sanitizer; Word's footnotes become ours."""

from pathlib import Path

import pytest

from core.richtext import present, sanitize_html
from tests.factories import make_article
from tests.html import fragment, get_page

FIXTURES = Path(__file__).parent / "fixtures"

NOTES = (
    '<p>Flows fell.<sup><a href="#fn1" id="fnref1" role="doc-noteref">1</a></sup></p>'
    '<ol role="doc-endnotes"><li id="fn1"><p>Ministry, 2024. '
    '<a href="#fnref1" role="doc-backlink">↩</a></p></li></ol>'
)


def test_notes_survive_the_sanitizer():
    tree = fragment(f"<div>{sanitize_html(NOTES)}</div>")
    (ref,) = tree.xpath("//sup/a[@role='doc-noteref']")
    assert ref.get("href") == "#fn1" and ref.get("id") == "fnref1"
    (note,) = tree.xpath("//ol[@role='doc-endnotes']/li[@id='fn1']")
    assert note.xpath(".//a[@role='doc-backlink']/@href") == ["#fnref1"]


def test_roles_off_the_list_are_dropped():
    cleaned = sanitize_html(
        '<ol role="presentation"><li>x</li></ol><a role="button" href="/">y</a>'
    )
    assert "role" not in cleaned
    assert 'role="doc-endnotes"' in sanitize_html(
        '<ol role="doc-endnotes"><li>x</li></ol>'
    )


def test_word_footnotes_become_ours_and_lists_stay():
    word = (FIXTURES / "word-footnotes.html").read_text()
    tree = fragment(f"<div>{sanitize_html(word)}</div>")
    refs = tree.xpath("//sup/a[@role='doc-noteref']")
    assert [(a.get("href"), a.get("id"), a.text) for a in refs] == [
        ("#fn1", "fnref1", "1"),
        ("#fn2", "fnref2", "2"),
    ]
    notes = tree.xpath("//ol[@role='doc-endnotes']/li")
    assert [li.get("id") for li in notes] == ["fn1", "fn2"]
    assert "Ministry of Water Resources, 2024." in notes[0].text_content()
    assert notes[1].xpath(".//i/text()") == ["March 2025"]
    assert notes[1].xpath(".//a[@role='doc-backlink']/@href") == ["#fnref2"]
    assert tree.xpath("//ul/li/text()") == ["Basra", "Nasiriyah"]
    assert "_ftn" not in sanitize_html(word) and "mso" not in sanitize_html(word)


@pytest.mark.django_db
def test_article_page_shows_notes(client):
    article = make_article(body_en=NOTES)
    doc = get_page(client, article.get_absolute_url())
    assert doc.xpath("//div[@class='prose']//ol[@role='doc-endnotes']/li/@id") == [
        "fn1"
    ]
    assert str(present(NOTES)).count("fnref1") == 2


def test_word_footnotes_pasted_into_the_editor_become_ours():
    """What the editor keeps of a paste from Word: links to #_ftn1, then paragraphs of notes."""
    pasted = (
        '<p>Flows fell.<a href="#_ftn1">[1]</a> Farmers left.<a href="#_ftn2">[2]</a></p>'
        "<ul><li><p>Basra</p></li></ul>"
        '<p><a href="#_ftnref1">[1]</a> Ministry, 2024.</p>'
        '<p><a href="#_ftnref2">[2]</a> Interviews.</p>'
    )
    tree = fragment(f"<div>{sanitize_html(pasted)}</div>")
    assert tree.xpath("//sup/a[@role='doc-noteref']/@href") == ["#fn1", "#fn2"]
    notes = tree.xpath("//ol[@role='doc-endnotes']/li")
    assert [li.text_content().strip() for li in notes] == [
        "Ministry, 2024. ↩",
        "Interviews. ↩",
    ]
    assert tree.xpath("//ul/li//text()") == ["Basra"]


def test_the_editors_nesting_of_a_note_number_is_stored_the_documented_way():
    """The editor writes the number's link outside its superscript; one form is stored."""
    editor = (
        '<p>Flows fell.<a href="#fn1" id="fnref1" role="doc-noteref" '
        'rel="noopener noreferrer"><sup>1</sup></a></p>'
        '<ol role="doc-endnotes"><li id="fn1"><p>Ministry. '
        '<a href="#fnref1" role="doc-backlink">↩</a></p></li></ol>'
    )
    tree = fragment(f"<div>{sanitize_html(editor)}</div>")
    (ref,) = tree.xpath("//sup/a[@role='doc-noteref']")
    assert (ref.get("href"), ref.get("id"), ref.text) == ("#fn1", "fnref1", "1")
    assert tree.xpath("//a/sup") == []
    assert sanitize_html(sanitize_html(editor)) == sanitize_html(editor)
