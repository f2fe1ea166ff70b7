"""
The readers' page cache: whole responses to anonymous GETs, keyed by the
content generation, so that no reader is ever served a page older than the
last published change.

* ``ContentGeneration`` (one row in the database every process and machine
  shares) counts the states of the public content. ``content_changed()`` moves
  it on after the commit of any change readers could see; the models that
  feed public pages call it (``watch()`` connects their signals).
* ``PageCacheMiddleware`` reads the generation (one indexed query), and looks
  the page up under ``page:<generation>:<host><path>?<query>`` in the
  ``PAGE_CACHE["ALIAS"]`` cache (Redis in production, shared by every worker;
  local memory by default, which is still correct: the key changes with the
  generation, wherever the page is kept).
* A scheduled publication becomes visible without a write: the row keeps the
  next such moment (``next_change_at``), and the first request after it moves
  the generation on.

Never cached: requests that carry a session cookie or credentials, methods
other than GET and HEAD, the paths in ``PAGE_CACHE["EXCLUDE"]`` (the admin,
share links), responses that set a cookie or say ``private``/``no-store``,
and statuses other than 200, 301 and 404.

When the cache cannot be reached (Redis stopped, a timeout), pages are
served uncached: the first error is logged, the rest are not until the cache
answers again (which is logged too).
"""

import hashlib
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from core.commits import after_commit
from core.models import ContentGeneration

log = logging.getLogger(__name__)

#: Callables that return the next moment content becomes visible by itself
#: (a scheduled publication), or None; apps add theirs in ``ready()``.
UPCOMING_CHANGES: list[Callable[[], datetime | None]] = []

_READ = "SELECT instance, value, changed_at, next_change_at FROM {table} WHERE id = 1"
CACHEABLE_STATUSES = {200, 301, 404}
#: Response headers a cached copy leaves out: they are the request's own.
PER_RESPONSE_HEADERS = {"set-cookie", "date"}


def config(name: str):
    return settings.PAGE_CACHE[name]


@dataclass(frozen=True)
class Generation:
    instance: str
    value: int
    changed_at: datetime
    next_change_at: datetime | None


def next_change() -> datetime | None:
    """The soonest moment content becomes visible without a write, if any."""
    moments = [moment for source in UPCOMING_CHANGES if (moment := source())]
    return min(moments, default=None)


def current_generation() -> Generation:
    """The generation of the content as committed now (one query)."""
    with connection.cursor() as cursor:
        cursor.execute(_READ.format(table=ContentGeneration._meta.db_table))
        row = cursor.fetchone()
    if row is None:
        ContentGeneration.objects.get_or_create(pk=1)
        return current_generation()
    instance, value, changed_at, next_change_at = row
    if not isinstance(changed_at, datetime):  # SQLite hands back text
        field = ContentGeneration._meta.get_field("changed_at")
        changed_at = field.to_python(changed_at)
        next_change_at = field.to_python(next_change_at) if next_change_at else None
    if settings.USE_TZ and timezone.is_naive(changed_at):
        changed_at = timezone.make_aware(changed_at, timezone.UTC)
        if next_change_at:
            next_change_at = timezone.make_aware(next_change_at, timezone.UTC)
    generation = Generation(str(instance), value, changed_at, next_change_at)
    if next_change_at is not None and next_change_at <= timezone.now():
        # A scheduled piece became visible: pages cached before are old.
        ContentGeneration.objects.filter(pk=1, next_change_at=next_change_at).update(
            value=value + 1, changed_at=timezone.now(), next_change_at=next_change()
        )
        return current_generation()
    return generation


def bump() -> None:
    """Move the generation on: every cached page is old from now on."""
    updated = ContentGeneration.objects.filter(pk=1).update(
        value=F("value") + 1,
        changed_at=timezone.now(),
        next_change_at=next_change(),
    )
    if not updated:
        ContentGeneration.objects.get_or_create(pk=1)


def content_changed(*, using=None) -> None:
    """Something readers can see changed: move the generation on when it commits."""
    after_commit("pagecache", lambda _items: bump(), using=using)


def _changed(sender, instance=None, raw=False, using=None, **kwargs):
    if raw:
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    public = getattr(instance, "affects_public_pages", None)
    if callable(public) and not public():
        return
    content_changed(using=using)


def watch(*models) -> None:
    """Move the generation on whenever a row of ``models`` is saved or deleted."""
    for model in models:
        uid = f"pagecache:{model._meta.label_lower}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid, weak=False)


