"""Presentation helpers for articles: dates, the author-note mark, per-language text."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.dates import MONTHS_3
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
    date_format = pgettext("article date format", "M j, Y")
    if date_format == "M j, Y":
        # What the date filter writes ("M" is MONTHS_3, titled), without its machinery.
        return f"{str(MONTHS_3[value.month]).title()} {value.day}, {value.year}"
    return format_date(value, date_format)


@register.filter(expects_localtime=True)
def isodate(value) -> str:
    """``2023-06-13``: a date for machines (``<time datetime>``)."""
    return value.date().isoformat() if value else ""


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
