"""
``manage.py sweep_orphan_files [--dry-run] [--min-age MINUTES]``: delete the
media files that no row references.

A file is referenced when a file field of some row names it (rows in the
trash included), when it is one of the renditions that row's image should
have (its current focal point and specs), or when something that can restore
it names it (the revisions of ``history``, pending and refused ones included:
``core.uploads.keep_files_named_by``). Everything else in the default
storage goes: files left by a failed request, renditions of an old focal
point, the image of a deleted row whose deletion could not run. Files younger
than ``--min-age`` minutes are kept, so an upload whose transaction has not
committed yet is safe.
"""

from datetime import timedelta

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import models
from django.utils import timezone

from core import renditions
from core.uploads import files_kept


def walk(storage, folder=""):
    """Every file name under ``folder`` of ``storage``."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from walk(storage, f"{folder}/{sub}" if folder else sub)


def referenced_names() -> set[str]:
    """
    Every name a row's file field holds, every rendition those images should
    have, and every name kept for a restore.
    """
    names = set()
    for model in apps.get_models():
        fields = [
            f for f in model._meta.concrete_fields if isinstance(f, models.FileField)
        ]
        for field in fields:
            names |= files_kept(model, field.attname)
            # The base manager: a row in the trash keeps its files.
            rows = model._base_manager.exclude(**{field.name: ""}).exclude(
                **{f"{field.name}__isnull": True}
            )
            for instance in rows.iterator():
                field_file = getattr(instance, field.attname)
                names.add(field_file.name)
                if getattr(field, "renditions", ()):
                    try:
                        names |= renditions.expected_names(field_file)
                    except (OSError, ValueError):
                        pass  # the source is missing: its renditions are orphans too
    return names


class Command(BaseCommand):
    help = "Delete media files that no database row references."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the files that would be deleted; delete nothing.",
        )
        parser.add_argument(
            "--min-age",
            type=int,
            default=60,
            help="Keep files modified less than this many minutes ago (default 60).",
        )

    def handle(self, *args, dry_run=False, min_age=60, **options):
        storage = default_storage
        keep = referenced_names()
        cutoff = timezone.now() - timedelta(minutes=min_age)
        orphans = []
        for name in sorted(walk(storage)):
            if name in keep:
                continue
            if min_age and storage.get_modified_time(name) > cutoff:
                continue
            orphans.append(name)
        for name in orphans:
            if dry_run:
                self.stdout.write(f"would delete {name}")
            else:
                storage.delete(name)
                self.stdout.write(f"deleted {name}", style_func=self.style.WARNING)
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(f"{len(orphans)} orphan file(s) {verb}.")
