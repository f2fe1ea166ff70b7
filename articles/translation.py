from modeltranslation.translator import TranslationOptions, register

from articles.models import Article, ArticleType
from core.i18n import default_language


@register(ArticleType)
class ArticleTypeTranslationOptions(TranslationOptions):
    fields = ("name", "plural")
    required_languages = {default_language(): ("name", "plural")}


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "subtitle",
        "slug",
        "summary",
        "body",
        "author_note",
        "available",
        "live_from",
        "lead_image_alt",
        "lead_image_caption",
        "lead_image_credit",
        "venue",
    )
    required_languages = {default_language(): ("title",)}
    # An empty slug is stored as NULL so that the unique index ignores it.
    empty_values = {"slug": None}
    # English never stands in for a missing Arabic text.
    fallback_languages = {"default": ()}
