"""
``/healthz``: whether this process can serve, for a load balancer or a monitor.

Each dependency is tried: the database (a query), the cache (a write and a
read), the media storage (a lookup), and the task queue (the age of the
oldest task still waiting, when tasks go through django-tasks-db; over
``HEALTHZ_MAX_QUEUE_AGE`` seconds means the worker is stopped or behind).

Anyone gets the verdict alone: 200 ``ok`` or 503 ``unavailable``. The
details (each check's result; never an error message, which could carry a
host or a password) go to callers that send ``Authorization: Bearer
<HEALTHZ_TOKEN>`` and to signed-in staff. A failed check is logged.
"""

import hmac
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.tasks import task_backends
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

log = logging.getLogger(__name__)


class Failed(Exception):
    """A check's own verdict, with a message safe to show."""


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    cache = caches[settings.PAGE_CACHE["ALIAS"]]
    token = str(time.monotonic_ns())
    cache.set("healthz", token, 30)
    if cache.get("healthz") != token:
        raise Failed("the cache did not keep a value")


def check_storage():
    # A lookup of a name that need not exist: the storage answers either way.
    default_storage.exists("healthz-probe")


def check_queue():
    if not isinstance(task_backends["default"], DatabaseBackend):
        return {"backend": "immediate"}

    oldest = (
        DBTaskResult.objects.ready()
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    if age > settings.HEALTHZ_MAX_QUEUE_AGE:
        raise Failed(f"the oldest waiting task is {age:.0f} s old")
    return {"oldest_waiting_seconds": round(age, 1)}


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "queue": check_queue,
}


def run_checks() -> dict:
    results = {}
    for name, check in CHECKS.items():
        try:
            detail = check() or {}
            results[name] = {"ok": True, **detail}
        except Failed as failure:
            log.error("healthz: %s failed: %s", name, failure)
            results[name] = {"ok": False, "error": str(failure)}
        except Exception as error:  # noqa: BLE001 - any failure is a verdict
            log.error("healthz: %s failed: %s", name, type(error).__name__)
            results[name] = {"ok": False, "error": type(error).__name__}
    return results


def _may_see_details(request) -> bool:
    token = settings.HEALTHZ_TOKEN
    given = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return True
    try:
        return bool(request.user.is_authenticated and request.user.is_staff)
    except Exception:  # noqa: BLE001 - no database, no session: anonymous
        return False


@never_cache
@require_safe
def healthz(request):
    results = run_checks()
    healthy = all(result["ok"] for result in results.values())
    status = 200 if healthy else 503
    if _may_see_details(request):
        return JsonResponse(
            {"status": "ok" if healthy else "unavailable", "checks": results},
            status=status,
        )
    return HttpResponse(
        "ok" if healthy else "unavailable",
        status=status,
        content_type="text/plain; charset=utf-8",
    )
