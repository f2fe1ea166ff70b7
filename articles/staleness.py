"""
Arabic fields whose English source changed after they were translated.

When a revision shows an English title, summary, body or author note
changed while its Arabic counterpart (not empty) did not, the Arabic field is
marked stale with the English text it was translated from. Changing the
Arabic field, or confirming it ("still accurate"), clears the mark. It
follows the article's revisions (``history.signals.revision_recorded``).
"""

from django.conf import settings
from django.utils import timezone

from articles.models import Article, StaleTranslation
from core.i18n import default_language, localized, other_language_codes
from history.signals import revision_recorded

#: The English fields whose changes make a translation stale.
WATCHED = ("title", "summary", "body", "author_note")


def source_language() -> str:
    """The language every translation is made from: the site's default."""
    return default_language()


def translation_languages():
    return other_language_codes()


def track(article, old, new):
    """Mark or clear the article's stale translations from one revision to the next."""
    if old is None:
        return
    before, after = old.get("fields", {}), new.get("fields", {})
    now = timezone.now()
    for code in translation_languages():
        for name in WATCHED:
            field = localized(name, code)
            english = localized(name, source_language())
            if (before.get(field) or "") != (after.get(field) or ""):
                StaleTranslation.objects.filter(article=article, field=field).delete()
            elif (before.get(english) or "") != (
                after.get(english) or ""
            ) and after.get(field):
                StaleTranslation.objects.get_or_create(
                    article=article,
                    field=field,
                    defaults={"english_then": before.get(english) or "", "since": now},
                )


def track_revision(sender, instance, revision, previous, **kwargs):
    """``revision_recorded`` receiver: a new revision of an article."""
    track(instance, previous, revision.data)


def connect():
    revision_recorded.connect(
        track_revision, sender=Article, dispatch_uid="articles_stale_translations"
    )


def confirm(article, field):
    """The translator says the Arabic ``field`` is still accurate: clear its mark."""
    StaleTranslation.objects.filter(article=article, field=field).delete()


def english_now(stale):
    """The English text of the field ``stale`` marks, as it is now."""
    source = stale.article._meta.get_field(stale.field).translated_field.name
    return getattr(stale.article, localized(source, source_language())) or ""


def show_note():
    return getattr(settings, "THINKTANK_SHOW_STALE_TRANSLATION_NOTE", True)
