from django.urls import path, register_converter

from pages import views
from pages.models import PAGE_SLUG


class PageSlugConverter:
    """A page's address: lower-case words joined by hyphens, as ``propose_slug()`` writes them."""

    regex = PAGE_SLUG

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PageSlugConverter, "page_slug")

# Last among the site's addresses: a page takes what no other route does
# (Page.clean() refuses a slug another route answers).
urlpatterns = [
    path("<page_slug:slug>", views.page_detail, name="page"),
]
