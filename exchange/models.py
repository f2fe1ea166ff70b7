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


class WordPressItem(models.Model):
    """
    What an item of a WordPress export became (``import_wordpress``): kept
    so that importing the site again updates those records instead of
    creating others. ``kind`` is WordPress's (post, page, attachment,
    category, post_tag, author); ``wp_id`` its post id, term slug or login.
    """

    site = models.CharField(_("WordPress site"), max_length=300)
    kind = models.CharField(_("kind"), max_length=40)
    wp_id = models.CharField(_("WordPress id"), max_length=200)
    model = models.CharField(_("record kind"), max_length=60)
    object_id = models.PositiveBigIntegerField(_("record"))
    #: False: the record was the site's already (an expert matched by slug or e-mail).
    created = models.BooleanField(_("created by the import"), default=True)

    class Meta:
        verbose_name = _("imported WordPress item")
        verbose_name_plural = _("imported WordPress items")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "kind", "wp_id"], name="wordpress_item_unique"
            )
        ]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.kind} {self.wp_id}"
