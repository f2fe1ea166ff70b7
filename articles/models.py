import functools
from datetime import UTC, datetime

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from articles import search_sqlite
from articles.search_index import update_search_vectors
from core.fetching import page_fetch_mode
from core.i18n import (
    default_language,
    in_default_language,
    language_codes,
    localized,
    localized_fields,
)
from core.nul import NulFreeMixin
from core.redirects import record_moves
from core.richtext import RichTextField
from core.slugs import describe, propose_slug, slug_owner
from core.urls import slug_url
from experts.models import Expert
from history.options import ManyToMany, Ordered, RevisionOptions
from history.trash import UntrashedManager
from library.models import Document, Image
from taxonomy.models import Region, Topic


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


#: Statuses whose articles readers may see once ``published_at`` has come.
VISIBLE_STATUSES = (Status.SCHEDULED, Status.PUBLISHED)
#: Statuses in which an article needs at least one author.
AUTHORED_STATUSES = (Status.APPROVED, Status.SCHEDULED, Status.PUBLISHED)


class TypeKind(models.TextChoices):
    """How an article type renders its own fields."""

    ANALYSIS = "analysis", _("Analysis")
    OP_ED = "op_ed", _("Op-ed (published by an outside outlet)")
    TESTIMONY = "testimony", _("Testimony")
    REPORT = "report", _("Report (series, pages, PDF)")
    GRAPHICS = "graphics", _("Maps & graphics")


