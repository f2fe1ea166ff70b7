from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ThinktankConfig(AppConfig):
    name = "thinktank"
    verbose_name = "thinktank"

    def ready(self):
        # The redirects' admin lives beside the shared admin helpers of admin.py.
        from core import pagecache
        from thinktank import redirect_admin  # noqa: F401
        from thinktank.models import Redirect

        # A cached 404 may become a redirect.
        pagecache.watch(Redirect)


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin with the project's site (``thinktank.admin.AdminSite``)."""

    # Not the default configuration of this module's app (thinktank).
    default = False
    default_site = "thinktank.admin.AdminSite"
