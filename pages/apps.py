from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Institute pages")

    def ready(self):
        from core import pagecache
        from pages.models import Page

        # Every page's footer (and the main menu) lists the pages.
        pagecache.watch(Page)
