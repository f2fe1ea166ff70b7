from modeltranslation.translator import TranslationOptions, register

from core.i18n import default_language
from experts.models import Expert


@register(Expert)
class ExpertTranslationOptions(TranslationOptions):
    fields = ("name", "titles", "short_bio", "bio")
    required_languages = {default_language(): ("name",)}
