from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Topics and regions")

    def ready(self):
        from core import pagecache, slugs
        from taxonomy.models import Region, Topic

        pagecache.watch(Topic, Region)
        # A topic's or region's landing is /policy-analysis/<slug>, one slug in every language.
        slugs.share_policy_analysis(Topic, translated=False)
        slugs.share_policy_analysis(Region, translated=False)
        # What rich text refers to (core.richtext).
        from taxonomy import references

        references.connect()
