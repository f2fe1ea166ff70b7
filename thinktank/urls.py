from importlib.util import find_spec

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.static import serve

from thinktank import pages, views

# The home page is written alongside the expert and topic pages; until it
# exists, the site's root leads to the analysis listing.
home = getattr(views, "home", None) or RedirectView.as_view(pattern_name="article_list")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path("about", pages.about, name="about"),
    path("", include("articles.urls")),
    path("", include("experts.urls")),
    *([path("", include("taxonomy.urls"))] if find_spec("taxonomy.urls") else []),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += [
        path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})
    ]
