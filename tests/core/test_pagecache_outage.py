"""
The page cache in Redis: when Redis stops, pages are still served (uncached)
and the outage is logged once; when it returns, pages are cached again.
"""

import logging

import pytest
from django.core.cache import caches
from django.test import Client

from core import pagecache
from tests.factories import make_article
from tests.redis_server import RedisServer

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def page_cache(settings, redis_server):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        },
    }
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True, "ALIAS": "pages"}
    pagecache.cache_health.down = False
    yield caches["pages"]
    pagecache.cache_health.down = False


def state(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.headers.get("X-Page-Cache")


def outage_lines(caplog):
    return [r for r in caplog.records if r.name == "core.pagecache"]


def test_pages_are_served_uncached_while_redis_is_down(
    page_cache, redis_server, caplog
):
    article = make_article("Water and power")
    url = article.get_absolute_url()
    assert [state(url), state(url)] == ["miss", "hit"]

    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="core.pagecache"):
        during = [state(url) for _ in range(5)] + [state("/")]
    assert during == ["unavailable"] * 6
    lines = outage_lines(caplog)
    assert len(lines) == 1, [r.getMessage() for r in lines]
    assert lines[0].levelno == logging.ERROR
    assert "served uncached" in lines[0].getMessage()

    caplog.clear()
    redis_server.start()  # empty: a new server
    with caplog.at_level(logging.WARNING, logger="core.pagecache"):
        after = [state(url), state(url)]
    assert after == ["miss", "hit"]
    assert [r.getMessage() for r in outage_lines(caplog)] == [
        "Page cache reachable again; pages are cached."
    ]
