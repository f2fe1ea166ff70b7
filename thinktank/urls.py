from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from api.views import api
from articles import landings
from articles.sitemaps import ArticleSitemap, RegionSitemap, TopicSitemap
from core.health import healthz
from core.media import serve_media
from core.sitemaps import robots_txt, sitemap_index, sitemap_section
from experts import views as experts_views
from experts.sitemaps import ExpertSitemap
from pages.sitemaps import PageSitemap
from pages.views import page_detail
from thinktank import views
from workflow.views import share_link

SITEMAPS = {
    "articles": ArticleSitemap,
    "experts": ExpertSitemap,
    "topics": TopicSitemap,
    "regions": RegionSitemap,
    "pages": PageSitemap,
}

# The experts' addresses, at the site root so that the directory is /experts,
# without a slash. An expert's page lists their analysis (articles).
EXPERTS_URLS = (
    [
        path("experts", experts_views.expert_list, name="list"),
        # The site header looks the directory up by this name too.
        path("experts", experts_views.expert_list, name="directory"),
        path(
            "experts/view/<slug:legacy_slug>",
            experts_views.expert_legacy,
            name="legacy",
        ),
        path("experts/<slug:slug>", landings.expert_detail, name="detail"),
    ],
    "experts",
)

urlpatterns = [
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_section,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("share/<str:token>", share_link, name="share_link"),
    # The read API, in one address for every language (?lang=, Accept-Language).
    path("api/v1/", api.urls),
]

urlpatterns += i18n_patterns(
    # The admin speaks the editor's language too: /admin/ and /ar/admin/.
    path("admin/", admin.site.urls),
    path("", views.home, name="home"),
    # The About page's address by name (the header links it).
    path("about", page_detail, {"slug": "about"}, name="about"),
    path("", include("articles.urls")),
    path("", include(EXPERTS_URLS)),
    path("", include("newsletter.urls")),
    # Last: an institute page takes an address no other route answers.
    path("", include("pages.urls")),
    prefix_default_language=False,
)

if not settings.S3_BUCKET:
    # Files on this machine's disk: served here (or by the front server,
    # MEDIA_ACCEL); a bucket serves its own.
    urlpatterns += [path(settings.MEDIA_URL.lstrip("/") + "<path:path>", serve_media)]
