from django import template
from django.conf import settings
from django.db.models import Max
from django.utils import translation

from history import staleness
from history.models import StaleTranslation

register = template.Library()


@register.inclusion_tag("components/stale_translation_note.html")
def stale_translation_note(article):
    """
    "Updated in English on …" above a translation whose English text changed
    since it was translated (setting THINKTANK_SHOW_STALE_TRANSLATION_NOTE).
    Read from ``stale_since`` when the page's query brought it
    (``Article.objects.for_page()``); otherwise one query, on translated pages only.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == staleness.SOURCE or not staleness.show_note():
        return {"since": None}
    if hasattr(article, "stale_since"):
        return {"since": article.stale_since}
    since = StaleTranslation.objects.filter(
        article=article, field__endswith=f"_{language}"
    ).aggregate(since=Max("since"))["since"]
    return {"since": since}
