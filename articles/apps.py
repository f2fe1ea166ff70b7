from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_search_columns(sender, using, **kwargs):
    from articles.search_index import ensure_search_columns

    ensure_search_columns(using)


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Analysis")

    def ready(self):
        from articles import rails
        from articles.models import Article, ArticleType, Authorship, Recommendation
        from core import pagecache

        # Schema upkeep, not domain logic: a language added to LANGUAGES after
        # migration 0003 needs its search column on PostgreSQL.
        post_migrate.connect(
            _ensure_search_columns, sender=self, dispatch_uid="articles_search_columns"
        )
        # Derived data that must follow every change, whoever writes it.
        rails.watch()
        pagecache.watch(Article, ArticleType, Authorship, Recommendation)
        pagecache.watch_relation(Article.topics.through)
        pagecache.watch_relation(Article.regions.through)
        pagecache.UPCOMING_CHANGES.append(
            lambda: Article.objects.next_scheduled_moment()
        )
