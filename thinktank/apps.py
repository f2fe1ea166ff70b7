from django.apps import AppConfig


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
