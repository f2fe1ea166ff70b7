"""
Rich text: one HTML allow-list for every write path.

``sanitize_html`` is the only sanitizer. ``RichTextField`` applies it in the
admin form (through django-prose-editor) *and* in ``pre_save``, so an ORM
``create()`` or the importer can no more store a ``<script>`` than an editor can.

``present`` is how the public site shows stored rich text (the ``rich_text``
template filter): what is stored stays as the editor wrote it.

What the body stores by reference, not by address (so that a slug change never
breaks it), is drawn at display time in the page's language:

- internal links ``<a data-ref="article:12">`` (kinds registered by the apps
  that own the records: ``register_reference``);
- figures ``<figure data-image="7" data-alt="…" data-caption="…"></figure>``
  (a library image: ``register_figures``);
- notes ``<sup><a href="#fn1" id="fnref1" role="doc-noteref">1</a></sup>`` and
  ``<ol role="doc-endnotes"><li id="fn1">… <a href="#fnref1" role="doc-backlink">↩</a></li></ol>``;
- embeds ``<iframe src="https://<allowed host>/…" title="…">`` from the hosts
  of ``settings.RICHTEXT_EMBED_HOSTS`` only (anything else is refused on every
  write path: ``check_embeds``), shown sandboxed.

Each kind of reference costs one query per body, however many links it has.
"""

