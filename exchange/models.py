from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatchQuerySet(models.QuerySet):
    def waiting(self):
        """Checked but not applied yet."""
        return self.filter(applied_at__isnull=True)


class ImportBatch(models.Model):
    """
    An exchange file uploaded in the admin: kept here between its dry run and
    its application (so that what is applied is exactly what was checked),
    with who uploaded it and the report of its dry run.
    """

    name = models.CharField(_("file name"), max_length=255)
    text = models.TextField(_("content"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    as_pending = models.BooleanField(
        _("changes to live articles wait for review"),
        default=True,
        help_text=_(
            "Changes to published articles are kept as unpublished changes "
            "for an editor to publish, instead of going live at once."
        ),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    report = models.JSONField(_("dry run"), default=dict)
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("content import")
        verbose_name_plural = _("content imports")
        ordering = ["-uploaded_at", "-pk"]
        permissions = [
            ("import_content", _("Can import content from an exchange file")),
            ("export_content", _("Can export all content as an exchange file")),
        ]
        default_permissions = ("view", "delete")

    def __str__(self):
        return self.name
