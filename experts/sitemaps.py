from django.db.models import Q

from core.i18n import language_codes, localized, localized_fields
from core.sitemaps import SiteSitemap
from core.urls import slug_url
from experts.models import Expert


class ExpertSitemap(SiteSitemap):
    """Every expert profile, in each language it has a name in."""

    def items(self):
        named_somewhere = Q()
        for code in language_codes():
            named_somewhere |= Q(**{f"{localized('name', code)}__gt": ""})
        return (
            Expert.objects.with_profile()
            .filter(named_somewhere)
            .only(*localized_fields("name"), "slug", "has_profile", "updated_at")
            .order_by("pk")
        )

    def get_languages_for_item(self, item):
        return [code for code in language_codes() if item.has_page_in(code)]

    def location(self, item):
        return item.get_absolute_url()

    def location_in(self, item, language_code):
        return slug_url("experts:detail", item.slug, language_code)

    def lastmod(self, item):
        return item.updated_at
