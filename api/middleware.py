"""
The conventions of every ``/api/`` response, around the views:

* **CORS**: GET (and the preflight) from ``API["CORS_ORIGINS"]`` only.
* **Rate limit**: per client and window, in the shared cache; an
  ``X-API-Key`` an editor issued (``api.models.ApiKey``) raises the limit,
  an unknown or revoked key is refused. ``RateLimit-*`` headers say where a
  client stands; past the limit, 429 with ``Retry-After``.
* **Never stale, and 304s**: the ETag is the site's content generation
  (``core.pagecache``) with the request's language and address, so it is
  known before the view runs: a matching ``If-None-Match`` (or
  ``If-Modified-Since``) answers 304 at the cost of one query, and bodies
  are kept in the page cache's store under the same generation.
* **Errors**: anything that is not a success leaves as ``application/problem+json``.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date

from api.conventions import PROBLEM, ApiProblem, negotiated_language, problem
from api.models import ApiKey
from core import pagecache
from core.security import client_address

PREFIX = "/api/"
EXPOSED = "ETag, Last-Modified, Content-Language, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After"


def config(name):
    return settings.API[name]


def _cors(request, response):
    origin = request.headers.get("Origin")
    patch_vary_headers(response, ["Origin"])
    if origin and origin in config("CORS_ORIGINS"):
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Expose-Headers"] = EXPOSED
    return response


def _preflight(request):
    response = HttpResponse(status=204)
    origin = request.headers.get("Origin")
    if origin and origin in config("CORS_ORIGINS"):
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = (
            "Accept-Language, X-API-Key, If-None-Match, If-Modified-Since"
        )
        response["Access-Control-Max-Age"] = "86400"
    return _cors(request, response)


def _client(request):
    """(rate-limit bucket, limit) of the request; raises ApiProblem for a bad key."""
    key = request.headers.get("X-API-Key")
    if key is not None:
        found = ApiKey.objects.for_key(key)
        if found is None:
            raise ApiProblem(401, "X-API-Key: not a key this site issued, or revoked.")
        return f"key:{found.pk}", config("RATE_KEY")
    return f"ip:{client_address(request) or ''}", config("RATE_ANONYMOUS")


def _count(bucket: str) -> tuple[int, int]:
    """This window's requests of ``bucket`` so far (this one included), and seconds to the window's end."""
    window = config("RATE_WINDOW")
    now = time.time()
    start = math.floor(now / window) * window
    key = f"api-rate:{bucket}:{int(start)}"
    cache = caches[pagecache.config("ALIAS")]
    try:
        if cache.add(key, 1, window + 1):
            used = 1
        else:
            try:
                used = cache.incr(key)
            except ValueError:  # the window's key expired in between
                cache.add(key, 1, window + 1)
                used = 1
    except Exception as error:  # noqa: BLE001 - an unreachable cache does not stop the API
        pagecache.cache_health.failed(error)
        used = 0
    return used, max(1, math.ceil(start + window - now))


def _rate_headers(response, limit, used, reset):
    response["RateLimit-Limit"] = str(limit)
    response["RateLimit-Remaining"] = str(max(0, limit - used))
    response["RateLimit-Reset"] = str(reset)
    return response


def _etag(request, language, generation) -> str:
    where = f"{language}|{request.get_host()}|{request.get_full_path()}"
    digest = hashlib.blake2b(
        f"{generation.instance}:{generation.value}:{where}".encode(), digest_size=16
    ).hexdigest()
    return f'"{digest}"'


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            return _preflight(request)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        try:
            response = self._respond(request)
        except ApiProblem as error:
            extra = {"parameter": error.parameter} if error.parameter else {}
            response = problem(error.status, error.detail, **extra)
        if head:
            response.content = b""
        return _cors(request, response)

    def _respond(self, request):
        bucket, limit = _client(request)
        used, reset = _count(bucket)
        if used > limit:
            response = problem(
                429, f"More than {limit} requests in {config('RATE_WINDOW')} seconds."
            )
            response["Retry-After"] = str(reset)
            return _rate_headers(response, limit, used, reset)
        if request.method != "GET":
            response = problem(405, "The API is read-only: GET, HEAD and OPTIONS.")
            response["Allow"] = "GET, HEAD, OPTIONS"
            return _rate_headers(response, limit, used, reset)
        response = self._cached(request)
        if response.status_code >= 400 and response.get("Content-Type") != PROBLEM:
            response = problem(response.status_code)
        return _rate_headers(response, limit, used, reset)

    def _cached(self, request):
        language = negotiated_language(request)
        generation = pagecache.current_generation()
        etag = _etag(request, language, generation)
        modified = int(generation.changed_at.timestamp())
        unchanged = get_conditional_response(
            request, etag=etag, last_modified=modified, response=HttpResponse()
        )
        if unchanged.status_code == 304:
            return self._public(unchanged, etag, modified, language)
        if not pagecache.config("ENABLED"):
            response = self.get_response(request)
            if response.status_code != 200:
                return response
            return self._public(response, etag, modified, language)
        cache = caches[pagecache.config("ALIAS")]
        key = f"api:{etag.strip(chr(34))}"
        entry, reachable = pagecache.cached_entry(cache, key)
        if entry is None:
            response = self.get_response(request)
            if response.status_code != 200:
                return response
            entry = pagecache.store_entry(cache, key, response) if reachable else None
            response["X-Page-Cache"] = "miss" if reachable else "unavailable"
        else:
            response = pagecache.replay(entry)
            response["X-Page-Cache"] = "hit"
        return self._public(response, etag, modified, language)

    def _public(self, response, etag, modified, language):
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified)
        response["Content-Language"] = language
        patch_vary_headers(response, ["Accept-Language"])
        patch_cache_control(
            response,
            public=True,
            max_age=pagecache.config("MAX_AGE"),
            stale_while_revalidate=pagecache.config("STALE_WHILE_REVALIDATE"),
        )
        return response
