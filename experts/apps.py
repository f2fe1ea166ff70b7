from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "experts"
    verbose_name = _("Experts")

    def ready(self):
        from core import pagecache
        from experts.models import Expert

        pagecache.watch(Expert)
        pagecache.watch_relation(Expert.topics.through)
        pagecache.watch_relation(Expert.regions.through)
        # What rich text refers to (core.richtext).
        from experts import references

        references.connect()
