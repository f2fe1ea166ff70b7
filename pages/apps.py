from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Institute pages")

    def ready(self):
        from core import pagecache, redirects
        from pages.models import PAGE_VIEW, Page
        from pages.selectors import page_by_any_slug

        # Every page's footer (and the main menu) lists the pages.
        pagecache.watch(Page)
        # /<slug>/ moves to /<slug> only when a page is there.
        redirects.open_route(PAGE_VIEW, lambda slug: page_by_any_slug(slug) is not None)