class ArticleType(NulFreeMixin, models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(
        _("label"),
        max_length=80,
        help_text=_('The label on an article, e.g. "Brief Analysis".'),
    )
    plural = models.CharField(
        _("plural label"),
        max_length=80,
        help_text=_('The heading of a group, e.g. "In-Depth Reports".'),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=TypeKind.choices, default=TypeKind.ANALYSIS
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("article type")
        verbose_name_plural = _("article types")
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return self.name or self.slug


# What readers see: the publish-a-language rule --------------------------
#
# An article is *live* in a language (readers of that language can see it
# now) when it is *published* (status published or scheduled, and its
# publication date has come: ``published_q()``), its version in that language
# is *published in* it (the editors' ``available_<code>``:
# ``published_in_q()``), and it is not in the trash. ``live_q()`` is the rule;
# ``ArticleQuerySet.live()`` selects by it, ``live_sql()`` is the same
# condition for the reads written by hand, and ``Article.is_live_in()`` applies
# it to a row in memory. Only the workflow's transitions (and the importer,
# and ``generate_content``) set ``available_<code>``, through
# ``Article.publish_in()``.


def published_q(now=None) -> Q:
    """
    Status published or scheduled, the publication moment has come (the
    embargo is over) and the scheduled unpublication, if any, has not.
    """
    now = now or timezone.now()
    return Q(status__in=VISIBLE_STATUSES, published_at__lte=now) & (
        Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now)
    )


def published_in_q(language_code) -> Q:
    """The editors have published the ``language_code`` version (whenever it goes live)."""
    return Q(**{localized("available", language_code): True})


def language_time_q(language_code, now=None) -> Q:
    """
    The ``language_code`` version's own publication moment, if it has one
    (``live_from_<code>``), has come.
    """
    column = localized("live_from", language_code)
    return Q(**{f"{column}__isnull": True}) | Q(
        **{f"{column}__lte": now or timezone.now()}
    )


def live_q(language_code, now=None) -> Q:
    """Readers of ``language_code`` can see it now (the rule above)."""
    now = now or timezone.now()
    return (
        published_q(now)
        & published_in_q(language_code)
        & language_time_q(language_code, now)
        & Q(deleted_at__isnull=True)
    )


def live_sql(alias: str, language_code: str) -> tuple[str, list]:
    """
    ``live_q(language_code)`` as an SQL condition on the table alias ``alias``,
    with its parameters, for the reads written by hand (``core.rows``).
    """
    sql, params, now_at = _compiled_live_q(language_code, connection.vendor)
    table = connection.ops.quote_name(Article._meta.db_table)
    params = list(params)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    for index in now_at:
        params[index] = now
    return sql.replace(f"{table}.", f"{alias}."), params


#: A moment no query asks about, to find where the moment goes among the parameters.
_PLACEHOLDER_MOMENT = datetime(2000, 1, 1, tzinfo=UTC)


@functools.cache
def _compiled_live_q(language_code: str, vendor: str) -> tuple[str, tuple, tuple]:
    """
    ``live_q()`` compiled by the ORM, once per language (compiling it takes
    longer than the query it goes into): its SQL, its parameters and the
    indexes of those that are the moment of the query.
    """
    query = Article._base_manager.filter(
        live_q(language_code, now=_PLACEHOLDER_MOMENT)
    ).query
    sql, params = query.get_compiler(connection=connection).compile(query.where)
    moment = connection.ops.adapt_datetimefield_value(_PLACEHOLDER_MOMENT)
    return (
        sql,
        tuple(params),
        tuple(i for i, param in enumerate(params) if param == moment),
    )


def live_fields() -> list[str]:
    """The columns ``Article.is_live_in()`` reads: load them with ``only()``."""
    return [
        "status",
        "published_at",
        "unpublish_at",
        "deleted_at",
        *localized_fields("available"),
        *localized_fields("live_from"),
    ]


def published_elsewhere_q() -> Q:
    """Op-eds whose original is on their outlet's site: that address, not ours, is canonical."""
    return Q(type__kind=TypeKind.OP_ED) & ~Q(outlet_url="")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Visible to the public: status published (or scheduled) and the date has come."""
        return self.filter(published_q())

    def unpublished(self):
        """Everything readers may not see."""
        return self.exclude(published_q())

    def for_language(self, language_code):
        """Articles that the editors have published in ``language_code``."""
        return self.filter(published_in_q(language_code))

    def live(self, language_code):
        """What a reader of ``language_code`` may see now (``live_q()``)."""
        return self.filter(live_q(language_code))

    def live_in_any_language(self):
        """What some reader may see now: live in at least one language (``live_q()``)."""
        now = timezone.now()
        published_in_any = Q()
        for code in language_codes():
            published_in_any |= published_in_q(code) & language_time_q(code, now)
        return self.filter(published_q(now), published_in_any, deleted_at__isnull=True)

    def canonical_here(self):
        """Articles whose own page is their canonical address (not op-eds published on an outlet's site)."""
        return self.exclude(published_elsewhere_q())

    def by_slug(self, slug, language_code):
        """The article whose slug in ``language_code`` is ``slug``."""
        return self.filter(**{localized("slug", language_code): slug})

    def next_scheduled_moment(self):
        """
        When readers' pages next change by themselves (None if nothing waits):
        a scheduled piece or language version goes live, or a scheduled
        unpublication comes. One indexed query per kind of moment.
        """
        now = timezone.now()
        visible = self.filter(status__in=VISIBLE_STATUSES, deleted_at__isnull=True)
        moments = []
        for column in [
            "published_at",
            "unpublish_at",
            *localized_fields("live_from"),
        ]:
            moment = (
                visible.filter(**{f"{column}__gt": now})
                .order_by(column)
                .values_list(column, flat=True)
                .first()
            )
            if moment is not None:
                moments.append(moment)
        return min(moments, default=None)

    def newest_first(self):
        """Most recently published first; ties broken by id so pages are stable."""
        return self.order_by("-published_at", "-pk")

    def featured(self):
        """Featured on the home page by the editors (``Article.featured``)."""
        return self.filter(featured=True)

    def to_feature(self, report_type):
        """
        The one article the home page features: the newest featured one, else
        the newest of the type ``report_type`` (None when neither is there).
        One query, two indexed reads of the newest rows (the featured rows'
        own index, the archive's newest index): never a scan of the archive.
        """

        def newest(queryset):
            return Subquery(queryset.newest_first().values("pk")[:1])

        return self.filter(
            pk=Coalesce(newest(self.featured()), newest(self.of_type(report_type)))
        ).first()

    def in_topic(self, topic):
        """Tagged with ``topic`` or one of its sub-topics."""
        return self._tagged(Article.topics.through, "topic_id", topic)

    def in_region(self, region):
        """Tagged with ``region`` or one of its sub-regions."""
        return self._tagged(Article.regions.through, "region_id", region)

    def _tagged(self, through, column, term):
        # A semi-join (IN) rather than a join and DISTINCT: the newest page
        # is read down the publication date's index, never sorted whole.
        terms = [term.pk, *(child.pk for child in term.children.all())]
        return self.filter(
            pk__in=through.objects.filter(**{f"{column}__in": terms}).values(
                "article_id"
            )
        )

    def by_expert(self, expert):
        """Written by ``expert``."""
        return self.filter(authorships__expert=expert)

    def of_type(self, type_slug):
        """Of the article type whose slug is ``type_slug``."""
        return self.filter(type__slug=type_slug)

    def for_listing(self):
        """Everything an article card renders, in a fixed number of queries."""
        return (
            self.select_related("type", "lead_image")
            .prefetch_related(
                Prefetch(
                    "authorships",
                    queryset=Authorship.objects.select_related("expert").order_by(
                        "order", "pk"
                    ),
                )
            )
            .fetch_mode(page_fetch_mode())
        )

    def with_type(self):
        """The articles with their type, for cards whose bylines come apart (``with_bylines()``)."""
        return self.select_related("type", "lead_image").fetch_mode(page_fetch_mode())

    def for_detail(self):
        """Everything the article page renders, in a fixed number of queries."""
        return (
            self.for_listing()
            .select_related("pdf")
            .prefetch_related(
                Prefetch("topics", queryset=Topic.objects.ordered()),
                Prefetch("regions", queryset=Region.objects.ordered()),
            )
        )

    def for_page(self, language_code):
        """
        The article page's own row, with its type, and for a translation since
        when its English text has changed (``stale_since``; the rest of the
        page comes from ``with_bylines()`` and the prefetched terms).
        """
        qs = (
            self.select_related("type", "lead_image", "pdf")
            .prefetch_related(
                Prefetch("topics", queryset=Topic.objects.ordered()),
                Prefetch("regions", queryset=Region.objects.ordered()),
            )
            .fetch_mode(page_fetch_mode())
        )
        if language_code == settings.LANGUAGE_CODE:
            return qs
        return qs.annotate(
            stale_since=Subquery(
                StaleTranslation.objects.filter(
                    article=OuterRef("pk"),
                    field__in=StaleTranslation.columns_in(language_code),
                )
                .order_by("-since")
                .values("since")[:1]
            )
        )


class Article(NulFreeMixin, models.Model):
    type = models.ForeignKey(
        ArticleType,
        verbose_name=_("type"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    title = models.CharField(_("title"), max_length=300)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_(
            "The address under /policy-analysis/; proposed from the title when left empty."
        ),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One paragraph: the dek, meta description and card text."),
    )
    body = RichTextField(_("body"), blank=True)
    author_note = models.TextField(
        _("author note"),
        blank=True,
        help_text=_(
            "The line describing the authors as they were at publication; it does not follow later profile changes."
        ),
    )
    available = models.BooleanField(
        _("published in this language"),
        default=False,
        help_text=_(
            "Readers see this language version only when this is ticked and the article is published."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(
        _("publication date"), null=True, blank=True, db_index=True
    )
    first_published_at = models.DateTimeField(
        _("first published"), null=True, blank=True, editable=False
    )
    live_from = models.DateTimeField(
        _("goes live in this language at"),
        null=True,
        blank=True,
        help_text=_(
            "Empty: with the article. Otherwise readers of this language see it "
            "from this moment (set by the workflow's “Publish the … version”)."
        ),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish at"),
        null=True,
        blank=True,
        help_text=_(
            "Readers stop seeing the article at this moment (a scheduled unpublication); "
            "the scheduled task then archives it."
        ),
    )
    featured = models.BooleanField(
        _("Feature on the home page"),
        default=False,
        help_text=_(
            "The home page features the newest featured article live in the "
            "reader's language; without one, the newest report."
        ),
    )

    authors = models.ManyToManyField(
        Expert,
        through="Authorship",
        verbose_name=_("authors"),
        related_name="articles",
        blank=True,
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), related_name="articles", blank=True
    )
    regions = models.ManyToManyField(
        Region, verbose_name=_("regions"), related_name="articles", blank=True
    )
    recommendations = models.ManyToManyField(
        "self",
        through="Recommendation",
        through_fields=("article", "recommended"),
        symmetrical=False,
        verbose_name=_("recommended articles"),
        related_name="recommended_by",
        blank=True,
    )

    lead_image = models.ForeignKey(
        Image,
        verbose_name=_("lead image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lead_image_articles",
        help_text=_(
            "An image of the library (its focal point is set there). The alt "
            "text, caption and credit below are this article's; left empty, "
            "the image's own are used."
        ),
    )
    lead_image_decorative = models.BooleanField(
        _("the lead image is decorative"),
        default=False,
        help_text=_(
            "Tick only if the image adds no information: it then needs no alt text."
        ),
    )
    lead_image_alt = models.CharField(
        _("lead image alt text"), max_length=300, blank=True
    )
    lead_image_caption = models.CharField(
        _("lead image caption"), max_length=500, blank=True
    )
    lead_image_credit = models.CharField(
        _("lead image credit"), max_length=200, blank=True
    )

    # Series: PolicyWatch 3745, Policy Note 79.
    series = models.CharField(
        _("series"),
        max_length=80,
        blank=True,
        help_text=_('e.g. "PolicyWatch", "Policy Note".'),
    )
    series_number = models.PositiveIntegerField(
        _("number in series"), null=True, blank=True
    )
    series_label = models.CharField(
        _("series label"),
        max_length=80,
        blank=True,
        help_text=_('An optional sub-type shown with the type, e.g. "Policy Alert".'),
    )
    # Op-eds appear first in an outside outlet.
    outlet_name = models.CharField(_("outlet"), max_length=120, blank=True)
    outlet_url = models.URLField(_("outlet URL"), max_length=500, blank=True)
    outlet_date_text = models.CharField(
        _("outlet date"),
        max_length=80,
        blank=True,
        help_text=_('As the outlet prints it, e.g. "March–April 2022".'),
    )
    # Testimony.
    venue = models.CharField(
        _("venue"),
        max_length=300,
        blank=True,
        help_text=_("Committee and subcommittee."),
    )
    hearing_date = models.DateField(_("hearing date"), null=True, blank=True)
    # Reports.
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    pdf = models.ForeignKey(
        Document,
        verbose_name=_("PDF"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_articles",
        help_text=_(
            "A document of the library; the page count is read from it. The "
            "report's PDF address stays the same when the document is replaced."
        ),
    )

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    deleted_at = models.DateTimeField(
        _("moved to the trash"), null=True, blank=True, editable=False, db_index=True
    )

    # Trashed articles are hidden everywhere but the trash (history.trash).
    objects = UntrashedManager.from_queryset(ArticleQuerySet)()
    all_objects = ArticleQuerySet.as_manager()

    # What a revision keeps (history.options). Only the workflow's
    # transitions change the status, dates and published languages; edits of
    # a published or scheduled article wait as an unpublished change.
    revision_options = RevisionOptions(
        relations={
            "authorships": Ordered(
                "authorships",
                "expert_id",
                _("authors, in byline order"),
                extra=("frozen",),
            ),
            "recommendations": Ordered(
                "recommendation_links",
                "recommended_id",
                _("recommended articles, in order"),
                not_self=True,
            ),
            "topics": ManyToMany(_("topics")),
            "regions": ManyToMany(_("regions")),
        },
        not_restored=frozenset(
            {
                "status",
                "published_at",
                "first_published_at",
                "unpublish_at",
                *localized_fields("available"),
                *localized_fields("live_from"),
            }
        ),
        moderated=True,
    )

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-pk"]
        indexes = [
            # What lists, counts and the admin's filters ask of the archive,
            # in one index of the rows not in the trash: a count of live
            # work, of a type or in a status reads the index alone
            # (PostgreSQL's index-only scan), never the articles' text.
            models.Index(
                fields=[
                    "published_at",
                    "status",
                    "type",
                    *localized_fields("available"),
                    # The rest of the live rule (``live_q()``): its other moments.
                    "unpublish_at",
                    *localized_fields("live_from"),
                ],
                condition=Q(deleted_at__isnull=True),
                name="article_not_trashed_idx",
            ),
            # The archive newest first, ties by id (the lists' and the admin's
            # order), read in order: without the id the admin's first page, the
            # undated drafts, was sorted whole.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(deleted_at__isnull=True),
                name="article_newest_idx",
            ),
            # The next moment pages change by themselves (the page cache asks
            # on every change): the few rows that have such a moment.
            # The newest featured article (the home page): the few featured
            # rows, newest first.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(featured=True, deleted_at__isnull=True),
                name="article_featured_idx",
            ),
            models.Index(
                fields=["unpublish_at"],
                condition=Q(unpublish_at__isnull=False),
                name="article_unpublish_idx",
            ),
            *(
                models.Index(
                    fields=[column],
                    condition=Q(**{f"{column}__isnull": False}),
                    name=f"article_{column}_idx",
                )
                for column in localized_fields("live_from")
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=VISIBLE_STATUSES)
                | Q(published_at__isnull=False),
                name="article_published_has_date",
                violation_error_message=_(
                    "A published or scheduled article needs a publication date."
                ),
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True)
                | Q(published_at__isnull=True)
                | Q(unpublish_at__gt=models.F("published_at")),
                name="article_unpublish_after_publication",
                violation_error_message=_(
                    "The unpublication must come after the publication date."
                ),
            ),
        ]

    def __str__(self):
        return (
            self.title
            or in_default_language(self, "title")
            or in_default_language(self, "slug")
            or f"#{self.pk}"
        )

    def save(self, *args, **kwargs):
        self.propose_missing_slugs()
        # ``self.slug`` writes the active language's column: under Arabic it
        # would overwrite slug_ar with the English slug.
        with translation.override(default_language()):
            self.slug = in_default_language(self, "slug")
        self.note_first_publication()
        if self.pdf_id is not None and self.pdf.page_count:
            # The report's length is the document's (read from the file).
            self.page_count = self.pdf.page_count
        stored_urls = self._stored_live_urls()
        # The untranslated columns (``slug`` is unique) hold the default
        # language's values, whichever language is active (an Arabic request).
        with translation.override(settings.LANGUAGE_CODE):
            super().save(*args, **kwargs)
        # A published address that changed keeps answering (core.redirects).
        record_moves(
            stored_urls,
            {
                code: self.url_in(code)
                for code in stored_urls
                if getattr(self, localized("slug", code))
            },
        )
        update_search_vectors([self.pk])

    def get_absolute_url(self):
        """This article's address in the active language (or English if it has no slug there)."""
        language = translation.get_language() or settings.LANGUAGE_CODE
        if not getattr(self, localized("slug", language), None):
            language = settings.LANGUAGE_CODE
        return self.url_in(language)

    @property
    def default_title(self):
        """The title in the default language, whichever language is active (the editors' lists)."""
        return in_default_language(self, "title")

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        # What readers could see as loaded: a change away from it is public too.
        instance._loaded_status = instance.__dict__.get("status")
        return instance

    def propose_missing_slugs(self):
        """Give each language that has a title but no slug the slug proposed from its title."""
        for code in language_codes():
            slug_field, title_field = localized("slug", code), localized("title", code)
            if not getattr(self, slug_field) and getattr(self, title_field):
                setattr(self, slug_field, propose_slug(getattr(self, title_field)))

    def clean(self):
        super().clean()
        errors = {}
        self.propose_missing_slugs()
        for code in language_codes():
            slug_field = localized("slug", code)
            owner = slug_owner(getattr(self, slug_field), code, exclude=self)
            if owner is not None:
                errors[slug_field] = _("This address is already used by %(owner)s.") % {
                    "owner": describe(owner)
                }
        errors.update(self.publication_errors())
        if errors:
            raise ValidationError(errors)

    def language_errors(self, language_code) -> dict:
        """
        What the ``language_code`` version lacks to be published, by field:
        its title, summary and body, and the lead image's alt text.
        """
        errors = {}
        missing = [
            str(self._meta.get_field(localized(name, language_code)).verbose_name)
            for name in ("title", "summary", "body")
            if not getattr(self, localized(name, language_code))
        ]
        if missing:
            errors[localized("available", language_code)] = _(
                "To publish this language version, fill in: %(fields)s."
            ) % {"fields": ", ".join(missing)}
        alt = localized("lead_image_alt", language_code)
        if (
            self.lead_image_id
            and not self.lead_image_decorative
            and not (getattr(self, alt) or "").strip()
            and not self.lead_image.decorative
            and not (
                getattr(self.lead_image, localized("alt", language_code)) or ""
            ).strip()
        ):
            errors[alt] = _(
                "Describe the lead image for readers who cannot see it "
                "(alt text), or tick “the lead image is decorative”."
            )
        return errors

    def publication_errors(self, *, authors: int | None = None) -> dict:
        """
        The publication rules, by field: what keeps this article from being in
        its status with the languages it is published in. The admin's form
        (through ``clean()``), the workflow's transitions and the importer all
        apply them, so that whatever is published exports and imports again.

        ``authors`` is how many authors the article will have; None leaves
        out the rule that an approved, scheduled or published article needs
        one. ``clean()`` cannot know (the admin saves the authors of its
        inline after the article), and the importer accepts articles without
        a byline (an institute's older statements); the workflow's
        transitions and the admin's author inline apply it.
        """
        errors = {}
        for code in language_codes():
            if code == settings.LANGUAGE_CODE or self.is_published_in(code):
                problems = self.language_errors(code)
                if not self.is_published_in(code):
                    # Unpublished, the default language still describes the image.
                    problems.pop(localized("available", code), None)
                errors.update(problems)
        if self.status in VISIBLE_STATUSES and not self.published_at:
            errors["published_at"] = _(
                "A published or scheduled article needs a publication date."
            )
        if (
            self.unpublish_at
            and self.published_at
            and self.unpublish_at <= self.published_at
        ):
            errors["unpublish_at"] = _(
                "The unpublication must come after the publication date."
            )
        for code in language_codes():
            column = localized("live_from", code)
            if getattr(self, column, None) and not self.is_published_in(code):
                errors[column] = _(
                    "A publication time for a language needs that language version published."
                )
        if authors == 0 and self.status in AUTHORED_STATUSES:
            errors["authors"] = _(
                "An approved, scheduled or published article needs at least one author."
            )
        return errors

    def _stored_live_urls(self) -> dict[str, str]:
        """``{code: address}`` of the stored row in each language readers could see it in."""
        if self.pk is None:
            return {}
        stored = (
            Article._base_manager.filter(pk=self.pk)
            .only(*live_fields(), *localized_fields("slug"))
            .first()
        )
        if stored is None:
            return {}
        urls = {}
        for code in stored.live_languages():
            if slug := getattr(stored, localized("slug", code)):
                with translation.override(code):
                    urls[code] = reverse("policy_analysis", args=[slug])
        return urls

    def body_links_to(self, url: str) -> bool:
        """Does the body, in the active language, link to ``url`` already (an op-ed's own "read it in…" line)?"""
        return bool(url) and f'href="{escape(url)}"' in (self.body or "")

    def library_values(self, field_name: str) -> dict:
        """What a file uploaded in this article's form starts with in the library (its title)."""
        if field_name == "pdf" and self.series and self.series_number:
            # Readers download it as policy-note-79.pdf.
            return {"title": f"{self.series} {self.series_number}"}
        title = in_default_language(self, "title") or ""
        return {"title": title} if title else {}

    def lead_image_says(self, name: str) -> str:
        """
        The lead image's ``alt``, ``caption`` or ``credit`` on this article, in
        the active language: the article's own, else the library image's.
        """
        own = getattr(self, f"lead_image_{name}") or ""
        if own or not self.lead_image_id:
            return own
        return getattr(self.lead_image, name) or ""

    @property
    def lead_image_is_decorative(self) -> bool:
        """Ticked on the article, or on the library image."""
        return bool(
            self.lead_image_decorative
            or (self.lead_image_id and self.lead_image.decorative)
        )

    def get_pdf_url(self):
        """The report PDF's stable address: it always leads to the current file."""
        return self.get_absolute_url() + "/pdf"

    def url_in(self, language_code):
        """This article's address in ``language_code``."""
        return slug_url(
            "policy_analysis",
            getattr(self, localized("slug", language_code)),
            language_code,
        )

    def note_first_publication(self) -> bool:
        """
        The first-publication rule: the first time the article is published or
        scheduled with a publication date, that date becomes its
        ``first_published_at``, kept ever after (its bylines freeze then:
        ``articles.bylines``). Nothing else sets it: ``save()`` applies the
        rule, so every save does (the admin's, the importer's, the workflow's
        transitions'); ``generate_content``, which writes with ``bulk_create``,
        calls it itself. Returns whether it set the date now.
        """
        if (
            self.first_published_at
            or self.status not in VISIBLE_STATUSES
            or not self.published_at
        ):
            return False
        self.first_published_at = self.published_at
        return True

    def publish_in(self, language_code, published: bool = True) -> str:
        """
        Publish (or withdraw) the ``language_code`` version: readers of that
        language see the article while it is published, too (``live_q()``).
        The one way the workflow's transitions, the importer and
        ``generate_content`` set ``available_<code>``; what a version needs to
        be published is ``language_errors()``. Returns the column, to save.
        """
        column = localized("available", language_code)
        setattr(self, column, published)
        return column

    def is_published_in(self, language_code):
        """Has the editor published the ``language_code`` version?"""
        return bool(getattr(self, localized("available", language_code), False))

    @property
    def languages(self):
        """Codes of the languages this article is published in, in site order."""
        return [code for code in language_codes() if self.is_published_in(code)]

    def live_from_in(self, language_code):
        """The moment the ``language_code`` version goes live (its own, or the article's)."""
        own = getattr(self, localized("live_from", language_code), None)
        if own is not None and self.published_at is not None:
            return max(own, self.published_at)
        return own or self.published_at

    def is_live_in(self, language_code) -> bool:
        """``live_q()`` applied to this row as it is in memory: do readers of ``language_code`` see it now?"""
        own = getattr(self, localized("live_from", language_code), None)
        return (
            self.is_published
            and self.is_published_in(language_code)
            and (own is None or own <= timezone.now())
            and self.deleted_at is None
        )

    def live_languages(self) -> list[str]:
        """The languages readers see this article in now (none while it is trashed or unpublished)."""
        return [code for code in language_codes() if self.is_live_in(code)]

    def affects_public_pages(self) -> bool:
        """Could a change of this row alter a public page? (Is or was it visible.)"""
        return (
            self.status in VISIBLE_STATUSES
            or self.__dict__.get("_loaded_status") in VISIBLE_STATUSES
        )

    def changes_need_review(self) -> bool:
        """
        Do edits of this article wait as an unpublished change (history)? Yes
        when it is published or scheduled, judged on the row as stored: only
        the workflow's transitions change the status.
        """
        stored = type(self)._base_manager.filter(pk=self.pk)
        return stored.values_list("status", flat=True).first() in VISIBLE_STATUSES

    @property
    def is_published(self):
        """Published (or scheduled) and the date has come, as ``published()`` selects (language aside)."""
        now = timezone.now()
        return (
            self.status in VISIBLE_STATUSES
            and self.published_at is not None
            and self.published_at <= now
            and (self.unpublish_at is None or self.unpublish_at > now)
        )

    @property
    def is_outlet_work(self):
        """
        An op-ed an outside outlet published: the outlet's work, which citations
        and metadata attribute to the outlet, on the outlet's date.
        """
        return self.type.kind == TypeKind.OP_ED and bool(self.outlet_name)

    @property
    def original_url(self):
        """The op-ed's address on its outlet's site, its canonical address; "" for work published here."""
        return self.outlet_url if self.type.kind == TypeKind.OP_ED else ""

    def byline(self):
        """The authorships in the editor's order (prefetched by ``for_listing()``)."""
        return sorted(self.authorships.all(), key=lambda a: (a.order, a.pk))


class Authorship(NulFreeMixin, models.Model):
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="authorships",
    )
    expert = models.ForeignKey(
        Expert,
        verbose_name=_("expert"),
        on_delete=models.PROTECT,
        related_name="authorships",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # The author as they were at the article's first publication, per
    # language: {"en": {"name", "titles", "short_bio"}, …, "sort_name"}
    # (articles.bylines). Citations use it; "About the authors" stays live.
    frozen = models.JSONField(
        _("byline at first publication"), default=dict, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "expert"], name="authorship_unique_expert"
            )
        ]

    def __str__(self):
        return str(self.expert)

    def affects_public_pages(self) -> bool:
        """Only the article's own visibility decides (a draft's byline shows nowhere)."""
        return self.article.affects_public_pages()


