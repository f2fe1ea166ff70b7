"""The site's URLs plus uploaded media (read from the current MEDIA_ROOT), for the browser tests."""

from django.conf import settings
from django.urls import path

from core.media import serve_media
from thinktank.urls import urlpatterns as site_urlpatterns


def media(request, path):
    return serve_media(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [path("media/<path:path>", media), *site_urlpatterns]
