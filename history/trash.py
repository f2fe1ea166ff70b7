"""Soft deletion: a ``deleted_at`` column and a default manager that hides trashed rows."""

from django.db import models


class UntrashedManager(models.Manager):
    """The default manager of a model with a trash: rows moved to the trash are left out."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)
