from modeltranslation.translator import TranslationOptions, register

from core.i18n import default_language
from library.models import Document, Image


@register(Image)
class ImageTranslationOptions(TranslationOptions):
    fields = ("alt", "caption", "credit")


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {default_language(): ("title",)}
