"""
The log of addresses readers asked for and the site did not have.

``record(request)`` costs one statement per 404: an upsert that adds a hit to
the address's row (``INSERT … ON CONFLICT DO UPDATE``, on SQLite and
PostgreSQL alike). The log stays bounded: every ``PRUNE_EVERY``-th new row
deletes the rows beyond ``settings.NOT_FOUND_LOG_SIZE``, the least recently
seen first. Not recorded: the admin and other staff-only addresses, static
and media files, requests other than GET, robots and crawlers, addresses
longer than a redirect can name.
"""

import re

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from core.models import NotFound, normalise_old_path

#: Every this many new rows, the log is cut back to its size.
PRUNE_EVERY = 50

#: User agents of robots: their 404s are probes, not readers' broken links.
BOTS = re.compile(
    r"bot|crawl|spider|slurp|curl|wget|python-|scan|http-client", re.IGNORECASE
)

#: Addresses never logged: staff-only pages, files, well-known probes.
IGNORED = re.compile(
    r"^/(?:[a-z]{2}/)?admin/|^/(?:static|media)/|^/share/|^/i18n/|^/\.well-known/"
    r"|\.(?:css|js|map|png|jpe?g|gif|webp|avif|svg|ico|woff2?|ttf|txt|xml)$",
    re.IGNORECASE,
)


def worth_logging(request) -> bool:
    """Whether a 404 for ``request`` belongs in the log."""
    if request.method != "GET":
        return False
    if BOTS.search(request.META.get("HTTP_USER_AGENT", "") or "robot"):
        return False
    path = request.path
    return not IGNORED.search(path) and "\x00" not in request.get_full_path()


def record(request) -> None:
    """Count one 404 for the request's path and normalised query string."""
    if not worth_logging(request):
        return
    address = normalise_old_path(request.get_full_path())
    if len(address) > NotFound._meta.get_field("path").max_length:
        return
    table = connection.ops.quote_name(NotFound._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (path, hits, first_seen, last_seen) "
            f"VALUES (%s, 1, %s, %s) ON CONFLICT (path) DO UPDATE "
            f"SET hits = {table}.hits + 1, last_seen = excluded.last_seen "
            f"RETURNING id, hits",
            [address, now, now],
        )
        row_id, hits = cursor.fetchone()
        if hits == 1 and row_id % PRUNE_EVERY == 0:
            prune()


def prune(size: int | None = None) -> int:
    """Delete the least recently seen rows beyond ``size``; how many went."""
    size = settings.NOT_FOUND_LOG_SIZE if size is None else size
    newest_first = NotFound.objects.order_by("-last_seen", "-id")
    cut = newest_first.values_list("last_seen", "id")[size : size + 1]
    if not cut:
        return 0
    last_seen, row_id = cut[0]
    deleted, _rows = NotFound.objects.filter(
        models.Q(last_seen__lt=last_seen)
        | models.Q(last_seen=last_seen, id__lte=row_id)
    ).delete()
    return deleted
