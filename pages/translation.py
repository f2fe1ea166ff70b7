from modeltranslation.translator import TranslationOptions, register

from core.i18n import default_language
from pages.models import Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "body", "description", "published")
    required_languages = {default_language(): ("title",)}
    # An empty slug is stored as NULL so that the unique index ignores it.
    empty_values = {"slug": None}
    # English never stands in for a missing Arabic text.
    fallback_languages = {"default": ()}
