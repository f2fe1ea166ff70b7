from django.db.models import Max

from taxonomy.models import Region, Topic
from thinktank.i18n import language_codes, localized
from thinktank.sitemaps import SiteSitemap


class TopicSitemap(SiteSitemap):
    """Every topic landing, in each language the topic has a name in."""

    model = Topic

    def items(self):
        # A landing changes when its articles do: the newest update is its lastmod.
        return self.model.objects.annotate(
            last_article_update=Max("articles__updated_at")
        ).order_by("pk")

    def get_languages_for_item(self, item):
        return [
            code for code in language_codes() if getattr(item, localized("name", code))
        ]

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.last_article_update


class RegionSitemap(TopicSitemap):
    """Every region landing, in each language the region has a name in."""

    model = Region
