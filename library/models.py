"""
The media library: every image and PDF the site shows is an ``Image`` or a
``Document`` record, and other records refer to them (``PROTECT``).

* The file fields are ``core.uploads``' safe-upload fields: the checks, the
  stripping of metadata and the names derived from the content apply as for
  any upload.
* ``content_hash`` is the SHA-256 of the stored bytes, unique: the same bytes
  uploaded twice find the record that has them (``library.services``).
* A record is deleted only when nothing refers to it (``library.usage``:
  rows, trashed rows included, revisions, and whatever else registers a
  finder); its file and renditions go after the commit that deleted it.
* An image carries its focal point and the renditions of every named spec
  (``core.renditions.SPECS``); templates pass the record itself to
  ``picture()``, ``rendition_url()`` and ``og_rendition()`` (``core.pictures``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.signals import pre_delete
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import renditions
from core.i18n import default_language, in_default_language, localized
from core.nul import NulFreeMixin
from core.uploads import SafeImageField, SafePdfField, content_digest
from library import usage


class LibraryQuerySet(models.QuerySet):
    def delete(self):
        """Refused (``library.usage.InUse``) before anything is written if one of them is used."""
        for record in self:
            usage.refuse_if_used(record)
        return super().delete()


class ImageQuerySet(LibraryQuerySet):
    def for_pictures(self):
        """What a picture of the image needs (no file is opened, nothing else is read)."""
        return self.only(*PICTURE_FIELDS)


#: The columns ``picture()`` reads: for ``only()`` through a relation.
PICTURE_FIELDS = ("id", "file", "width", "height", "avif", "focus_x", "focus_y")


def picture_fields(relation: str) -> list[str]:
    """``PICTURE_FIELDS`` of the image at ``relation`` (``"headshot"``), for ``only()``."""
    return [
        relation,
        *(f"{relation}__{name}" for name in PICTURE_FIELDS if name != "id"),
    ]


class LibraryRecord(NulFreeMixin, models.Model):
    """What images and documents share: uploader, date, content hash, usage."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(
        _("uploaded"), default=timezone.now, editable=False, db_index=True
    )
    content_hash = models.CharField(
        _("SHA-256"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Of the stored bytes: the same file uploaded again finds this record."
        ),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.content_hash = content_digest(self.file)
            # The ORM's answer is the form's: the library has these bytes.
            self.refuse_duplicate(self.content_hash)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.file and not self.file._committed:
            self.refuse_duplicate(content_digest(self.file))

    def refuse_duplicate(self, digest):
        """``ValidationError`` on ``file`` naming the record that has the bytes ``digest`` already."""
        if not digest:
            return
        existing = (
            type(self)
            ._base_manager.filter(content_hash=digest)
            .exclude(pk=self.pk)
            .first()
        )
        if existing is not None:
            raise ValidationError(
                {
                    "file": ValidationError(
                        _(
                            "The library already has this file: “%(title)s” (number %(pk)s)."
                        ),
                        code="duplicate",
                        params={"title": str(existing), "pk": existing.pk},
                    )
                }
            )

    def delete(self, *args, **kwargs):
        # Checked before the deletion's transaction starts, so that a refusal
        # leaves the caller's transaction usable (the pre_delete receiver
        # below is the backstop for deletions that come another way).
        usage.refuse_if_used(self)
        return super().delete(*args, **kwargs)

    def get_admin_url(self):
        return reverse(
            f"admin:{self._meta.app_label}_{self._meta.model_name}_change",
            args=[self.pk],
        )

    @property
    def url(self):
        """The stored file's address."""
        return self.file.url

    def uses(self):
        """Everything that refers to this record (``library.usage.Use``)."""
        return usage.uses_of(self)


class Image(LibraryRecord):
    title = models.CharField(_("title"), max_length=255)
    file = SafeImageField(
        _("file"),
        upload_to="images/",
        width_field="width",
        height_field="height",
        renditions=tuple(renditions.SPECS),
        focus_fields=("focus_x", "focus_y"),
        avif_field="avif",
        help_text=_(
            "A JPEG, PNG, WebP or AVIF photo. Click the preview to mark the point "
            "of interest: every crop keeps it in frame."
        ),
    )
    width = models.PositiveIntegerField(
        _("width (px)"), null=True, blank=True, editable=False
    )
    height = models.PositiveIntegerField(
        _("height (px)"), null=True, blank=True, editable=False
    )
    file_size = models.PositiveBigIntegerField(
        _("size (bytes)"), null=True, blank=True, editable=False
    )
    # Rendition specs offered in AVIF for this image (core.renditions).
    avif = models.CharField(max_length=200, blank=True, editable=False)
    focus_x = models.PositiveSmallIntegerField(
        _("focus (x %)"), default=50, validators=[MaxValueValidator(100)]
    )
    focus_y = models.PositiveSmallIntegerField(
        _("focus (y %)"), default=50, validators=[MaxValueValidator(100)]
    )
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_(
            "Tick only if the image adds no information: it then needs no alt text."
        ),
    )
    alt = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    collection = models.CharField(
        _("collection"),
        max_length=80,
        blank=True,
        db_index=True,
        help_text=_('A shelf to find it again, e.g. "Headshots", "Maps".'),
    )

    objects = ImageQuerySet.as_manager()

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.title or self.file.name

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.file_size = len(self.file_bytes_to_store())
        if not self.title and self.file:
            self.title = self.file.name.rsplit("/", 1)[-1][:255]
        super().save(*args, **kwargs)

    @property
    def rendition_file(self):
        """The field file ``core.pictures`` and ``core.renditions`` work on."""
        return self.file

    def file_bytes_to_store(self) -> bytes:
        from core.uploads import _checked, check_image

        return _checked(self.file, check_image).clean

    def alt_in(self, language_code) -> str:
        """The alt text in ``language_code`` ("" when decorative), else in the default language."""
        if self.decorative:
            return ""
        return (
            getattr(self, localized("alt", language_code), "")
            or in_default_language(self, "alt")
            or ""
        )


class Document(LibraryRecord):
    title = models.CharField(_("title"), max_length=255)
    file = SafePdfField(
        _("file"),
        upload_to="documents/",
        page_count_field="page_count",
        size_field="size",
        help_text=_("A PDF; its page count and size are read from the file."),
    )
    size = models.PositiveBigIntegerField(
        _("size (bytes)"), null=True, blank=True, editable=False
    )
    page_count = models.PositiveIntegerField(
        _("pages"), null=True, blank=True, editable=False
    )

    objects = LibraryQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.title or self.file.name

    def file_public_name(self) -> str:
        """The stored file's name as readers download it: the title in the default language."""
        return getattr(self, localized("title", default_language()), None) or self.title


def refuse_deleting_used(sender, instance, **kwargs):
    """No code path deletes a record something still refers to (its file would go)."""
    usage.refuse_if_used(instance)


for _model in (Image, Document):
    pre_delete.connect(
        refuse_deleting_used,
        sender=_model,
        dispatch_uid=f"library-used-{_model.__name__}",
        weak=False,
    )
