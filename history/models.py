"""
The revision store: nothing an editor saves is ever lost.

A ``Revision`` is a JSON snapshot of one record (every local column, each
language's ``_en``/``_ar`` column included, and the relations its model's
``revision_options`` name, in order) taken after a save. ``VersionCounter`` is the number a change form
was opened at: a save claims the next number with a conditional UPDATE, so
two editors cannot both save over the same version. ``EditLock`` says who
has a change page open.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext, gettext_lazy as _


class RevisionKind(models.TextChoices):
    SAVE = "save", _("Saved")
    RESTORE = "restore", _("Restored")
    CONFLICT = "conflict", _("Refused (conflict)")
    TRASH = "trash", _("Moved to the trash")
    UNTRASH = "untrash", _("Restored from the trash")
    PENDING = "pending", _("Unpublished change")
    PUBLISH = "publish", _("Change published")
    DISCARD = "discard", _("Unpublished change discarded")
    #: The editor's draft, saved while they write: never the record's state.
    AUTOSAVE = "autosave", _("Draft saved automatically")


class RevisionQuerySet(models.QuerySet):
    def of(self, obj):
        """The revisions of ``obj``, newest first."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(type(obj)),
            object_id=obj.pk,
        ).order_by("-pk")

    def accepted(self):
        """Revisions that are (or were) the record's state: not refused ones, not autosaved drafts."""
        return self.exclude(kind__in=(RevisionKind.CONFLICT, RevisionKind.AUTOSAVE))

    def applied(self):
        """Revisions of states the record was stored in: not refused, not unpublished changes."""
        return self.exclude(
            kind__in=(
                RevisionKind.CONFLICT,
                RevisionKind.PENDING,
                RevisionKind.AUTOSAVE,
            )
        )


class Revision(models.Model):
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(db_index=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=RevisionKind.choices, default="save"
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    #: What wrote the revision when no signed-in user did: the command's name
    #: (``import_content``).
    via = models.CharField(_("via"), max_length=40, blank=True)
    comment = models.CharField(_("comment"), max_length=300, blank=True)
    #: The version counter this revision made current (0 for a refused one).
    version = models.PositiveIntegerField(_("version"), default=0)
    data = models.JSONField(_("snapshot"))

    objects = RevisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-id"])]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} #{self.pk}"

    @property
    def author(self):
        """Who wrote it, as the admin names them: the user, else the command."""
        if self.user is not None:
            return self.user.get_full_name() or self.user.get_username()
        return self.via or gettext("someone")


class VersionCounter(models.Model):
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    version = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="version_counter_unique"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}/{self.object_id}: {self.version}"


class EditLock(models.Model):
    """``user`` has had the change page of the record open since ``since``."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    since = models.DateTimeField()
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "user"], name="edit_lock_unique"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}/{self.object_id}: {self.user_id}"
