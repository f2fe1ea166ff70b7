from django.db.models import Q
from django.utils import translation

from articles.models import Article
from thinktank.i18n import language_codes, localized, localized_fields
from thinktank.sitemaps import SiteSitemap


class ArticleSitemap(SiteSitemap):
    """Every article, in each language it is live in."""

    def items(self):
        published_somewhere = Q()
        for code in language_codes():
            published_somewhere |= Q(**{localized("available", code): True})
        return (
            Article.objects.published()
            .filter(published_somewhere)
            .only(
                *localized_fields("slug"), *localized_fields("available"), "updated_at"
            )
            .order_by("pk")
        )

    def get_languages_for_item(self, item):
        return item.languages

    def location(self, item):
        return item.url_in(translation.get_language())

    def lastmod(self, item):
        return item.updated_at
