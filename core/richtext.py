"""
Rich text: one HTML allow-list for every write path.

``sanitize_html`` is the only sanitizer. ``RichTextField`` applies it in the
admin form (through django-prose-editor) *and* in ``pre_save``, so an ORM
``create()`` or the importer can no more store a ``<script>`` than an editor can.
"""

import nh3
from django.db import models
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
