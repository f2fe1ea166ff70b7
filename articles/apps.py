from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Analysis")

    def ready(self):
        from articles import rails, search_index, signals, staleness
        from articles.models import (
            Article,
            ArticleType,
            Authorship,
            Recommendation,
            StaleTranslation,
        )
        from core import pagecache, slugs

        # An article is /policy-analysis/<its slug in the page's language>.
        slugs.share_policy_analysis(Article, translated=True)
        # Stale translations follow the article's revisions (history).
        staleness.connect()
        # The note on a translation older than its English text.
        pagecache.watch(StaleTranslation)

        # Derived data that must follow every change, whoever writes it.
        rails.watch()
        pagecache.watch(Article, ArticleType, Authorship, Recommendation)
        pagecache.watch_relation(Article.topics.through)
        pagecache.watch_relation(Article.regions.through)
        pagecache.UPCOMING_CHANGES.append(
            lambda: Article.objects.next_scheduled_moment()
        )
        post_delete.connect(
            search_index.drop_deleted,
            sender=Article,
            dispatch_uid="articles_search_entries",
        )
        # Bylines frozen at first publication (after the derived data above).
        signals.connect()
        # What rich text refers to (core.richtext).
        from articles import references

        references.connect()
