from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ThinktankConfig(AppConfig):
    name = "thinktank"
    verbose_name = "thinktank"


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin with the project's site (``core.sites.AdminSite``)."""

    # Not the default configuration of this module's app (thinktank).
    default = False
    default_site = "core.sites.AdminSite"
