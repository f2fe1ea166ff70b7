from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Prefetch, Value, When
from django.utils.translation import gettext_lazy as _

from core.fetching import page_fetch_mode
from core.i18n import in_default_language, localized, localized_fields
from core.nul import NulFreeMixin
from core.redirects import paths_in_languages, record_moves
from core.richtext import RichTextField
from core.slugs import propose_slug
from core.urls import slug_url
from history.options import ManyToMany, RevisionOptions
from history.trash import UntrashedManager
from library.models import Image, picture_fields
from taxonomy.models import Region, Topic


class ExpertStatus(models.TextChoices):
    CURRENT = "current", _("Current")
    FORMER = "former", _("Former")
    EMERITUS = "emeritus", _("Emeritus")
    IN_MEMORIAM = "in_memoriam", _("In memoriam")


class ExpertQuerySet(models.QuerySet):
    def with_profile(self):
        """Experts who have a public profile page (not one-off contributors)."""
        return self.filter(has_profile=True)

    def current(self):
        """Fellows and staff on the institute's roster today."""
        return self.filter(status=ExpertStatus.CURRENT)

    def alumni(self):
        """Former, emeritus and late fellows."""
        return self.exclude(status=ExpertStatus.CURRENT)

    def ordered(self):
        """Alphabetically by the name as listed (family name first)."""
        return self.order_by("sort_name", "slug")

    def for_language(self, language_code):
        """Experts whose profile exists in ``language_code``: they have a name in it."""
        name = localized("name", language_code)
        return self.exclude(**{f"{name}__isnull": True}).exclude(**{name: ""})

    def live(self, language_code):
        """Experts whose profile page readers of ``language_code`` may see."""
        return self.with_profile().for_language(language_code)

    def with_expertise_in(self, term):
        """Experts who list the topic or region ``term`` (or one of its children)."""
        field = "regions" if isinstance(term, Region) else "topics"
        return self.filter(**{f"{field}__in": [term, *term.children.all()]}).distinct()

    def by_legacy_slug(self, legacy_slug):
        """Candidates for an old ``last-first`` address, the likeliest first."""
        words = legacy_slug.split("-")
        # "carmi-omer" is most likely "omer-carmi"; the address as given comes last.
        rotations = ["-".join(words[k:] + words[:k]) for k in range(1, len(words))]
        rotations.append(legacy_slug)
        preference = Case(
            *(When(slug=slug, then=Value(i)) for i, slug in enumerate(rotations))
        )
        return self.filter(slug__in=rotations).order_by(preference)

    def for_profile(self):
        """Everything the profile page renders, in a fixed number of queries."""
        return (
            self.select_related("headshot")
            .prefetch_related(
                Prefetch("topics", queryset=Topic.objects.ordered()),
                Prefetch("regions", queryset=Region.objects.ordered()),
            )
            .fetch_mode(page_fetch_mode())
        )

    def for_directory(self):
        """Everything a directory entry renders, with no further queries."""
        return (
            self.for_byline()
            .order_by("sort_name", "slug")
            .fetch_mode(page_fetch_mode())
        )

    def current_first(self):
        """The roster, then former, emeritus and late fellows, each alphabetically (the directory's order)."""
        return self.annotate(
            off_roster=Case(
                When(status=ExpertStatus.CURRENT, then=Value(False)),
                default=Value(True),
                output_field=models.BooleanField(),
            )
        ).order_by("off_roster", "sort_name", "slug")

    def for_byline(self):
        """Everything a byline or bio card renders, with no further queries."""
        return self.select_related("headshot").only(
            *localized_fields("name"),
            *localized_fields("short_bio"),
            *localized_fields("titles"),
            "slug",
            "has_profile",
            "status",
            *picture_fields("headshot"),
            "affiliation_start",
            "affiliation_end",
            "sort_name",
        )


