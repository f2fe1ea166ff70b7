import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    """Each test counts its own requests and keeps its own bodies (local-memory cache)."""
    caches[settings.PAGE_CACHE["ALIAS"]].clear()
    yield
    caches[settings.PAGE_CACHE["ALIAS"]].clear()
