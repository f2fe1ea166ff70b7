from modeltranslation.translator import TranslationOptions, register

from experts.models import Expert


@register(Expert)
class ExpertTranslationOptions(TranslationOptions):
    fields = ("name", "titles", "short_bio", "bio")
    required_languages = {"en": ("name",)}
