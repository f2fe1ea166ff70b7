"""
Import and export of content in the ``thinktank-exchange/1`` format
(docs/content-exchange.md): ``exchange.importer.import_exchange`` and
``exchange.exporter.export_exchange``, run by ``manage.py import_content`` and
``manage.py export_content``.
"""
