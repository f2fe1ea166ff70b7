from modeltranslation.translator import TranslationOptions, register

from taxonomy.models import Region, Topic


class TermTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"en": ("name",)}


@register(Topic)
class TopicTranslationOptions(TermTranslationOptions):
    pass


@register(Region)
class RegionTranslationOptions(TermTranslationOptions):
    pass
