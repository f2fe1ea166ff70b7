"""
What templates need to show an image's renditions: ``picture_set()`` for the
``picture`` component (``components/picture.html``), ``rendition_url()`` and
``og_rendition()``.

``image`` is an image field's file, or a record that has one as its
``rendition_file`` (the library's ``Image``: ``expert.headshot``,
``article.lead_image``); the spec is one of
``core.renditions.SPECS`` (an unknown name is an error, not a new size).
Names and sizes are computed from the row (stored dimensions and focal point):
rendering makes no query, no storage call and decodes nothing.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models.fields.files import FieldFile

from core import renditions


def source_file(image):
    """The image field's file behind ``image`` (a record with ``rendition_file``, or the file)."""
    if image is None or isinstance(image, FieldFile):
        return image
    return getattr(image, "rendition_file", image)


def _plan(image, spec_name):
    if spec_name not in getattr(image.field, "renditions", ()):
        raise ImproperlyConfigured(
            f"{image.field} has no rendition spec {spec_name!r} "
            f"(it has {', '.join(image.field.renditions)})"
        )
    return renditions.field_plan(image, spec_name)


def _srcset(storage, items):
    return ", ".join(f"{storage.url(r.name)} {r.width}w" for r in items)


def picture_set(image, spec_name: str) -> dict | None:
    """
    The files of a ``<picture>`` of the named spec: AVIF/WebP ``sources``
    (``{type, srcset}``), the JPEG fallback's ``src`` and ``srcset``,
    ``sizes``, ``width`` and ``height``; None without an image.
    """
    image = source_file(image)
    if not image:
        return None
    spec = renditions.get_spec(spec_name)
    planned = _plan(image, spec_name)
    storage = image.storage
    by_format = {fmt: [r for r in planned if r.format == fmt] for fmt in spec.formats}
    fallback = by_format["jpeg"]
    base = fallback[0]
    return {
        "sources": [
            {"type": items[0].mime, "srcset": _srcset(storage, items)}
            for fmt, items in by_format.items()
            if fmt != "jpeg" and items
        ],
        "src": storage.url(base.name),
        "srcset": _srcset(storage, fallback),
        "sizes": spec.sizes,
        "width": base.width,
        "height": base.height,
    }


def rendition_url(image, spec_name, *, smallest=False):
    """The URL of the largest JPEG of ``spec_name`` (the press download), or the smallest."""
    image = source_file(image)
    if not image:
        return ""
    jpegs = [r for r in _plan(image, spec_name) if r.format == "jpeg"]
    return image.storage.url(jpegs[0 if smallest else -1].name)


def og_rendition(image):
    """The Open Graph rendition: absolute ``url``, ``width`` and ``height``; None without image."""
    image = source_file(image)
    if not image:
        return None
    largest = [r for r in _plan(image, "og") if r.format == "jpeg"][-1]
    url = image.storage.url(largest.name)
    if url.startswith("/"):
        url = settings.SITE_URL + url
    return {"url": url, "width": largest.width, "height": largest.height}
