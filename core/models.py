import uuid

from django.db import models
from django.utils import timezone


class ContentGeneration(models.Model):
    """
    The number of the published content's current state: one row, moved on
    after every commit that changes what readers see (``core.pagecache``).

    Cached pages are keyed by it, so a change invalidates every page at once,
    in every process and on every machine that shares the database.
    """

    #: Names this database's pages in a cache other sites or databases share.
    instance = models.UUIDField(default=uuid.uuid4, editable=False)
    value = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)
    #: The next moment a scheduled publication becomes visible (pages cached
    #: before it must not be served after it), or None.
    next_change_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"generation {self.value}"