import re
from collections import defaultdict
from collections.abc import Callable
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.functional import lazy
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from core.i18n import localized

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "a", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "table", "thead", "tbody", "tfoot",
    "tr", "th", "td", "caption", "figure", "figcaption", "img", "code", "pre", "span",
    "abbr", "cite", "q", "iframe",
}  # fmt: skip
_GLOBAL = {"dir", "lang", "title"}
ALLOWED_ATTRIBUTES = {
    "*": _GLOBAL,
    "a": {"href", "hreflang", "target", "data-ref", "id", "role"},
    "img": {"src", "alt", "width", "height"},
    "figure": {"data-image", "data-alt", "data-caption"},
    "iframe": {"src", "title", "width", "height"},
    "li": {"id"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "type", "role"},
    "abbr": {"title"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={
        "script",
        "style",
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
    attribute_filter=lambda element, attribute, value: _filter_attribute(
        element, attribute, value
    ),
)

_ROLES = {"a": {"doc-noteref", "doc-backlink"}, "ol": {"doc-endnotes"}}


def embed_hosts() -> set[str]:
    """The hosts whose pages the body may embed (settings.RICHTEXT_EMBED_HOSTS)."""
    return set(getattr(settings, "RICHTEXT_EMBED_HOSTS", ()))


def embed_allowed(url: str) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme == "https" and parts.hostname in embed_hosts()


def _filter_attribute(element, attribute, value):
    # The sanitizer's last line: it drops what the checks below refuse.
    if element == "iframe" and attribute == "src":
        return value if embed_allowed(value) else None
    if attribute == "role":
        return value if value in _ROLES.get(element, ()) else None
    if attribute == "data-ref":
        return value if _REF_VALUE.fullmatch(value) else None
    if attribute == "data-image":
        return value if value.isdigit() else None
    return value


_REF_VALUE = re.compile(r"[a-z]+:\d+")

# Read when the form is drawn (a test may shorten it).
_autosave_seconds = lazy(lambda: str(settings.RICHTEXT_AUTOSAVE_SECONDS), str)

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
    # static/js/richtext-editor.js (settings.DJANGO_PROSE_EDITOR_EXTENSIONS):
    # internal links, notes, figures, embeds, the writing aids.
    "InternalLink": {
        "chooserUrl": reverse_lazy("admin:richtext_choices"),
        "kinds": ["article", "expert", "topic", "region", "document"],
        "texts": {
            "internal link": _("Link to a page of the site or a document"),
            "choose": _("Choose what to link to"),
            "search": _("Search (English or Arabic)"),
            "cancel": _("Cancel"),
            "nothing": _("Nothing found"),
            "article": _("Analysis"),
            "expert": _("Expert"),
            "topic": _("Topic"),
            "region": _("Region"),
            "document": _("Document"),
        },
    },
    "Notes": {
        "texts": {
            "note": _("Add a note"),
            "note text": _("Text of the note"),
        }
    },
    "LibraryFigure": {
        "chooserUrl": reverse_lazy("admin:richtext_choices"),
        "texts": {
            "figure": _("Figure from the library"),
            "choose": _("Choose an image"),
            "search": _("Search (English or Arabic)"),
            "cancel": _("Cancel"),
            "nothing": _("Nothing found"),
            "image": _("Image"),
            "alt override": _(
                "Alt text for this page (leave empty to use the image’s own)"
            ),
        },
    },
    "Embed": {
        "hosts": settings.RICHTEXT_EMBED_HOSTS,
        "texts": {
            "embed": _("Embed a chart or video"),
            "embed address": _("Address of the chart or video (from %(hosts)s)"),
            "embed refused": _(
                "Only pages from these hosts can be embedded: %(hosts)s"
            ),
            "embed title": _("Title of the embed, for screen readers"),
        },
    },
    "WritingAids": {
        "autosaveSeconds": _autosave_seconds(),
        "texts": {
            "words": _("%(words)s words, about %(minutes)s min to read"),
            "autosave failed": _("The draft could not be saved automatically."),
        },
    },
    "NoSpellCheck": False,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "HardBreak": True,
    "TextDirection": True,
}


_IFRAME = re.compile(r"<iframe\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def _attrs(tag_attrs: str) -> dict[str, str]:
    return {
        m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
        for m in _ATTR.finditer(tag_attrs)
    }


def embed_errors(html: str | None) -> list[str]:
    """What is wrong with the embeds of ``html`` (a host off the list, no title)."""
    errors = []
    for match in _IFRAME.finditer(html or ""):
        attrs = _attrs(match.group(1))
        src = attrs.get("src", "")
        if not embed_allowed(src):
            errors.append(
                gettext("Embeds from “%(host)s” are not allowed (allowed: %(hosts)s).")
                % {
                    "host": urlsplit(src).hostname or src or "?",
                    "hosts": ", ".join(sorted(embed_hosts())) or "—",
                }
            )
        elif not attrs.get("title", "").strip():
            errors.append(gettext("An embed needs a title for screen readers."))
    return errors


def check_embeds(html: str | None, field_label: str = "") -> None:
    """Raise ``ValidationError`` naming ``field_label`` when an embed is refused."""
    errors = embed_errors(html)
    if errors:
        prefix = f"{field_label}: " if field_label else ""
        raise ValidationError([prefix + error for error in errors], code="embed")


# Word's footnotes, as its "Save as web page" and its clipboard write them.
_WORD_NOTE_REF = re.compile(
    r"<a\b[^>]*href=\"#_ftn(\d+)\"[^>]*>.*?</a>", re.DOTALL | re.IGNORECASE
)
_WORD_NOTE_BACK = re.compile(
    r"<a\b[^>]*href=\"#_ftnref(\d+)\"[^>]*>.*?</a>\s*", re.DOTALL | re.IGNORECASE
)
_WORD_NOTE_BLOCK = re.compile(
    r"<div\b[^>]*\bid=\"?ftn(\d+)\"?[^>]*>(.*?)</div>", re.DOTALL | re.IGNORECASE
)
_WORD_NOTE_PARAGRAPH = re.compile(
    r"<p\b[^>]*>\s*<a\b[^>]*href=\"#_ftnref(\d+)\"[^>]*>.*?</a>(.*?)</p>",
    re.DOTALL | re.IGNORECASE,
)
_WORD_NOTES_BOX = re.compile(
    r"<div\b[^>]*mso-element:\s*footnote-list[^>]*>.*?(?=</body>|$)",
    re.DOTALL | re.IGNORECASE,
)


def from_word(html: str) -> str:
    """
    Word's footnotes as ours: each ``<a href="#_ftn1">[1]</a>`` becomes a note
    reference, and the notes Word puts at the end (``mso-footnote`` blocks)
    become the endnotes list with back-links. HTML without them is unchanged.
    """
    if "_ftn" not in html:
        return html
    notes = {}
    for match in _WORD_NOTE_BLOCK.finditer(html):
        text = _WORD_NOTE_BACK.sub("", match.group(2))
        text = re.sub(r"</?p\b[^>]*>", " ", text).strip()
        notes[int(match.group(1))] = text
    body = _WORD_NOTES_BOX.sub("", html)
    body = _WORD_NOTE_BLOCK.sub("", body)
    # Pasted into the editor, Word's notes arrive as paragraphs that begin
    # with the link back to their reference.
    for match in _WORD_NOTE_PARAGRAPH.finditer(body):
        notes.setdefault(int(match.group(1)), match.group(2).strip())
    body = _WORD_NOTE_PARAGRAPH.sub("", body)
    body = _WORD_NOTE_REF.sub(lambda m: _note_ref(int(m.group(1))), body)
    if notes:
        body += endnotes_html(notes)
    return body


def _note_ref(number: int) -> str:
    return (
        f'<sup><a href="#fn{number}" id="fnref{number}" role="doc-noteref">'
        f"{number}</a></sup>"
    )


def endnotes_html(notes: dict[int, str]) -> str:
    items = "".join(
        f'<li id="fn{n}"><p>{text} <a href="#fnref{n}" role="doc-backlink">↩</a></p></li>'
        for n, text in sorted(notes.items())
    )
    return f'<ol role="doc-endnotes">{items}</ol>'


_NOTE_REF_OUTSIDE = re.compile(
    r'<a\b([^>]*\brole="doc-noteref"[^>]*)>\s*<sup>([^<]*)</sup>\s*</a>'
)


def sanitize_html(html: str | None) -> str | None:
    """Return ``html`` reduced to the allow-list; ``None`` and "" pass through."""
    if not html:
        return html
    cleaned = _cleaner.clean(from_word(html)).strip()
    # An iframe left without an allowed address is nothing.
    cleaned = re.sub(r"<iframe(?![^>]*\ssrc=)[^>]*>\s*</iframe>", "", cleaned)
    # The editor nests a note's number the other way round (its link mark
    # outside the superscript): one form is stored, the documented one.
    cleaned = _NOTE_REF_OUTSIDE.sub(r"<sup><a\1>\2</a></sup>", cleaned)
    # ProseMirror always leaves one empty paragraph behind; store "" instead.
    if cleaned in {"<p></p>", "<p><br></p>"}:
        return ""
    return cleaned


def checked_sanitize_html(html: str | None) -> str | None:
    """The form's cleaning: an embed off the list is an error on the field, not dropped."""
    check_embeds(html)
    return sanitize_html(html)


_TABLE_START = re.compile(r"<table\b")

#: kind → resolver(ids, language_code) → {pk: (title, url or None when readers may not see it)}
_references: dict[str, Callable] = {}
#: resolver(ids, language_code) → {pk: Figure}
_figures: list[Callable] = []


def register_reference(kind: str, resolver: Callable) -> None:
    """
    Let bodies link to records of ``kind`` (``<a data-ref="kind:pk">``).
    ``resolver(ids, language_code)`` answers in one query
    ``{pk: (title, url)}``, ``url`` None for what readers of that language may not see.
    """
    _references[kind] = resolver


def reference_kinds() -> list[str]:
    return sorted(_references)


#: kind → (model, fields searched, queryset(model) → rows offered)
_choosers: dict[str, tuple] = {}


def register_chooser(kind: str, model, fields, rows=None) -> None:
    """
    Offer records of ``model`` in the editor's chooser (the admin's
    ``richtext_choices`` address) as ``kind``, searched in ``fields`` (every
    language's column, e.g. ``["title_en", "title_ar"]``).
    """
    _choosers[kind] = (
        model,
        list(fields),
        rows or (lambda m: m._default_manager.all()),
    )


def chooser_kinds() -> list[str]:
    return list(_choosers)


def choices(user, kind: str, query: str, limit: int = 10) -> list[dict] | None:
    """
    Up to ``limit`` records of ``kind`` matching ``query`` that ``user`` may
    view in the admin: ``[{"ref", "kind", "label"}]``; None for an unknown
    kind or a user without the view permission.
    """
    if kind not in _choosers:
        return None
    model, fields, rows = _choosers[kind]
    meta = model._meta
    if not user.has_perm(f"{meta.app_label}.view_{meta.model_name}"):
        return None
    found = rows(model)
    query = query.strip()
    if query.isdigit():
        found = found.filter(pk=int(query))
    elif query:
        condition = models.Q()
        for field in fields:
            condition |= models.Q(**{f"{field}__icontains": query})
        found = found.filter(condition)
    return [
        {"ref": f"{kind}:{row.pk}", "kind": kind, "label": str(row)}
        for row in found.order_by("-pk")[:limit]
    ]


def register_figures(resolver: Callable) -> None:
    """``resolver(ids, language_code) → {pk: html of the <picture>, caption, credit, alt}`` in one query."""
    _figures[:] = [resolver]


_REF_LINK = re.compile(
    r"<a\b([^>]*?)\bdata-ref=\"([a-z]+):(\d+)\"([^>]*)>(.*?)</a>", re.DOTALL
)
_FIGURE = re.compile(
    r"<figure\b([^>]*\bdata-image=\"\d+\"[^>]*)>(.*?)</figure>", re.DOTALL
)
_IFRAME_TAG = re.compile(r"<iframe\b([^>]*)>\s*</iframe>", re.DOTALL)


def _resolve_links(html: str, language: str, editor: bool) -> str:
    wanted = defaultdict(set)
    for match in _REF_LINK.finditer(html):
        wanted[match.group(2)].add(int(match.group(3)))
    found = {
        kind: _references[kind](ids, language)
        for kind, ids in wanted.items()
        if kind in _references
    }

    def link(match):
        kind, pk, text = match.group(2), int(match.group(3)), match.group(5)
        title, url = found.get(kind, {}).get(pk, (None, None))
        if url:
            return f'<a href="{escape(url)}" data-ref="{kind}:{pk}">{text}</a>'
        if editor:
            note = (
                gettext("Link to something readers cannot see yet: shown as plain text")
                if title
                else gettext(
                    "Link to something that no longer exists: shown as plain text"
                )
            )
            return f'<mark class="ref-broken" title="{escape(note)}">{text}</mark>'
        return text

    return _REF_LINK.sub(link, html)


def _resolve_figures(html: str, language: str) -> str:
    matches = [(m, _attrs(m.group(1))) for m in _FIGURE.finditer(html)]
    ids = {int(attrs["data-image"]) for _m, attrs in matches}
    drawn = _figures[0](ids, language) if ids and _figures else {}

    def figure(match):
        attrs = _attrs(match.group(1))
        image = drawn.get(int(attrs["data-image"]))
        if image is None:
            return ""
        return image(alt=attrs.get("data-alt"), caption=attrs.get("data-caption"))

    return _FIGURE.sub(figure, html)


def _sandbox_embeds(html: str) -> str:
    def frame(match):
        attrs = _attrs(match.group(1))
        if not embed_allowed(attrs.get("src", "")):
            return ""
        return (
            f'<div class="embed"><iframe src="{escape(attrs["src"])}" '
            f'title="{escape(attrs.get("title", ""))}" loading="lazy" '
            'sandbox="allow-scripts allow-same-origin allow-popups" '
            'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen>'
            "</iframe></div>"
        )

    return _IFRAME_TAG.sub(frame, html)


def present(html: str | None, editor: bool = False) -> SafeString:
    """
    Stored (sanitized) rich text as the public site shows it, in the active
    language: internal links and figures drawn from their records (one query
    per kind), links readers may not follow as plain text (marked for
    ``editor``, the staff preview), embeds sandboxed, and each table inside a
    ``<div class="table-scroll">`` that scrolls sideways when the table is
    wider than the column (static/css/site.css), so a wide table never widens
    the page on a phone. The box is focusable and labelled, so a keyboard can
    scroll it too.

    Only for HTML that went through ``sanitize_html``: that allow-list has no
    ``<div>``, so every ``</table>`` closes a table this wraps.
    """
    if not html:
        return mark_safe("")
    language = translation.get_language() or settings.LANGUAGE_CODE
    if "data-ref=" in html:
        html = _resolve_links(html, language, editor)
    if "data-image=" in html:
        html = _resolve_figures(html, language)
    if "<iframe" in html:
        html = _sandbox_embeds(html)
    if "<table" not in html:
        return mark_safe(html)
    # The box's name for screen readers, in the page's language.
    label = escape(gettext("Table"))
    start = f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}"><table'
    return mark_safe(
        _TABLE_START.sub(start, html).replace("</table>", "</table></div>")
    )


def referring_q(field_names, needle: str):
    """``Q`` for rows whose rich text fields (all languages) contain ``needle``."""
    q = models.Q()
    for name in field_names:
        q |= models.Q(**{f"{name}__contains": needle})
    return q


class RichTextField(ProseEditorField):
    """A TextField of sanitized HTML, edited with ProseMirror in the admin."""

    def _column_read(self, instance) -> str:
        """
        The field a refusal names: a translated field's own name reads the
        active language's column (``body`` is ``body_en`` in English), so that
        column is named.
        """
        column = localized(self.attname, translation.get_language() or "")
        names = {field.attname for field in instance._meta.concrete_fields}
        return column if column in names and column != self.attname else self.attname

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EDITOR_EXTENSIONS)
        kwargs["sanitize"] = checked_sanitize_html
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("extensions", None)
        kwargs.pop("sanitize", None)
        return name, "django.db.models.TextField", args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        check_embeds(value)

    def pre_save(self, model_instance, add):
        raw = getattr(model_instance, self.attname)
        # What the sanitizer would silently drop is refused, naming the field,
        # on every write path (admin, importer, ORM).
        errors = embed_errors(raw)
        if errors:
            raise ValidationError(
                {self._column_read(model_instance): errors}, code="embed"
            )
        value = sanitize_html(raw)
        setattr(model_instance, self.attname, value)
        return value


class SanitizedTextField(models.TextField):
    """Plain text that must not carry markup (short bios, summaries)."""
