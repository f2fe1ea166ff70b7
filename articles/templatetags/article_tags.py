"""Presentation helpers for articles: dates, the author-note mark, per-language text."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.translation import pgettext

from thinktank.i18n import localized

register = template.Library()

AUTHOR_NOTE_MARK = "❖"


@register.filter(expects_localtime=True)
def pubdate(value) -> str:
    """A publication date as the language writes it: "Jun 13, 2023", "13 يونيو، 2023"."""
    if not value:
        return ""
    # Translators: a Django date format (see the "date" filter) for article dates.
    return format_date(value, pgettext("article date format", "M j, Y"))


@register.filter
def with_mark(note: str) -> str:
    """The author note, ending with the ❖ mark whether or not the editor typed it."""
    note = (note or "").strip()
    if not note or note.endswith(AUTHOR_NOTE_MARK):
        return note
    return f"{note} {AUTHOR_NOTE_MARK}"


@register.filter
def in_language(obj, field: str) -> str:
    """``obj.<field>`` in the active language only, never another language's text."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return getattr(obj, localized(field, language), "") or ""
