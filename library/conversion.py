"""
Turning the files that records named into library records: used by the
migrations that replaced the file fields (articles, experts) with foreign
keys. Written against the historical models a migration passes in.

The same bytes become one record (the SHA-256 of the stored file); a file
missing from storage still becomes a record (its row keeps a reference, with
no hash) when a row names it, and is dropped when only a revision does.
"""

import hashlib
from pathlib import PurePath

from django.core.files.storage import default_storage
from django.utils import timezone


def stored_digest(name):
    """``(sha256, size)`` of the stored file ``name``, or ``(None, None)`` if it is missing."""
    try:
        with default_storage.open(name, "rb") as handle:
            data = handle.read()
    except OSError:
        return None, None
    return hashlib.sha256(data).hexdigest(), len(data)


class Converter:
    """One migration's conversion: names already converted are remembered."""

    def __init__(self, apps):
        self.apps = apps
        self.seen = {}

    def _record(self, model_name, name, values, *, missing_ok):
        key = (model_name, name)
        if key in self.seen:
            return self.seen[key]
        model = self.apps.get_model("library", model_name)
        digest, size = stored_digest(name)
        if digest is not None:
            existing = model.objects.filter(content_hash=digest).first()
        else:
            existing = model.objects.filter(file=name).first()
            if existing is None and not missing_ok:
                self.seen[key] = None
                return None
        if existing is None:
            size_field = "file_size" if model_name == "Image" else "size"
            values = {size_field: size, **values}
            values = {k: v for k, v in values.items() if v is not None}
            # bulk_create: no signal (no renditions task queued by a migration).
            existing = model.objects.bulk_create(
                [
                    model(
                        file=name,
                        content_hash=digest,
                        uploaded_at=timezone.now(),
                        **values,
                    )
                ]
            )[0]
            if existing.pk is None:
                existing = model.objects.get(file=name)
        self.seen[key] = existing.pk
        return existing.pk

    def image(self, name, *, title="", missing_ok=True, **values):
        """The pk of the library image holding the file ``name`` (None without a name)."""
        if not name:
            return None
        title = (title or PurePath(name).stem)[:255]
        return self._record(
            "Image", name, {"title": title, **values}, missing_ok=missing_ok
        )

    def document(self, name, *, title="", missing_ok=True, **values):
        """The pk of the library document holding the PDF ``name`` (None without a name)."""
        if not name:
            return None
        title = (title or PurePath(name).stem)[:255]
        return self._record(
            "Document",
            name,
            {"title": title, "title_en": title, **values},
            missing_ok=missing_ok,
        )

    def revisions(self, app_label, model_name):
        """The revisions of ``app_label.model_name``, for rewriting their snapshots."""
        content_type = (
            self.apps.get_model("contenttypes", "ContentType")
            .objects.filter(app_label=app_label, model=model_name)
            .first()
        )
        revisions = self.apps.get_model("history", "Revision").objects
        if content_type is None:
            return revisions.none()
        return revisions.filter(content_type=content_type)
