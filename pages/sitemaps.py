from django.utils import translation

from core.i18n import language_codes, localized, localized_fields
from core.sitemaps import SiteSitemap
from core.urls import slug_url
from pages.models import Page


class PageSitemap(SiteSitemap):
    """Every institute page, in each language it is live in."""

    def items(self):
        return (
            Page.objects.live_in_any_language()
            .values_list(
                "pk",
                *localized_fields("slug"),
                *localized_fields("title"),
                *localized_fields("published"),
                "updated_at",
                named=True,
            )
            .order_by("pk")
        )

    def get_languages_for_item(self, item):
        return [
            code
            for code in language_codes()
            if getattr(item, localized("published", code))
            and getattr(item, localized("slug", code))
            and getattr(item, localized("title", code))
        ]

    def location(self, item):
        return self.location_in(item, translation.get_language())

    def location_in(self, item, language_code):
        return slug_url(
            "page", getattr(item, localized("slug", language_code)), language_code
        )

    def lastmod(self, item):
        return item.updated_at
