from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Topics and regions")

    def ready(self):
        from core import pagecache
        from taxonomy.models import Region, Topic

        pagecache.watch(Topic, Region)