class Recommendation(models.Model):
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="recommendation_links",
    )
    recommended = models.ForeignKey(
        Article,
        verbose_name=_("recommended article"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "recommended"], name="recommendation_unique"
            ),
            models.CheckConstraint(
                condition=~Q(article=models.F("recommended")),
                name="recommendation_not_self",
                violation_error_message=_("An article cannot recommend itself."),
            ),
        ]

    def __str__(self):
        return str(self.recommended)

    def affects_public_pages(self) -> bool:
        """Only the article's own visibility decides (a draft's byline shows nowhere)."""
        return self.article.affects_public_pages()


class RelatedArticle(models.Model):
    """
    A candidate of an article's automatic "Recommended" fill-up in one
    language, scored ahead of time (``articles.rails``).
    """

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="related_entries"
    )
    language = models.CharField(max_length=10)
    # No database constraint: an entry may outlive its article until the
    # refresh that follows the deletion takes it out (and refills the list).
    related = models.ForeignKey(
        Article,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    score = models.PositiveSmallIntegerField()
    related_published_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language", "related"],
                name="related_article_unique",
            )
        ]

    def __str__(self):
        return f"{self.article_id} → {self.related_id} ({self.language}, {self.score})"


class ArticleSearchEntry(models.Model):
    """
    An article's full-text document in one language: title (weight A),
    subtitle and summary (B), body (C), authors' and terms' names (D), as
    ``articles.search_index`` builds it. One row per article and language it
    has a title in; a language added later needs rows, not columns.

    PostgreSQL only (``required_db_vendor``): SQLite has no table and
    searches the articles' text directly (``articles.search``).
    """

    # The deletion collector never looks for entries (SQLite has no table
    # for them): the index drops an article's entries as the article goes
    # (``articles.search_index``, after ``post_delete``; the constraint is
    # checked at commit).
    article = models.ForeignKey(
        Article, on_delete=models.DO_NOTHING, related_name="search_entries"
    )
    language = models.CharField(max_length=10)
    document = SearchVectorField()

    class Meta:
        required_db_vendor = "postgresql"
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="article_search_entry_unique"
            )
        ]
        indexes = [GinIndex(fields=["document"], name="article_search_document")]

    def __str__(self):
        return f"{self.article_id} ({self.language})"


class StaleTranslationQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("article").order_by("-since", "pk")


class StaleTranslation(models.Model):
    """The Arabic ``field`` of ``article`` predates a change of its English text."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="stale_translations",
    )
    field = models.CharField(_("field"), max_length=40)
    #: The English text the translation was made from.
    english_then = models.TextField(blank=True)
    since = models.DateTimeField(_("English changed on"))

    objects = StaleTranslationQuerySet.as_manager()

    class Meta:
        verbose_name = _("stale translation")
        verbose_name_plural = _("stale translations")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "field"], name="stale_translation_unique"
            )
        ]

    def __str__(self):
        return f"{self.article_id}: {self.field}"

    @staticmethod
    def columns_in(language_code) -> list[str]:
        """The columns of ``language_code`` a mark may name: the article's translated fields there."""
        return [
            field.name
            for field in Article._meta.fields
            if hasattr(field, "translated_field") and field.language == language_code
        ]


class ArticleSearchText(models.Model):
    """
    An article's searchable text in one language on SQLite: a row of the FTS5
    table ``articles.search_sqlite`` describes (title, summary, body, names,
    already normalised). The table is virtual, so Django does not manage it:
    migration 0016 creates it on SQLite, ``articles.search_index`` writes it.
    The model lets searches join it (``document__match``, ``rank``).
    """

    id = models.IntegerField(primary_key=True, db_column="rowid")
    article = models.ForeignKey(
        Article,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="search_texts",
    )
    language = models.CharField(max_length=10)
    title = models.TextField()
    summary = models.TextField()
    body = models.TextField()
    names = models.TextField()
    #: FTS5's hidden column named after the table: ``document__match=…``.
    document = search_sqlite.MatchField(db_column=search_sqlite.TABLE)
    #: BM25 with the parts' weights (lower is better), in a ``MATCH`` query only.
    rank = models.FloatField(db_column="rank")

    class Meta:
        managed = False
        db_table = search_sqlite.TABLE
        required_db_vendor = "sqlite"
        verbose_name = _("search text")
        verbose_name_plural = _("search texts")

    def __str__(self):
        return f"{self.article_id} ({self.language})"
