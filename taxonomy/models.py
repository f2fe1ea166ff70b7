from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n import in_default_language
from core.nul import NulFreeMixin
from core.redirects import paths_in_languages, record_moves
from core.slugs import describe, propose_slug, slug_owner
from core.urls import slug_url


class TermQuerySet(models.QuerySet):
    def ordered(self):
        """In the editors' order, then alphabetically."""
        return self.order_by("sort_order", "slug")

    def roots(self):
        """Terms without a parent."""
        return self.filter(parent__isnull=True)

    def live(self, language_code):
        """Terms whose landing page readers of ``language_code`` may see: all of them."""
        return self.all()


class Term(NulFreeMixin, models.Model):
    """What topics and regions share: a translated name, a slug, a parent and an order."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_(
            "The address under /policy-analysis/; proposed from the English name when left empty."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    sort_order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    objects = TermQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return self.name or self.slug

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = propose_slug(
                in_default_language(self, "name") or self.name or ""
            )
        stored = (
            type(self)
            ._base_manager.filter(pk=self.pk)
            .values_list("slug", flat=True)
            .first()
            if self.pk
            else None
        )
        super().save(*args, **kwargs)
        if stored and stored != self.slug:
            # The landing keeps answering at its old address (see core.redirects).
            record_moves(
                paths_in_languages("policy_analysis", stored),
                paths_in_languages("policy_analysis", self.slug),
            )

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = propose_slug(
                in_default_language(self, "name") or self.name or ""
            )
        owner = slug_owner(self.slug, exclude=self)
        if owner is not None:
            raise ValidationError(
                {
                    "slug": _("This address is already used by %(owner)s.")
                    % {"owner": describe(owner)}
                }
            )
        seen, ancestor = set(), self.parent
        while ancestor is not None and ancestor.pk not in seen:
            seen.add(ancestor.pk)
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError(
                    {"parent": _("A term cannot be its own ancestor.")}
                )
            ancestor = ancestor.parent

    def ancestors(self):
        """From the root down to the parent of this term."""
        chain, node = [], self.parent
        while node is not None and node not in chain and node.pk != self.pk:
            chain.insert(0, node)
            node = node.parent
        return chain


class Topic(Term):
    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def get_absolute_url(self):
        return slug_url("policy_analysis", self.slug)


class Region(Term):
    class Meta(Term.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def get_absolute_url(self):
        return slug_url("policy_analysis", self.slug)
