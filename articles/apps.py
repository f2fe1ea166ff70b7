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
        # Schema upkeep, not domain logic: a language added to LANGUAGES after
        # migration 0003 needs its search column on PostgreSQL.
        post_migrate.connect(
            _ensure_search_columns, sender=self, dispatch_uid="articles_search_columns"
        )
