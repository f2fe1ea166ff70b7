"""
Putting files into the library: the same bytes always find the same record.

``image_from_upload`` and ``document_from_upload`` run the safe-upload checks
(``core.uploads``), hash what would be stored and return the record that has
those bytes, creating it only when none does. The admin's upload-in-place
fields, the importer and the demo use them; a concurrent upload of the same
bytes meets the unique hash and gets the other's record.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from core.i18n import default_language, localized
from core.uploads import check_pdf, clean_image, read_upload
from library.models import Document, Image

#: The records created while ``track_created()`` runs (None: not tracking).
_created = ContextVar("library_created", default=None)


@contextmanager
def track_created():
    """Collect the records this block creates (``keep_created`` puts them back after a rollback)."""
    created = []
    token = _created.set(created)
    try:
        yield created
    finally:
        _created.reset(token)


def keep_created(records) -> None:
    """
    Write again, with their numbers, the records a rolled-back transaction
    created: a refused edit that is kept (a conflict revision) names them,
    and their files are in storage already.
    """
    for record in records:
        model = type(record)
        if not model._base_manager.filter(pk=record.pk).exists():
            # bulk_create: no signal (the file is stored, its renditions queued).
            model._base_manager.bulk_create([record])


def _title(name, fallback):
    stem = PurePath(name or "").stem.strip()
    return (stem or fallback)[:255]


def _find_or_create(model, digest, build):
    existing = model._base_manager.filter(content_hash=digest).first()
    if existing is not None:
        return existing, False
    record = None
    try:
        with transaction.atomic():
            record = build()
            record.content_hash = digest
            record.save()
        if (created := _created.get()) is not None:
            created.append(record)
    except Exception as error:
        # The file was stored under a name of its own before the row was
        # refused: nothing names it, so it goes with the row.
        if record is not None and record.file.name:
            record.file.delete(save=False)
        if not isinstance(error, IntegrityError):
            raise
        existing = model._base_manager.filter(content_hash=digest).first()
        if existing is None:
            raise
        return existing, False
    return record, True


def image_from_upload(upload, *, name="", user=None, **values) -> Image:
    """The library's image with these bytes (cleaned), created if none has them (ValidationError if refused)."""
    record, _created = image_from_upload_created(upload, name=name, user=user, **values)
    return record


def image_from_upload_created(upload, *, name="", user=None, **values):
    """``(image, created)``: as ``image_from_upload``, saying whether the image is new."""
    data = read_upload(upload)
    name = name or getattr(upload, "name", "") or ""
    clean = clean_image(data)

    def build():
        image = Image(uploaded_by=user, **values)
        if not image.title:
            image.title = _title(name, "image")
        image.file_size = len(clean.data)
        image.file.save(name or "image", ContentFile(clean.data), save=False)
        return image

    return _find_or_create(Image, clean.digest, build)


def document_from_upload(upload, *, name="", user=None, **values) -> Document:
    """The library's document with these bytes, created if none has them (ValidationError if refused)."""
    record, _created = document_from_upload_created(
        upload, name=name, user=user, **values
    )
    return record


def document_from_upload_created(upload, *, name="", user=None, **values):
    """``(document, created)``: as ``document_from_upload``, saying whether it is new."""
    data = read_upload(upload)
    name = name or getattr(upload, "name", "") or ""
    checked = check_pdf(data)

    def build():
        document = Document(uploaded_by=user, **values)
        title = localized("title", default_language())
        if not getattr(document, title):
            setattr(document, title, values.get("title") or _title(name, "document"))
        document.file.save(
            name or "document.pdf", ContentFile(checked.data), save=False
        )
        return document

    return _find_or_create(Document, checked.digest, build)
