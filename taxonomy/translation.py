from modeltranslation.translator import TranslationOptions, register

from core.i18n import default_language
from taxonomy.models import Region, Topic


class TermTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {default_language(): ("name",)}


@register(Topic)
class TopicTranslationOptions(TermTranslationOptions):
    pass


@register(Region)
class RegionTranslationOptions(TermTranslationOptions):
    pass
