"""
Files named by imported records: read them, and learn what their model field would store.

Upload fields may check, re-encode and rename a file and derive other fields
from it (core.uploads). The importer saves each file through its field
into memory first, so that validation reports refused files and the write pass
can tell whether the stored file is already the same.
"""

import copy
import hashlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.db import models

from exchange import schema
from exchange.records import Record, specs


@dataclass
class Upload:
    """A file named by a record: its bytes, and what the model field would store."""

    name: str
    content: bytes
    stored: bytes  # the bytes the field keeps (safe-upload fields re-encode images)
    derived: dict  # fields the upload sets on the record (a PDF's page count)


def library_file_field(field):
    """The file field of the library record a foreign key points at (None for a plain file field)."""
    if not field.is_relation:
        return None
    for candidate in field.related_model._meta.concrete_fields:
        if isinstance(candidate, models.FileField):
            return candidate
    return None


def probe_upload(instance, field, path: str, content: bytes, values: dict) -> Upload:
    """
    Save ``content`` through ``field`` into memory, on a copy of ``instance``
    that already carries the record's ``values``.

    The field may check, re-encode and rename what it stores and derive other
    fields from it; probing learns all of that without writing anything, so that
    the write pass can tell whether the stored file is already the same.
    Raises the field's ``ValidationError`` for a file it refuses.
    """
    target = library_file_field(field)
    if target is not None:
        # A library record: probe a new record's file field; what it derives
        # (a PDF's page count) carries over to the record's own column.
        record = target.model()
        probe = target.attr_class(record, target, None)
        probe.storage = InMemoryStorage()
        probe.save(PurePath(path).name, ContentFile(content), save=False)
        with probe.storage.open(probe.name, "rb") as handle:
            stored = handle.read()
        owner_columns = {f.attname for f in _plain_fields(instance)}
        derived = {
            f.attname: getattr(record, f.attname)
            for f in _plain_fields(record)
            if f.attname in owner_columns
            and getattr(record, f.attname) not in (None, "")
            and f.attname != "title"
        }
        return Upload(PurePath(path).name, content, stored, derived)
    scratch = copy.copy(instance)
    for name, value in values.items():
        setattr(scratch, name, value)
    before = {f.attname: getattr(scratch, f.attname) for f in _plain_fields(instance)}
    probe = field.attr_class(scratch, field, None)
    probe.storage = InMemoryStorage()
    probe.save(PurePath(path).name, ContentFile(content), save=False)
    with probe.storage.open(probe.name, "rb") as handle:
        stored = handle.read()
    derived = {
        name: getattr(scratch, name)
        for name, value in before.items()
        if getattr(scratch, name) != value
    }
    return Upload(PurePath(path).name, content, stored, derived)


_UNCACHED = object()


@contextmanager
def files_as_imported(record: Record):
    """
    Let ``clean()`` see the record's file fields as the import will leave them.

    Only the names are put in place, straight into ``__dict__``: the image
    descriptors would otherwise open a file that is not stored yet.
    """
    instance, saved = record.instance, {}
    for key, spec in specs(record.section).items():
        if (
            spec.kind == schema.FILE
            and key in record.data
            and key not in record.bad_keys
        ):
            field = instance._meta.get_field(spec.field)
            attname = field.attname
            saved[attname] = instance.__dict__.get(attname)
            upload = record.files.get(key)
            if library_file_field(field) is not None:
                # The record the import will refer to: the one with these
                # bytes, or a new one (unsaved, its number a placeholder).
                saved[("cache", field.name)] = (
                    field.get_cached_value(instance)
                    if field.is_cached(instance)
                    else _UNCACHED
                )
                existing = None
                if upload:
                    digest = hashlib.sha256(upload.stored).hexdigest()
                    existing = field.related_model._base_manager.filter(
                        content_hash=digest
                    ).first()
                    existing = existing or field.related_model()
                instance.__dict__[attname] = (existing.pk or -1) if upload else None
                field.set_cached_value(instance, existing)
                continue
            instance.__dict__[attname] = f"pending/{upload.name}" if upload else ""
    try:
        yield
    finally:
        for key, value in saved.items():
            if isinstance(key, tuple):
                field = instance._meta.get_field(key[1])
                if value is _UNCACHED:
                    field.delete_cached_value(instance)
                else:
                    field.set_cached_value(instance, value)
            else:
                instance.__dict__[key] = value


def _plain_fields(instance):
    return [
        f
        for f in instance._meta.concrete_fields
        if not f.is_relation and not isinstance(f, models.FileField)
    ]


def stored_bytes(field_file) -> bytes | None:
    try:
        with field_file.storage.open(field_file.name, "rb") as handle:
            return handle.read()
    except OSError:
        return None
