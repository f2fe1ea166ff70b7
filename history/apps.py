from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HistoryConfig(AppConfig):
    name = "history"
    verbose_name = _("History")

    def ready(self):
        from core import pagecache
        from history import signals  # noqa: F401
        from history.models import StaleTranslation

        # The note on a translation older than its English text.
        pagecache.watch(StaleTranslation)
