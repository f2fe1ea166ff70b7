from django.conf import settings

from core.i18n import site_name


def site(request):
    """The institute's name in the page's language (``core.i18n.site_name``) and its public address, for every template."""
    return {"SITE_NAME": site_name(), "SITE_URL": settings.SITE_URL}
