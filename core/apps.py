from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from core import pagecache
        from core.models import Redirect

        # A cached 404 may become a redirect.
        pagecache.watch(Redirect)
