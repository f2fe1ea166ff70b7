"""Presentation helpers of the history app; ``thinktank.jinja2`` gives them to the templates."""

from datetime import datetime

from django.conf import settings
from django.db.models import Max
from django.utils import translation

from history import staleness
from history.models import StaleTranslation


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
    if language == staleness.SOURCE or not staleness.show_note():
        return None
    if hasattr(article, "stale_since"):
        return article.stale_since
    return StaleTranslation.objects.filter(
        article=article, field__endswith=f"_{language}"
    ).aggregate(since=Max("since"))["since"]
