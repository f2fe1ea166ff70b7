"""
RSS 2.0 and Atom feeds, in each language: the latest analysis, and one per
topic, region, expert and article type. Each lists the 20 newest articles live
in the request's language, in a fixed number of queries.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles.models import Article, ArticleType
from core.i18n import site_name
from core.urls import page_url, slug_url
from experts.models import Expert
from taxonomy.models import Region, Topic

FEED_LENGTH = 20
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


class RssFeed(Rss201rev2Feed):
    """
    RSS 2.0 with one ``dc:creator`` per author, in the byline's order, and
    summaries as the plain text they are.
    """

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        # Readers take a description as HTML: escaped, markup typed into a
        # summary shows as text instead of running.
        if item["description"] is not None:
            item = {**item, "description": escape(item["description"])}
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.addQuickElement("dc:creator", name)


class AtomFeed(Atom1Feed):
    """Atom with one ``<author>`` per author, and summaries declared as plain text."""

    def add_item_elements(self, handler, item):
        # Django would write the summary with type="html".
        super().add_item_elements(handler, {**item, "description": None})
        for name in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class LatestArticlesFeed(Feed):
    """The newest analysis of every kind."""

    feed_type = RssFeed

    def __call__(self, request, *args, **kwargs):
        self.language_code = request.LANGUAGE_CODE
        return super().__call__(request, *args, **kwargs)

    def heading(self, obj) -> str:
        return _("Latest analysis")

    def title(self, obj):
        return f"{site_name()}: {self.heading(obj)}"

    def description(self, obj):
        return _("The newest publications of %(site)s.") % {"site": site_name()}

    subtitle = description

    def link(self, obj):
        return reverse("article_list")

    def articles(self, obj):
        return Article.objects.live(self.language_code)

    def items(self, obj):
        return self.articles(obj).newest_first().for_listing()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_extra_kwargs(self, item):
        names = [authorship.expert.name for authorship in item.byline()]
        return {"authors": [name for name in names if name]}

    def item_categories(self, item):
        return [str(item.type)]


class TopicFeed(LatestArticlesFeed):
    """The newest analysis on a topic (or its sub-topics)."""

    model = Topic

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def heading(self, obj):
        return obj.name

    def description(self, obj):
        return _("The newest publications on %(name)s.") % {"name": obj.name}

    subtitle = description

    def link(self, obj):
        return obj.get_absolute_url()

    def articles(self, obj):
        return super().articles(obj).in_topic(obj)


class RegionFeed(TopicFeed):
    """The newest analysis on a region (or the countries in it)."""

    model = Region

    def articles(self, obj):
        return Article.objects.live(self.language_code).in_region(obj)


class ExpertFeed(TopicFeed):
    """The newest publications of one expert."""

    def get_object(self, request, slug):
        experts = Expert.objects.live(request.LANGUAGE_CODE)
        return get_object_or_404(experts, slug=slug)

    def description(self, obj):
        return _("The newest publications by %(name)s.") % {"name": obj.name}

    subtitle = description

    def articles(self, obj):
        return Article.objects.live(self.language_code).by_expert(obj)


class ArticleTypeFeed(TopicFeed):
    """The newest publications of one type (Brief Analysis, Policy Notes…)."""

    model = ArticleType

    def heading(self, obj):
        return obj.plural

    def description(self, obj):
        return _("The newest %(type)s.") % {"type": obj.plural}

    subtitle = description

    def link(self, obj):
        return f"{reverse('article_list')}?type={obj.slug}"

    def articles(self, obj):
        return Article.objects.live(self.language_code).of_type(obj.slug)


def _atom(feed_class):
    return type(
        feed_class.__name__.replace("Feed", "AtomFeed"),
        (feed_class,),
        {"feed_type": AtomFeed, "__doc__": feed_class.__doc__},
    )


#: {kind: (RSS feed class, Atom feed class)}; ``None`` is the latest-analysis feed.
FEEDS = {
    kind: (feed_class, _atom(feed_class))
    for kind, feed_class in (
        (None, LatestArticlesFeed),
        ("topic", TopicFeed),
        ("region", RegionFeed),
        ("expert", ExpertFeed),
        ("type", ArticleTypeFeed),
    )
}


def feed_urls(obj=None, *, language_code: str | None = None) -> dict[str, str]:
    """``{"rss": url, "atom": url}`` of the feed of ``obj`` (a Topic, Region, Expert or ArticleType; None: latest)."""
    kind = {Topic: "topic", Region: "region", Expert: "expert", ArticleType: "type"}
    language = language_code or translation.get_language()
    if obj is None:
        return {
            fmt: page_url(f"feed_latest_{fmt}", language) for fmt in ("rss", "atom")
        }
    name = f"feed_{kind[type(obj)]}"
    return {
        fmt: slug_url(f"{name}_{fmt}", obj.slug, language) for fmt in ("rss", "atom")
    }
