from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HistoryConfig(AppConfig):
    name = "history"
    verbose_name = _("History")

    def ready(self):
        from core import pagecache
        from history import signals  # noqa: F401
        from history.models import StaleTranslation
        from history.services import files_named
        from thinktank.uploads import keep_files_named_by

        # The note on a translation older than its English text.
        pagecache.watch(StaleTranslation)
        # A file a revision names stays until its revisions go (purge_trash).
        keep_files_named_by(files_named)
