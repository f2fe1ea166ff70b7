"""
The cover of a report PDF: its first page as a small JPEG shown beside the
download button.

The cover is drawn once per file, after the commit that stored it, in the task
worker (``library.tasks.build_document_cover``), by ``core.pdfcover`` (PDFium
in a child process). Its files sit in the PDF's rendition folder, so they go
with the PDF's file:

    renditions/<PDF path without extension>/cover-<width>.jpg

The document row records the file the cover was drawn from (``cover_for``) and
the cover's size at the displayed width (``cover_width``, ``cover_height``):
a page shows it without a query, a storage call or a decode.
"""

import io
import posixpath

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image

from core import pagecache, renditions
from core.pdfcover import render_cover

#: The widths drawn: the displayed one (CSS pixels) and its double for dense screens.
WIDTHS = (160, 320)


def cover_name(pdf_name: str, width: int) -> str:
    stem = posixpath.splitext(pdf_name)[0]
    return f"{renditions.ROOT}/{stem}/cover-{width}.jpg"


def cover_of(document) -> dict | None:
    """``src``, ``srcset``, ``width``, ``height`` and ``alt`` of the cover; None if not drawn (yet)."""
    if document is None or not document.file:
        return None
    name = document.file.name
    if document.cover_for != name or not document.cover_width:
        return None
    storage = document.file.storage
    base = WIDTHS[0]
    return {
        "src": storage.url(cover_name(name, base)),
        "srcset": ", ".join(f"{storage.url(cover_name(name, w))} {w}w" for w in WIDTHS),
        "width": document.cover_width,
        "height": document.cover_height,
        "alt": _("Cover of the report: %(title)s") % {"title": document.title},
    }


def build_cover(document) -> list[str]:
    """Draw the cover of ``document``'s file at every width and record it on the row; the names written."""
    field_file = document.file
    if not field_file:
        return []
    name, storage = field_file.name, field_file.storage
    largest = render_cover(field_file, WIDTHS[-1], name=posixpath.basename(name))
    written = []
    for width in WIDTHS:
        height = max(1, round(largest.height * width / largest.width))
        image = (
            largest
            if width == largest.width
            else largest.resize((width, height), Image.Resampling.LANCZOS)
        )
        pil_format, _mime, options = renditions.FORMATS["jpeg"]
        buffer = io.BytesIO()
        image.save(buffer, pil_format, **options)
        data = buffer.getvalue()
        target = cover_name(name, width)
        if storage.exists(target):
            storage.delete(target)
        storage.save(target, ContentFile(data))
        written.append(target)
    base_height = max(1, round(largest.height * WIDTHS[0] / largest.width))
    type(document)._default_manager.filter(pk=document.pk, file=name).update(
        cover_for=name, cover_width=WIDTHS[0], cover_height=base_height
    )
    document.cover_for, document.cover_width = name, WIDTHS[0]
    document.cover_height = base_height
    pagecache.content_changed()
    return written
