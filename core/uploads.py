"""
Safe uploads: the image and PDF fields every model uses for files.

``SafeImageField`` and ``SafePdfField`` carry the whole policy, so that the
admin's forms and the content importer get it without knowing about it:

* the type is decided from the bytes, never from the name or the browser's
  content type (JPEG, PNG, WebP, AVIF; PDF);
* the byte size is checked before anything is read, the pixel count and
  the memory its renditions will take from the header (``UPLOAD_*`` and
  ``IMAGE_DECODE_MAX_BYTES`` settings, ``DJANGO_*`` in the environment): the
  request never decodes a pixel (``core.decoding``);
* markup (HTML, SVG, script), archives and PDFs hidden inside an image are
  refused; truncated and damaged files are refused;
* PDFs with active content are refused, naming what was found: JavaScript,
  launch actions, embedded files, HTML a browser could run;
* images are stored without their metadata, taken out of the file's
  structure without decoding: EXIF (GPS included), XMP, comments and
  trailing payloads are gone; the orientation alone is kept, and applied
  to the pixels by the worker that builds the renditions;
* files are stored under names derived from their content, never from the
  uploaded name (``../``, NUL, odd Unicode and long names are harmless and two
  uploads of ``photo.jpg`` never overwrite each other);
* a file is deleted only once the transaction that stopped referencing it has
  committed (and only if no other row still names it); renditions are built by
  a background task after the commit. See ``docs/images.md``.
"""

import hashlib
import io
import re
import warnings
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.db.models.signals import post_delete, post_init, post_save, pre_save
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from core import decoding, renditions
from core.i18n import default_language, localized
from core.tasks import build_renditions

#: Pillow format name -> (file extension, MIME type) of the images we accept.
IMAGE_TYPES = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
    "AVIF": ("avif", "image/avif"),
}
ACCEPT_IMAGES = ",".join(mime for _ext, mime in IMAGE_TYPES.values())

# Byte sequences that have no business inside a photo: a browser that sniffs
# the file (or a user who renames it) would find a web page or an archive.
MARKUP = re.compile(
    rb"<\s*(?:script|html|!doctype\s+html|svg|body|iframe|object|embed|meta|"
    rb"\?php|a\s+href)|javascript:",
    re.IGNORECASE,
)
# Markup inside a PDF: a browser that sniffs the file would run it as a web page.
HTML_IN_PDF = re.compile(
    rb"<\s*(?:script|html|!doctype\s+html|body|iframe|svg|object|embed|meta|\?php)\b",
    re.IGNORECASE,
)
#: What ``check_pdf`` refuses as active content, in the order it names them.
ACTIVE_CONTENT = {
    "javascript": _("JavaScript"),
    "launch": _("a launch action"),
    "embedded_file": _("an embedded file"),
    "html": _("HTML inside the file"),
}
SVG_OR_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*<(?:\?xml|svg|!doctype|html|head|body|script|!--)",
    re.IGNORECASE,
)


def _limit(name: str) -> int:
    return int(getattr(settings, name))


def _size(size: int) -> str:
    from django.template.defaultfilters import filesizeformat

    return filesizeformat(size)