class Expert(NulFreeMixin, models.Model):
    name = models.CharField(_("name"), max_length=120)
    sort_name = models.CharField(
        _("sort name"),
        max_length=120,
        blank=True,
        help_text=_('How the directory sorts this person, e.g. "Carmi, Omer".'),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("The address /experts/<slug>, e.g. omer-carmi."),
    )
    has_profile = models.BooleanField(
        _("has a profile page"),
        default=True,
        help_text=_(
            "Untick for a one-off contributor: the byline then shows the name without a link."
        ),
    )
    titles = models.TextField(
        _("titles"),
        blank=True,
        help_text=_(
            "One title per line, in order: the named fellowship first, then the role."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ExpertStatus.choices,
        default=ExpertStatus.CURRENT,
    )
    affiliation_start = models.PositiveSmallIntegerField(
        _("affiliated since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    affiliation_end = models.PositiveSmallIntegerField(
        _("affiliated until"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    short_bio = models.TextField(
        _("short bio"),
        blank=True,
        help_text=_('The live text of "About the authors" on every article.'),
    )
    bio = RichTextField(_("biography"), blank=True)
    headshot = models.ForeignKey(
        Image,
        verbose_name=_("headshot"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="headshot_experts",
        help_text=_(
            "An image of the library; mark the face as its focal point there: "
            "every crop keeps that point in frame."
        ),
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics of expertise"), blank=True, related_name="experts"
    )
    regions = models.ManyToManyField(
        Region,
        verbose_name=_("regions of expertise"),
        blank=True,
        related_name="experts",
    )
    email = models.EmailField(_("media contact email"), blank=True)
    phone = models.CharField(_("media contact phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    x_handle = models.CharField(_("X (Twitter) handle"), max_length=40, blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    deleted_at = models.DateTimeField(
        _("moved to the trash"), null=True, blank=True, editable=False, db_index=True
    )

    # Trashed experts are hidden everywhere but the trash and old bylines.
    objects = UntrashedManager.from_queryset(ExpertQuerySet)()
    all_objects = ExpertQuerySet.as_manager()

    # What a revision keeps (history.options); an expert still credited on
    # an article stays in the trash (their name is in the byline).
    revision_options = RevisionOptions(
        relations={
            "topics": ManyToMany(_("topics")),
            "regions": ManyToMany(_("regions")),
        },
        not_restored=frozenset({"status"}),
        kept_while=("authorships",),
    )

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["sort_name", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(affiliation_end__isnull=True)
                | models.Q(affiliation_start__isnull=True)
                | models.Q(affiliation_end__gte=models.F("affiliation_start")),
                name="expert_affiliation_years_ordered",
                violation_error_message=_(
                    "The affiliation cannot end before it starts."
                ),
            )
        ]

    def __str__(self):
        return self.name or self.slug

    def save(self, *args, **kwargs):
        default_name = in_default_language(self, "name")
        if not self.slug:
            self.slug = propose_slug(default_name or self.name or "")
        if not self.sort_name:
            parts = (default_name or self.name or "").rsplit(" ", 1)
            self.sort_name = (
                ", ".join(reversed(parts))
                if len(parts) == 2
                else (parts[0] if parts else "")
            )
        stored = (
            Expert._base_manager.filter(pk=self.pk, has_profile=True)
            .values_list("slug", flat=True)
            .first()
            if self.pk
            else None
        )
        super().save(*args, **kwargs)
        if stored and stored != self.slug:
            # The profile keeps answering at its old address (see core.redirects).
            record_moves(
                paths_in_languages("experts:detail", stored),
                paths_in_languages("experts:detail", self.slug),
            )

    def get_absolute_url(self):
        return slug_url("experts:detail", self.slug)

    def library_values(self, field_name: str) -> dict:
        """What a photo uploaded in this expert's form starts with in the library."""
        name = in_default_language(self, "name") or ""
        # A face is usually in the upper centre.
        return {"title": name, "focus_x": 50, "focus_y": 30, "collection": "Headshots"}

    def clean(self):
        super().clean()
        if self.status == ExpertStatus.CURRENT and self.affiliation_end:
            raise ValidationError(
                {
                    "affiliation_end": _(
                        "A current expert has no end year; change the status first."
                    )
                }
            )

    @property
    def profiles(self) -> list[tuple[str, str]]:
        """The expert's pages elsewhere, as (label, URL): website, X, LinkedIn; those set."""
        links = [(_("Website"), self.website)]
        if self.x_handle:
            links.append(("X", f"https://x.com/{self.x_handle.lstrip('@')}"))
        links.append(("LinkedIn", self.linkedin))
        return [(label, url) for label, url in links if url]

    @property
    def title_list(self):
        """The titles in order, one per line of ``titles``."""
        return [
            line.strip() for line in (self.titles or "").splitlines() if line.strip()
        ]

    def has_page_in(self, language_code):
        """Does a profile page exist in ``language_code``? (It needs a name in it.)"""
        name = localized("name", language_code)
        return self.has_profile and bool(getattr(self, name, ""))

    @property
    def is_former(self):
        return self.status != ExpertStatus.CURRENT