def watch_relation(through) -> None:
    """Move the generation on whenever the many-to-many relation ``through`` changes."""
    m2m_changed.connect(
        _changed,
        sender=through,
        dispatch_uid=f"pagecache:{through._meta.label_lower}",
        weak=False,
    )


# The middleware ----------------------------------------------------------


def _excluded(path: str) -> bool:
    return any(re.match(pattern, path) for pattern in config("EXCLUDE"))


def _cacheable_request(request) -> bool:
    return (
        config("ENABLED")
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not _excluded(request.path)
    )


def _cacheable_response(response) -> bool:
    if response.status_code not in CACHEABLE_STATUSES or response.streaming:
        return False
    if response.cookies:
        return False
    directives = response.get("Cache-Control", "").lower()
    return not any(d in directives for d in ("private", "no-store", "no-cache"))


def _key(request, generation: Generation) -> str:
    where = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.blake2b(where.encode(), digest_size=16).hexdigest()
    return f"page:{generation.instance}:{generation.value}:{digest}"


@dataclass(frozen=True)
class Entry:
    status: int
    headers: tuple
    content: bytes
    etag: str


def _entry(response) -> Entry:
    content = response.content
    etag = f'"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'
    headers = tuple(
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in PER_RESPONSE_HEADERS
    )
    return Entry(response.status_code, headers, content, etag)


def _response(entry: Entry) -> HttpResponse:
    response = HttpResponse(entry.content, status=entry.status)
    for name, value in entry.headers:
        response.headers[name] = value
    return response


def _public_headers(response, entry: Entry, generation: Generation):
    response.headers["ETag"] = entry.etag
    response.headers["Last-Modified"] = http_date(generation.changed_at.timestamp())
    patch_cache_control(
        response,
        public=True,
        max_age=config("MAX_AGE"),
        stale_while_revalidate=config("STALE_WHILE_REVALIDATE"),
    )
    return response


class _Health:
    """Whether the cache failed last time, so that an outage is logged once."""

    def __init__(self):
        self.down = False
        self.lock = threading.Lock()

    def failed(self, error: Exception) -> None:
        with self.lock:
            if self.down:
                return
            self.down = True
        log.error(
            "Page cache unreachable (%s: %s); pages are served uncached until it answers.",
            type(error).__name__,
            error,
        )

    def answered(self) -> None:
        if not self.down:
            return
        with self.lock:
            if not self.down:
                return
            self.down = False
        log.warning("Page cache reachable again; pages are cached.")


cache_health = _Health()


def _cache_get(cache, key):
    try:
        entry = cache.get(key)
    except Exception as error:  # noqa: BLE001 - any cache failure degrades to uncached
        cache_health.failed(error)
        return None, False
    cache_health.answered()
    return entry, True


def _cache_set(cache, key, entry) -> None:
    try:
        cache.set(key, entry, config("TIMEOUT"))
    except Exception as error:  # noqa: BLE001 - as above
        cache_health.failed(error)


def cached_entry(cache, key) -> tuple[Entry | None, bool]:
    """The entry kept under ``key`` (or None), and whether the cache answered."""
    return _cache_get(cache, key)


def store_entry(cache, key, response) -> Entry:
    """Keep ``response`` under ``key``; returns the entry (with its ETag)."""
    entry = _entry(response)
    _cache_set(cache, key, entry)
    return entry


def replay(entry: Entry) -> HttpResponse:
    """A response from a kept entry."""
    return _response(entry)


class PageCacheMiddleware:
    """Serve anonymous readers from the page cache; see the module's doc."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # A signed-in reader's page is theirs alone: no shared cache keeps it.
                patch_cache_control(response, private=True)
            return response
        generation = current_generation()
        cache = caches[config("ALIAS")]
        key = _key(request, generation)
        entry, reachable = _cache_get(cache, key)
        if entry is None:
            response = self.get_response(request)
            if not _cacheable_response(response):
                return response
            entry = _entry(response)
            if reachable:
                _cache_set(cache, key, entry)
            response.headers["X-Page-Cache"] = "miss" if reachable else "unavailable"
        else:
            response = _response(entry)
            response.headers["X-Page-Cache"] = "hit"
        _public_headers(response, entry, generation)
        return get_conditional_response(
            request,
            etag=entry.etag,
            last_modified=int(generation.changed_at.timestamp()),
            response=response,
        )
