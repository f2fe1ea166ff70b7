"""
Presentation helpers for articles: dates, the author-note mark, per-language
text. Plain functions; ``thinktank.jinja2`` makes them the templates' filters.
"""

from datetime import date, datetime

from django.conf import settings
from django.db.models import Max
from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.dates import MONTHS_3
from django.utils.timezone import template_localtime
from django.utils.translation import pgettext, pgettext_lazy

from articles import staleness
from articles.models import StaleTranslation
from core.i18n import localized

AUTHOR_NOTE_MARK = "❖"

#: The institute's series, named in English in ``Article.series``; the
#: catalogue holds their names in the other languages (context "series").
#: A series not listed here is shown as the editors typed it.
SERIES = (
    pgettext_lazy("series", "PolicyWatch"),
    pgettext_lazy("series", "Policy Note"),
    pgettext_lazy("series", "Policy Focus"),
)


def series_name(series: str) -> str:
    """A series' name in the page's language ("PolicyWatch", "المرصد السياسي"), from the catalogue."""
    return pgettext("series", series) if series else ""


def pubdate(value: date | datetime | None) -> str:
    """A publication date as the language writes it: "Jun 13, 2023", "13 يونيو، 2023"."""
    if not value:
        return ""
    value = template_localtime(value)
    # Translators: a Django date format (see the "date" filter) for article dates.
    date_format = pgettext("article date format", "M j, Y")
    if date_format == "M j, Y":
        # What the date filter writes ("M" is MONTHS_3, titled), without its machinery.
        return f"{str(MONTHS_3[value.month]).title()} {value.day}, {value.year}"
    return format_date(value, date_format)


def isodate(value: date | datetime | None) -> str:
    """``2023-06-13``, the day in the institute's time zone: a date for machines (``<time datetime>``)."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = template_localtime(value).date()
    return value.isoformat()


def isodatetime(value: datetime | None) -> str:
    """``2023-06-13T09:30:00-04:00``: a moment in the institute's time zone, ISO 8601."""
    return template_localtime(value).isoformat() if value else ""


def with_mark(note: str) -> str:
    """The author note, ending with the ❖ mark whether or not the editor typed it."""
    note = (note or "").strip()
    if not note or note.endswith(AUTHOR_NOTE_MARK):
        return note
    return f"{note} {AUTHOR_NOTE_MARK}"


def in_language(obj, field: str) -> str:
    """``obj.<field>`` in the active language only, never another language's text."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return getattr(obj, localized(field, language), "") or ""


def stale_since(article) -> datetime | None:
    """
    When the English text of the page's translation of ``article`` changed
    since it was translated, for the "Updated in English on …" note
    (``components/stale_translation_note.html``); None when there is nothing
    to say, on English pages and when the setting
    THINKTANK_SHOW_STALE_TRANSLATION_NOTE is off. Read from ``stale_since``
    when the page's query brought it (``Article.objects.for_page()``);
    otherwise one query, on translated pages only.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == staleness.source_language() or not staleness.show_note():
        return None
    if hasattr(article, "stale_since"):
        return article.stale_since
    return StaleTranslation.objects.filter(
        article=article, field__in=StaleTranslation.columns_in(language)
    ).aggregate(since=Max("since"))["since"]
