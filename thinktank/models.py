from django.db import models
from django.utils.translation import gettext_lazy as _

from thinktank.nul import NulFreeMixin


class RedirectKind(models.TextChoices):
    AUTO = "auto", _("Automatic (slug changed)")
    MANUAL = "manual", _("Added by an editor")


class RedirectQuerySet(models.QuerySet):
    def for_path(self, path):
        """The redirect whose old address is ``path`` (at most one: ``old_path`` is unique)."""
        return self.filter(old_path=path)


class Redirect(NulFreeMixin, models.Model):
    """An old address that answers 301 with a new one, forever."""

    old_path = models.CharField(
        _("old address"),
        max_length=500,
        unique=True,
        help_text=_("A path on this site, e.g. /ar/policy-analysis/old-slug."),
    )
    new_path = models.CharField(
        _("new address"),
        max_length=500,
        help_text=_("A path on this site (/experts/jane-doe) or a full URL."),
    )
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("For editors' reference.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=RedirectKind.choices,
        default=RedirectKind.MANUAL,
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"
