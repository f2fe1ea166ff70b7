from django.conf import settings


def site(request):
    """The institute's name and public address, for every template."""
    return {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL}
