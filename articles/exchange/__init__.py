"""Import and export of content in the ``thinktank-exchange/1`` format (docs/content-exchange.md)."""

from articles.exchange.exporter import export_exchange
from articles.exchange.importer import (
    ExchangeError,
    ImportSummary,
    import_exchange,
    load_document,
)
from articles.exchange.schema import FORMAT

__all__ = [
    "FORMAT",
    "ExchangeError",
    "ImportSummary",
    "export_exchange",
    "import_exchange",
    "load_document",
]
