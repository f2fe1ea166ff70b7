from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HistoryConfig(AppConfig):
    name = "history"
    verbose_name = _("History")

    def ready(self):
        from core.uploads import keep_files_named_by
        from history.services import files_named, revisions_naming
        from library.usage import find_uses_with

        # A file a revision names stays until its revisions go (purge_trash).
        keep_files_named_by(files_named)
        # So does a library record (an image, a document) a revision names.
        find_uses_with(revisions_naming)
