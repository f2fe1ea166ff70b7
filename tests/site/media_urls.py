"""The site's URLs plus uploaded media, for the browser tests (runserver serves media only with DEBUG)."""

from django.conf import settings
from django.urls import path
from django.views.static import serve

from thinktank.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
