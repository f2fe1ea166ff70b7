from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone, translation

from articles.models import Article
from core.i18n import language_codes, localized, localized_fields
from core.sitemaps import SiteSitemap
from core.urls import slug_url
from taxonomy.models import Region, Topic


class ArticleSitemap(SiteSitemap):
    """
    Every article, in each language it is live in, but op-eds whose original
    is on their outlet's site: their canonical address is there, not here.
    """

    def items(self):
        # Rows, not instances: a file lists thousands of them.
        return (
            Article.objects.live_in_any_language()
            .canonical_here()
            .values_list(
                "pk",
                *localized_fields("slug"),
                *localized_fields("available"),
                *localized_fields("live_from"),
                "updated_at",
                named=True,
            )
            .order_by("pk")
        )

    def get_languages_for_item(self, item):
        now = timezone.now()
        return [
            code
            for code in language_codes()
            if getattr(item, localized("available", code))
            and (getattr(item, localized("live_from", code)) or now) <= now
        ]

    def location(self, item):
        return self.location_in(item, translation.get_language())

    def location_in(self, item, language_code):
        return slug_url(
            "policy_analysis",
            getattr(item, localized("slug", language_code)),
            language_code,
        )

    def lastmod(self, item):
        return item.updated_at


class TopicSitemap(SiteSitemap):
    """
    Every topic landing, in each language the topic has a name in.

    The landings live at /policy-analysis/<slug>, which this app serves, and
    list live articles: a landing changes when one of them does.
    """

    model = Topic
    #: The Article field that tags an article with such a term.
    article_field = "topics"

    def items(self):
        # The newest update among the live articles of the term and of its
        # sub-terms (the landing lists both). Drafts do not count: their edits
        # would show in public as a change of a page that did not change.
        tagged = Q(**{self.article_field: OuterRef("pk")}) | Q(
            **{f"{self.article_field}__parent": OuterRef("pk")}
        )
        newest = (
            Article.objects.live_in_any_language()
            .filter(tagged)
            .order_by("-updated_at")
            .values("updated_at")[:1]
        )
        return self.model.objects.annotate(
            last_article_update=Subquery(newest)
        ).order_by("pk")

    def get_languages_for_item(self, item):
        return [
            code for code in language_codes() if getattr(item, localized("name", code))
        ]

    def location(self, item):
        return item.get_absolute_url()

    def location_in(self, item, language_code):
        return slug_url("policy_analysis", item.slug, language_code)

    def lastmod(self, item):
        return item.last_article_update


class RegionSitemap(TopicSitemap):
    """Every region landing, in each language the region has a name in."""

    model = Region
    article_field = "regions"
