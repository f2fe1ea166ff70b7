"""
Rich text: one HTML allow-list for every write path.

``sanitize_html`` is the only sanitizer. ``RichTextField`` applies it in the
admin form (through django-prose-editor) *and* in ``pre_save``, so an ORM
``create()`` or the importer can no more store a ``<script>`` than an editor can.

``present`` is how the public site shows stored rich text (the ``rich_text``
template filter): what is stored stays as the editor wrote it.
"""

import re

import nh3
from django.db import models
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django_prose_editor.fields import ProseEditorField

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "a", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "table", "thead", "tbody", "tfoot",
    "tr", "th", "td", "caption", "figure", "figcaption", "img", "code", "pre", "span",
    "abbr", "cite", "q",
}  # fmt: skip
_GLOBAL = {"dir", "lang", "title"}
ALLOWED_ATTRIBUTES = {
    "*": _GLOBAL,
    "a": {"href", "hreflang", "target"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "type"},
    "abbr": {"title"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "template",
        "noscript",
        "svg",
        "math",
    },
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)

# The editor's toolbar offers exactly what the sanitizer keeps.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": True},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "HardBreak": True,
    "TextDirection": True,
}


def sanitize_html(html: str | None) -> str | None:
    """Return ``html`` reduced to the allow-list; ``None`` and "" pass through."""
    if not html:
        return html
    cleaned = _cleaner.clean(html).strip()
    # ProseMirror always leaves one empty paragraph behind; store "" instead.
    if cleaned in {"<p></p>", "<p><br></p>"}:
        return ""
    return cleaned


_TABLE_START = re.compile(r"<table\b")


def present(html: str | None) -> SafeString:
    """
    Stored (sanitized) rich text as the public site shows it: each table inside
    a ``<div class="table-scroll">`` that scrolls sideways when the table is
    wider than the column (static/css/site.css), so a wide table never widens
    the page on a phone. The box is focusable and labelled, so a keyboard can
    scroll it too. Text without a table is returned as it is (no parsing).

    Only for HTML that went through ``sanitize_html``: that allow-list has no
    ``<div>``, so every ``</table>`` closes a table this wraps.
    """
    if not html:
        return mark_safe("")
    if "<table" not in html:
        return mark_safe(html)
    # The box's name for screen readers, in the page's language.
    label = escape(gettext("Table"))
    start = f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}"><table'
    return mark_safe(
        _TABLE_START.sub(start, html).replace("</table>", "</table></div>")
    )


class RichTextField(ProseEditorField):
    """A TextField of sanitized HTML, edited with ProseMirror in the admin."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EDITOR_EXTENSIONS)
        kwargs["sanitize"] = sanitize_html
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("extensions", None)
        kwargs.pop("sanitize", None)
        return name, "django.db.models.TextField", args, kwargs

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value


class SanitizedTextField(models.TextField):
    """Plain text that must not carry markup (short bios, summaries)."""
