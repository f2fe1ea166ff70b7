from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Media library")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import pagecache
        from library.models import Document, Image

        # An image's alt text, caption or focal point shows on pages.
        pagecache.watch(Image, Document)
        # What rich text refers to (core.richtext).
        from library import references

        references.connect()
