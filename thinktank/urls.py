from importlib.util import find_spec

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from articles.sitemaps import ArticleSitemap
from experts.sitemaps import ExpertSitemap
from taxonomy.sitemaps import RegionSitemap, TopicSitemap
from django.urls import include, path
from thinktank.media import serve_media
from thinktank.sitemaps import robots_txt
from django.views.generic import RedirectView
from django.views.static import serve

from thinktank import pages, views

SITEMAPS = {
    "articles": ArticleSitemap,
    "experts": ExpertSitemap,
    "topics": TopicSitemap,
    "regions": RegionSitemap,
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
}

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