def sniff_image(head: bytes) -> str | None:
    """The image format that the first bytes announce, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"):
        return "AVIF"
    return None


def read_upload(content) -> bytes:
    """All the bytes of an uploaded or stored file, from the start."""
    if isinstance(content, bytes | bytearray):
        return bytes(content)
    if hasattr(content, "seek"):
        content.seek(0)
    data = content.read()
    if hasattr(content, "seek"):
        content.seek(0)
    return data


def _check_size(data: bytes, limit: int):
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    if len(data) > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={"size": _size(len(data)), "limit": _size(limit)},
        )


@dataclass
class CheckedImage:
    format: str
    #: Upright (the orientation applied), as the row stores them.
    width: int
    height: int
    #: The file without its metadata (``decoding.strip``).
    clean: bytes = b""

    @property
    def extension(self):
        return IMAGE_TYPES[self.format][0]


def check_image(data: bytes) -> CheckedImage:
    """Refuse anything but a whole, plain JPEG, PNG, WebP or AVIF image (ValidationError)."""
    _check_size(data, _limit("UPLOAD_IMAGE_MAX_BYTES"))
    kind = sniff_image(data[:16])
    if kind is None:
        if SVG_OR_HTML_START.match(data[:512]):
            raise ValidationError(
                _(
                    "This file is an SVG or HTML document, not a photo. "
                    "Upload a JPEG, PNG, WebP or AVIF image."
                ),
                code="markup",
            )
        raise ValidationError(
            _(
                "The file's content is not a JPEG, PNG, WebP or AVIF image, "
                "whatever its name says."
            ),
            code="not_image",
        )
    if MARKUP.search(data):
        raise ValidationError(
            _("The image hides HTML or script inside it and was refused."),
            code="polyglot",
        )
    if (b"PK\x03\x04" in data and b"PK\x05\x06" in data) or b"%PDF-" in data:
        raise ValidationError(
            _("The image hides another file (an archive or a PDF) and was refused."),
            code="polyglot",
        )
    too_many = ValidationError(
        _(
            "The image is too large in pixels: at most %(side)s pixels a side "
            "and %(megapixels)s megapixels in all."
        ),
        code="too_many_pixels",
        params={
            "side": _limit("UPLOAD_IMAGE_MAX_SIDE"),
            "megapixels": _limit("UPLOAD_IMAGE_MAX_PIXELS") // 1_000_000,
        },
    )
    damaged = ValidationError(
        _("The image is truncated or damaged; export it again and upload the copy."),
        code="damaged",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            # Image.open reads the header only: the size is known before decoding.
            width, height = decoding.read_header(data, kind).upright
            if (
                width < 1
                or height < 1
                or max(width, height) > _limit("UPLOAD_IMAGE_MAX_SIDE")
                or width * height > _limit("UPLOAD_IMAGE_MAX_PIXELS")
            ):
                raise too_many
            # The structure is walked (truncated files fail here), not decoded.
            clean = decoding.strip(data, kind)
            header = decoding.read_header(clean, kind)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_many from None
        except ValidationError:
            raise
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise damaged from None
        except Exception:  # noqa: BLE001 - a parser's odd error is still a bad file
            raise damaged from None
    cost = renditions.decode_cost(header, len(clean))
    budget = _limit("IMAGE_DECODE_MAX_BYTES")
    if cost > budget:
        raise ValidationError(
            _(
                "The image is too large to process: its renditions would take "
                "about %(needed)s of memory, and the limit is %(limit)s. Upload "
                "a copy with fewer pixels, or save it as JPEG."
            ),
            code="too_large_to_process",
            params={"needed": _size(cost), "limit": _size(budget)},
        )
    return CheckedImage(kind, *header.upright, clean)


@dataclass
class CleanImage:
    data: bytes
    format: str
    width: int
    height: int

    @property
    def extension(self):
        return IMAGE_TYPES[self.format][0]

    @property
    def digest(self):
        return hashlib.sha256(self.data).hexdigest()


def clean_image(data: bytes) -> CleanImage:
    """Check ``data`` and take its metadata out (no decoding: ``decoding.strip``)."""
    checked = check_image(data)
    return CleanImage(checked.clean, checked.format, checked.width, checked.height)


@dataclass
class CheckedPdf:
    data: bytes
    pages: int

    @property
    def digest(self):
        return hashlib.sha256(self.data).hexdigest()


def check_pdf(data: bytes) -> CheckedPdf:
    """Refuse anything but a whole, readable PDF; count its pages (ValidationError)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    _check_size(data, _limit("UPLOAD_PDF_MAX_BYTES"))
    if not data.startswith(b"%PDF-"):
        raise ValidationError(
            _("The file's content is not a PDF document, whatever its name says."),
            code="not_pdf",
        )
    if b"%%EOF" not in data[-2048:]:
        raise ValidationError(
            _("The PDF is truncated (it has no end marker); export it again."),
            code="damaged",
        )
    unreadable = ValidationError(
        _("The PDF is damaged or unreadable; export it again and upload the copy."),
        code="damaged",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise ValidationError(
                    _("The PDF is protected by a password; upload an open copy."),
                    code="encrypted",
                )
            pages = len(reader.pages)
            found = _active_content(reader)
        except ValidationError:
            raise
        except (PyPdfError, OSError, ValueError, KeyError, TypeError, RecursionError):
            raise unreadable from None
        except Exception:  # noqa: BLE001 - a parser's odd error is still a bad file
            raise unreadable from None
    if pages < 1:
        raise unreadable
    if HTML_IN_PDF.search(data):
        found.add("html")
    if found:
        raise ValidationError(
            _(
                "The PDF contains active content (%(found)s) and was refused: "
                "export it again without scripts, actions or attachments."
            ),
            code="active_content",
            params={
                "found": ", ".join(
                    str(label) for key, label in ACTIVE_CONTENT.items() if key in found
                )
            },
        )
    return CheckedPdf(data, pages)


def _active_content(reader) -> set[str]:
    """
    The kinds of active content (keys of ``ACTIVE_CONTENT``) reachable from
    the PDF's trailer: scripts and launch actions a viewer may run, files it
    carries. The object graph is walked without recursion, each object once.
    """
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    def resolved(value):
        return value.get_object() if isinstance(value, IndirectObject) else value

    found, seen, stack = set(), set(), [reader.trailer]
    while stack:
        value = stack.pop()
        if isinstance(value, IndirectObject):
            if (value.idnum, value.generation) in seen:
                continue
            seen.add((value.idnum, value.generation))
            value = value.get_object()
        if isinstance(value, ArrayObject):
            stack.extend(list.__iter__(value))
        elif isinstance(value, DictionaryObject):
            for key, item in dict.items(value):
                if key in ("/JS", "/JavaScript"):
                    found.add("javascript")
                elif key in ("/EmbeddedFiles", "/EF"):
                    found.add("embedded_file")
                elif key in ("/S", "/Type", "/Subtype", "/URI"):
                    name = resolved(item)
                    if name == "/JavaScript" or (
                        key == "/URI"
                        and isinstance(name, str)
                        and name.strip().lower().startswith("javascript:")
                    ):
                        found.add("javascript")
                    elif name == "/Launch":
                        found.add("launch")
                    elif name in ("/EmbeddedFile", "/FileAttachment"):
                        found.add("embedded_file")
                stack.append(item)
    return found


def _checked(value, check):
    """Run ``check`` on an uncommitted upload once (the form and the model both ask)."""
    if isinstance(value, FieldFile):
        # A stored file was checked when it came in (and .file would open it).
        if value._committed or not value:
            return None
        upload = value.file
    else:
        upload = value
    if upload is None:
        return None
    cached = getattr(upload, "_thinktank_checked", None)
    if cached is not None:
        return cached
    result = check(read_upload(upload))
    try:
        upload._thinktank_checked = result
    except AttributeError:
        pass
    return result


def validate_image_upload(value):
    """Model-field validator: a new upload must be a safe image."""
    _checked(value, check_image)


def validate_pdf_upload(value):
    """Model-field validator: a new upload must be a readable PDF."""
    _checked(value, check_pdf)


# ---------------------------------------------------------------- form fields


class FocalPointImageWidget(AdminFileWidget):
    """The admin's file input plus a preview an editor clicks to set the focal point."""

    template_name = "core/widgets/focal_point.html"

    class Media:
        js = ["admin/thinktank/focal_point.js"]
        css = {"all": ["admin/thinktank/focal_point.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["focus_names"] = getattr(
            self, "focus_names", (f"{name}_focus_x", f"{name}_focus_y")
        )
        return context


class SafeImageFormField(forms.ImageField):
    # The content decides the type; the name's extension means nothing.
    default_validators = []
    default_error_messages = {"invalid_image": _("Upload a valid image.")}

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        _checked(upload, check_image)
        return upload

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = ACCEPT_IMAGES
        return attrs


class SafePdfFormField(forms.FileField):
    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        _checked(upload, check_pdf)
        return upload

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = "application/pdf"
        return attrs


# --------------------------------------------------------------- model fields


class SafeImageFieldFile(ImageFieldFile):
    def _get_image_dimensions(self):
        # Assigning an upload fills the width and height fields at once: measure
        # it with the checks (which stop a decompression bomb before decoding),
        # not with Django's parser, so that a hostile file fails validation with
        # its reason instead of raising on assignment.
        if not self._committed and not hasattr(self, "_dimensions_cache"):
            try:
                checked = _checked(self, check_image)
            except ValidationError:
                checked = None
            self._dimensions_cache = (
                (checked.width, checked.height) if checked else (None, None)
            )
        if not hasattr(self, "_dimensions_cache"):
            # A stored file: its header, turned upright as its orientation
            # says (Django's reader would give the sideways size), never
            # its pixels.
            close = self.closed
            self.open()
            try:
                self.seek(0)
                self._dimensions_cache = decoding.read_header(self.file).upright
            except (UnidentifiedImageError, ValueError, SyntaxError, EOFError):
                self._dimensions_cache = (None, None)
            finally:
                if close:
                    self.close()
                else:
                    self.seek(0)
        return super()._get_image_dimensions()

    def save(self, name, content, save=True):
        clean = clean_image(read_upload(content))
        name = f"{clean.digest[:32]}.{clean.extension}"
        # Named, the content gives the row its width and height: a row whose
        # size is stored never opens its file when it is loaded.
        super().save(name, ContentFile(clean.data, name=name), save)


class SafePdfFieldFile(FieldFile):
    def save(self, name, content, save=True):
        checked = check_pdf(read_upload(content))
        field = self.field
        if field.page_count_field:
            setattr(self.instance, field.page_count_field, checked.pages)
        if field.size_field:
            setattr(self.instance, field.size_field, len(checked.data))
        name = f"{checked.digest[:12]}/{field.public_name(self.instance)}.pdf"
        super().save(name, ContentFile(checked.data), save)


#: Functions ``(model, attname, names=None) -> set`` of the file names that
#: something other than the rows still needs (history's revisions, of the
#: earlier states they can restore), among ``names`` or all of them.
_keepers = []


def keep_files_named_by(keeper):
    """Register ``keeper``: the files it names are neither deleted nor swept."""
    _keepers.append(keeper)


def files_kept(model, attname, names=None) -> set[str]:
    """The names (among ``names``, or all) of ``model``'s ``attname`` files that a keeper needs."""
    kept = set()
    for keeper in _keepers:
        kept |= keeper(model, attname, names)
    return kept


class FileLifecycleMixin:
    """Deletes a file after the commit that dropped it; builds renditions after an upload."""

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if not cls._meta.abstract:
            post_init.connect(self._remember, sender=cls, weak=False)
            post_save.connect(self._saved, sender=cls, weak=False)
            post_delete.connect(self._deleted, sender=cls, weak=False)

    def _state(self, instance):
        """What, once saved, calls for work: the file's name (and the focal point)."""
        value = instance.__dict__[self.attname] or ""
        if isinstance(value, FieldFile):
            name = value.name or ""
        else:
            # A stored name, or an upload not saved yet (it has no name here).
            name = value if isinstance(value, str) else ""
        focus = tuple(
            instance.__dict__.get(attname) for attname in self.focus_attnames()
        )
        return name, focus

    def focus_attnames(self) -> tuple[str, str]:
        """The row's columns holding the focal point (x, y), in per cent."""
        return getattr(self, "focus_fields", None) or (
            f"{self.name}_focus_x",
            f"{self.name}_focus_y",
        )

    def _remember(self, instance, **kwargs):
        if self.attname in instance.__dict__:
            remembered = instance.__dict__.setdefault("_thinktank_files", {})
            remembered[self.attname] = self._state(instance)

    def _saved(self, instance, created=False, using=None, **kwargs):
        if self.attname not in instance.__dict__:
            return
        remembered = instance.__dict__.setdefault("_thinktank_files", {})
        before, before_focus = remembered.get(self.attname, ("", None))
        now, focus = remembered[self.attname] = self._state(instance)
        if before and before != now:
            self.delete_after_commit(before, using)
        if now and (created or before != now or before_focus != focus):
            self.after_upload(instance, now, using)

    def _deleted(self, instance, using=None, **kwargs):
        if self.attname in instance.__dict__:
            name = getattr(instance, self.attname).name
            if name:
                self.delete_after_commit(name, using)

    def after_upload(self, instance, name, using):
        """The file ``name`` (or its focal point) is new in this row's saved state."""

    def delete_after_commit(self, name, using=None):
        model, field, storage = self.model, self.name, self.storage

        def delete():
            # Rows in the trash count: they can be restored with their files.
            if model._base_manager.using(using).filter(**{field: name}).exists():
                return  # another row still uses the file
            renditions.delete_renditions(storage, name)
            if not files_kept(model, field, {name}):
                # Else a revision can restore it (and its renditions are rebuilt).
                storage.delete(name)

        transaction.on_commit(delete, using=using)


class SafeImageField(FileLifecycleMixin, models.ImageField):
    """An image upload checked and re-encoded by this module; see the module's doc."""

    attr_class = SafeImageFieldFile
    default_validators = [validate_image_upload]

    def __init__(
        self, *args, renditions=(), focus_fields=None, avif_field=None, **kwargs
    ):
        self.renditions = tuple(renditions)
        # The columns of the focal point and of the AVIF choice: by default
        # ``<field>_focus_x``, ``<field>_focus_y`` and ``<field>_avif``.
        self.focus_fields = tuple(focus_fields) if focus_fields else None
        self.avif_field = avif_field
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.renditions:
            kwargs["renditions"] = self.renditions
        if self.focus_fields:
            kwargs["focus_fields"] = self.focus_fields
        if self.avif_field:
            kwargs["avif_field"] = self.avif_field
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        widget = kwargs.get("widget")
        if widget is None or (
            isinstance(widget, type) and issubclass(widget, AdminFileWidget)
        ):
            kwargs["widget"] = FocalPointImageWidget()
            if self.focus_fields:
                kwargs["widget"].focus_names = self.focus_fields
        # The stored name is generated: the uploaded name's length does not matter.
        return super().formfield(
            **{**kwargs, "form_class": SafeImageFormField, "max_length": None}
        )

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except FileNotFoundError:
            # The file is gone (swept, lost with a disk): the row still loads,
            # with the size it has stored.
            pass

    def focus(self, instance) -> tuple[int, int]:
        """The focal point in per cent of width and height (centre if unset)."""
        x_name, y_name = self.focus_attnames()
        x = getattr(instance, x_name, 50)
        y = getattr(instance, y_name, 50)
        return (50 if x is None else x, 50 if y is None else y)

    def after_upload(self, instance, name, using):
        if not self.renditions:
            return
        args = (instance._meta.label, instance.pk, self.name)
        transaction.on_commit(lambda: build_renditions.enqueue(*args), using=using)


class SafePdfField(FileLifecycleMixin, models.FileField):
    """A PDF upload checked by this module and named after the report's series."""

    attr_class = SafePdfFieldFile
    default_validators = [validate_pdf_upload]

    def __init__(self, *args, page_count_field=None, size_field=None, **kwargs):
        self.page_count_field = page_count_field
        self.size_field = size_field
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if not cls._meta.abstract:
            pre_save.connect(self._count_pages, sender=cls, weak=False)

    def _count_pages(self, instance, raw=False, **kwargs):
        """Fill the page count and size before the row's values are gathered."""
        if raw or self.attname not in instance.__dict__:
            return
        field_file = getattr(instance, self.attname)
        if not field_file or field_file._committed:
            return
        checked = _checked(field_file, check_pdf)
        if self.page_count_field:
            setattr(instance, self.page_count_field, checked.pages)
        if self.size_field:
            setattr(instance, self.size_field, len(checked.data))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for key in ("page_count_field", "size_field"):
            if getattr(self, key):
                kwargs[key] = getattr(self, key)
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(
            **{**kwargs, "form_class": SafePdfFormField, "max_length": None}
        )

    def public_name(self, instance) -> str:
        """The file's name as readers download it, e.g. ``policy-note-79``."""
        own = getattr(instance, "file_public_name", None)
        if callable(own):
            return (slugify(own() or "") or "document")[:80]
        series = slugify(getattr(instance, "series", "") or "")
        number = getattr(instance, "series_number", None)
        if series and number:
            return f"{series}-{number}"[:80]
        slug = getattr(
            instance, localized("slug", default_language()), None
        ) or getattr(instance, "slug", None)
        return (slugify(slug or "") or "document")[:80]


def content_digest(field_file) -> str | None:
    """
    The SHA-256 (hex) of the bytes the field stores for ``field_file``: of the
    checked, cleaned upload when it is not saved yet (the check runs once, its
    result is shared with the validators), else of the stored file (None when
    it is missing or the field is empty).
    """
    if not field_file:
        return None
    if not field_file._committed:
        if isinstance(field_file.field, SafeImageField):
            return hashlib.sha256(_checked(field_file, check_image).clean).hexdigest()
        if isinstance(field_file.field, SafePdfField):
            return _checked(field_file, check_pdf).digest
        return hashlib.sha256(read_upload(field_file.file)).hexdigest()
    try:
        with field_file.storage.open(field_file.name, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None
