"""
How the reads behind the public pages load a field they did not select.

The QuerySet methods that fetch what a page shows (``for_listing()``,
``for_detail()``, ``for_page()``, ``for_profile()``, ``for_directory()``, the
instances ``core.rows`` builds) load everything the page renders. What they
miss would cost one query per row (an N+1), so they state Django's fetch mode
(``QuerySet.fetch_mode()``) from ``settings.PAGE_FETCH_MODE``: ``FETCH_ONE``,
Django's default, on the site; the test run sets ``FETCH_RAISE``, so that a
page that reads a field its query did not load fails with ``FieldFetchBlocked``.
"""

from django.conf import settings
from django.db import models


def page_fetch_mode():
    """The fetch mode ``settings.PAGE_FETCH_MODE`` names (``FETCH_ONE``, ``FETCH_PEERS``, ``FETCH_RAISE``)."""
    return getattr(models, settings.PAGE_FETCH_MODE)
