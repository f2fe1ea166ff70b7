from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """Import and export of the thinktank-exchange format (``import_content``, ``export_content``)."""

    name = "exchange"
    verbose_name = _("Content exchange")
