from django.apps import AppConfig


class ThinktankConfig(AppConfig):
    name = "thinktank"
    verbose_name = "thinktank"
