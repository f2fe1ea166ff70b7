from copy import deepcopy

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy as _

from articles import staleness
from articles.bylines import freeze as freeze_bylines
from articles.models import (
    Article,
    ArticleType,
    Authorship,
    Recommendation,
    StaleTranslation,
    TypeKind,
)
from articles.search import admin_matches
from articles.search_index import update_search_vectors
from core.admin import BilingualAdmin, ProposedSlugForm, language_attrs
from core.admin_filters import year_filter
from core.admin_pager import BoundedCountAdminMixin
from core.i18n import (
    default_language,
    in_default_language,
    language_codes,
    localized,
    localized_fields,
    other_language_codes,
)
from experts.models import Expert
from history.diff import highlight
from library.admin import LibraryChoicesAdminMixin
from taxonomy.forms import terms_in_tree_order
from taxonomy.models import Region


@admin.register(ArticleType)
class ArticleTypeAdmin(BilingualAdmin):
    list_display = [
        *localized_fields("name"),
        *localized_fields("plural"),
        "kind",
        "sort_order",
    ]
    list_editable = ["sort_order"]
    list_filter = ["kind"]
    search_fields = [*localized_fields("name"), "slug"]
    prepopulated_fields = {"slug": [localized("name", default_language())]}
    fields = ["name", "plural", "slug", "kind", "sort_order"]


class AuthorshipFormSet(BaseInlineFormSet):
    """Refuses to take the last author off an approved, scheduled or published article."""

    def clean(self):
        super().clean()
        if any(self.errors) or not self.initial_form_count():
            return
        authors = sum(
            1
            for form in self.forms
            if not (self.can_delete and self._should_delete_form(form))
            and (form.cleaned_data.get("expert") or form.instance.expert_id)
        )
        problem = self.instance.publication_errors(authors=authors).get("authors")
        if problem:
            raise ValidationError(problem, code="no_author")


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    formset = AuthorshipFormSet
    fields = ["order", "expert"]
    autocomplete_fields = ["expert"]
    extra = 1
    # Moved by hand (ordering.js): up and down buttons and drag; the order
    # inputs stay, and are what the form saves.
    classes = ["tt-ordered"]
    verbose_name = _("author")

    class Media:
        js = ["admin/thinktank/ordering.js"]

    verbose_name_plural = _("authors, in byline order")


def is_autocomplete_for(request, model, field_name):
    """Is ``request`` the admin's autocomplete for the field ``field_name`` of ``model``?"""
    match = request.resolver_match
    return (
        match is not None
        and match.url_name == "autocomplete"
        and request.GET.get("app_label") == model._meta.app_label
        and request.GET.get("model_name") == model._meta.model_name
        and request.GET.get("field_name") == field_name
    )


class RecommendationInline(admin.TabularInline):
    """
    The editor's picks for the "Recommended" rail. The choices are the ones
    the autocomplete offers (``ArticleAdmin.recommendable()``), plus the
    article's current picks: an id typed into the form is refused, and its
    title never shown, unless this user may recommend it.
    """

    model = Recommendation
    fk_name = "article"
    fields = ["order", "recommended"]
    autocomplete_fields = ["recommended"]
    extra = 1
    classes = ["tt-ordered"]
    verbose_name_plural = _("recommended articles, in order")

    class Media:
        js = ["admin/thinktank/ordering.js"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        field = formset.form.base_fields.get("recommended")
        if field is not None:
            choices = self.admin_site.get_model_admin(Article).recommendable(request)
            if obj is not None and obj.pk:
                # A pick made by someone else stays, so the form saves as it is.
                choices = choices | Article.objects.filter(
                    pk__in=obj.recommendation_links.values("recommended")
                )
            field.queryset = choices
            field.error_messages["invalid_choice"] = _(
                "Choose a published article, or one you can open here."
            )
        return formset


class PublishedInFilter(admin.SimpleListFilter):
    """Articles by the language versions the editors have published (``available_<code>``)."""

    title = _("published in")
    parameter_name = "published_in"

    def lookups(self, request, model_admin):
        names = dict(settings.LANGUAGES)
        return [
            *((code, names[code]) for code in language_codes()),
            ("none", _("no language yet")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(
                **{localized("available", code): False for code in language_codes()}
            )
        if self.value() in language_codes():
            return queryset.for_language(self.value())
        return queryset


class StaleTranslationFilter(admin.SimpleListFilter):
    """Articles with a translated field older than its English source."""

    title = _("translation")
    parameter_name = "stale_translation"

    def lookups(self, request, model_admin):
        return [("yes", _("out of date"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(
                Exists(StaleTranslation.objects.filter(article=OuterRef("pk")))
            )
        return queryset


class TreeChoices(BaseChoiceIterator):
    """A tree's (id, indented name) pairs, read (one query) when first drawn."""

    def __init__(self, model):
        self.model = model

    def __iter__(self):
        if not hasattr(self, "pairs"):
            self.pairs = [
                (term.pk, "\u00a0" * 4 * depth + str(term))
                for term, depth in terms_in_tree_order(self.model, children=False)
            ]
        return iter(self.pairs)


class TreeMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Terms of a tree, each under its parent and indented by its depth."""

    def _get_choices(self):
        return TreeChoices(self.queryset.model)

    choices = property(_get_choices, forms.ChoiceField.choices.fset)


class AuthorFilter(admin.SimpleListFilter):
    """Articles by one author: the experts who have a byline, by name (one query)."""

    title = _("author")
    parameter_name = "author"

    def lookups(self, request, model_admin):
        name = localized("name", default_language())
        return list(
            Expert.all_objects.filter(
                Exists(Authorship.objects.filter(expert=OuterRef("pk")))
            )
            .order_by(name, "pk")
            .values_list("pk", name)
        )

    def queryset(self, request, queryset):
        if (value := self.value()) and value.isdigit():
            return queryset.filter(
                pk__in=Authorship.objects.filter(expert_id=value).values("article_id")
            )
        return queryset


class RegionFilter(admin.SimpleListFilter):
    """Articles in a region or its sub-regions; the regions indented under their parent."""

    title = _("region")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        self.terms = terms_in_tree_order(Region)
        return [
            (str(term.pk), "\u00a0" * 4 * depth + str(term))
            for term, depth in self.terms
        ]

    def queryset(self, request, queryset):
        value = self.value()
        for term, _depth in getattr(self, "terms", []):
            if str(term.pk) == value:
                return queryset.in_region(term)
        return queryset


class OwnerFilter(admin.SimpleListFilter):
    """Articles by who created them: the staff, by name (one query)."""

    title = _("owner")
    parameter_name = "owner"

    def lookups(self, request, model_admin):
        users = get_user_model().objects.filter(is_staff=True).order_by("username")
        return [
            ("me", _("Mine")),
            *(
                (str(user.pk), user.get_full_name() or user.get_username())
                for user in users
            ),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "me":
            return queryset.filter(created_by=request.user)
        if value and value.isdigit():
            return queryset.filter(created_by_id=value)
        return queryset


class NeedsTranslationFilter(admin.SimpleListFilter):
    """
    Articles whose translation into a language needs work: no title there yet,
    or a translated field older than its English source.
    """

    title = _("needs translation")
    parameter_name = "needs_translation"

    def lookups(self, request, model_admin):
        names = dict(settings.LANGUAGES)
        return [(code, names[code]) for code in other_language_codes()]

    def queryset(self, request, queryset):
        code = self.value()
        if code not in other_language_codes():
            return queryset
        title = localized("title", code)
        stale = StaleTranslation.objects.filter(
            article=OuterRef("pk"), field__in=StaleTranslation.columns_in(code)
        )
        return queryset.filter(
            Q(**{f"{title}__isnull": True}) | Q(**{title: ""}) | Q(Exists(stale))
        )


def _stale_label(article, name):
    """``Summary (AR)``: a translated column named by its field and language."""
    field = article._meta.get_field(name)
    return f"{capfirst(field.translated_field.verbose_name)} ({field.language.upper()})"


class ArticleForm(ProposedSlugForm):
    slug_sources = {
        localized("slug", code): localized("title", code) for code in language_codes()
    }


# Fieldsets that only some types of article use, by kind: the ones for the
# article's own kind are open, the others collapsed.
TYPE_FIELDSETS = {
    "type-series": (TypeKind.ANALYSIS, TypeKind.REPORT),
    "type-outlet": (TypeKind.OP_ED,),
    "type-testimony": (TypeKind.TESTIMONY,),
    "type-report": (TypeKind.REPORT,),
}


class ArticleAdminMixin(LibraryChoicesAdminMixin, BoundedCountAdminMixin):
    """
    The article admin's own part: its form, lists, filters, inlines and save
    hooks. The project composes it with history's revisions, conflicts and
    trash and the workflow's transitions (``thinktank.admin.ArticleAdmin``),
    and registers the result; its methods come first in that class.
    """

    form = ArticleForm
    list_display = [
        "headline",
        "type",
        "status",
        "published_at",
        "published_languages",
        "byline",
    ]
    list_display_links = ["headline"]
    list_filter = [
        "status",
        "featured",
        "type",
        PublishedInFilter,
        "topics",
        RegionFilter,
        AuthorFilter,
        OwnerFilter,
        NeedsTranslationFilter,
        StaleTranslationFilter,
        # Not date_hierarchy: it sorts the distinct years of the whole archive.
        year_filter("published_at", _("year published")),
    ]
    list_select_related = ["type"]
    search_fields = [*localized_fields("title"), *localized_fields("slug")]
    # A filtered list counts its matches; the archive's total is not counted again.
    show_full_result_count = False
    autocomplete_fields = ["topics"]
    prepopulated_fields = {
        localized("slug", default_language()): [localized("title", default_language())]
    }
    readonly_fields = [
        "first_published_at",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    ]
    inlines = [AuthorshipInline, RecommendationInline]
    fieldsets = [
        (
            None,
            {"fields": ["type", "title", "subtitle", "slug", "summary", "body"]},
        ),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "available",
                    "live_from",
                    "unpublish_at",
                    "featured",
                    "author_note",
                ]
            },
        ),
        (_("Topics and regions"), {"fields": ["topics", "regions"]}),
        (
            _("Lead image"),
            {
                "classes": ["collapse"],
                "fields": [
                    "lead_image",
                    "lead_image_decorative",
                    "lead_image_alt",
                    "lead_image_caption",
                    "lead_image_credit",
                ],
            },
        ),
        (
            _("Series"),
            {
                "classes": ["type-series"],
                "fields": ["series", "series_number", "series_label"],
            },
        ),
        (
            _("Op-ed: the outside outlet"),
            {
                "classes": ["type-outlet"],
                "fields": ["outlet_name", "outlet_url", "outlet_date_text"],
            },
        ),
        (
            _("Testimony"),
            {"classes": ["type-testimony"], "fields": ["venue", "hearing_date"]},
        ),
        (_("Report"), {"classes": ["type-report"], "fields": ["page_count", "pdf"]}),
        (
            _("Record"),
            {
                "classes": ["collapse"],
                "fields": [
                    "first_published_at",
                    ("created_at", "created_by"),
                    ("updated_at", "updated_by"),
                ],
            },
        ),
    ]

    def get_queryset(self, request):
        # The list's cards' relations, loaded at once; the change form reads
        # one record's other relations (who updated it) as Django does: the
        # public pages' fetch mode (core.fetching) is not the admin's.
        return super().get_queryset(request).for_listing().fetch_mode(models.FETCH_ONE)

    def recommendable(self, request):
        """
        What this user may recommend: live work, and the articles they may
        see here (a contributor, their own). The autocomplete offers these;
        the recommendations inline accepts only these.
        """
        return Article.objects.filter(
            Q(pk__in=Article.objects.live_in_any_language().values("pk"))
            | Q(pk__in=self.get_queryset(request).values("pk"))
        )

    def get_search_results(self, request, queryset, search_term):
        """
        Titles, slugs, summaries, bodies and authors' names in every language
        (``articles.search.admin_matches``: indexed reads, no duplicates).
        """
        if is_autocomplete_for(request, Recommendation, "recommended"):
            queryset = self.recommendable(request)
        if not search_term.strip():
            return queryset, False
        # The change list shows its rows up to a window of pages
        # (``BoundedPaginator``): only the first matches of that window are
        # read, in the list's order.
        first = self.window_rows(request)
        return (
            queryset.filter(pk__in=admin_matches(search_term, queryset, first=first)),
            False,
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "regions":
            # Regions are few: a list of boxes, each under its parent,
            # rather than a search that shows none of the tree.
            kwargs["form_class"] = TreeMultipleChoiceField
            kwargs["widget"] = forms.CheckboxSelectMultiple(attrs={"class": "tt-tree"})
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        kind = obj.type.kind if obj is not None else None
        fieldsets = deepcopy(super().get_fieldsets(request, obj))
        for _name, options in fieldsets:
            classes = list(options.get("classes", []))
            for group in TYPE_FIELDSETS.keys() & set(classes):
                if kind not in TYPE_FIELDSETS[group]:
                    classes.append("collapse")
            options["classes"] = classes
        return fieldsets

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def changed(self, request, obj):
        super().changed(request, obj)
        # The byline as saved with the article (once it is published).
        freeze_bylines(obj)
        # Authors and terms are saved after the article: index their names now.
        update_search_vectors([obj.pk])

    # Stale translations ------------------------------------------------------

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if obj is not None and obj.pk:
            context["stale_translations"] = self._stale_rows(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _stale_rows(self, obj):
        return [
            {
                "stale": stale,
                "label": _stale_label(obj, stale.field),
                "diff": highlight(stale.english_then, staleness.english_now(stale)),
                "confirm_url": self._url("stale_confirm", obj.pk, stale.field),
            }
            for stale in StaleTranslation.objects.filter(article=obj).order_by("pk")
        ]

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/stale/<str:field>/confirm/",
                self.admin_site.admin_view(self.stale_confirm_view),
                name="{}_{}_stale_confirm".format(*info),
            ),
            *super().get_urls(),
        ]

    def stale_confirm_view(self, request, object_id, field):
        obj = self._viewable(request, object_id)
        if request.method != "POST" or not self.has_change_permission(request, obj):
            raise PermissionDenied
        staleness.confirm(obj, field)
        self.message_user(
            request,
            gettext("The translation was confirmed as still accurate."),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self._url("change", obj.pk))

    @admin.display(
        description=_("title"), ordering=localized("title", default_language())
    )
    def headline(self, obj):
        """The title in the default language, then its translations (each marked with its language)."""
        translations = [
            (attrs["lang"], attrs["dir"], title)
            for code in other_language_codes()
            if (title := getattr(obj, localized("title", code)))
            and (attrs := language_attrs(code))
        ]
        return format_html(
            "{}{}",
            in_default_language(obj, "title"),
            format_html_join(
                "",
                '<span class="tt-secondary" lang="{}" dir="{}">{}</span>',
                translations,
            ),
        )

    @admin.display(description=_("published in"))
    def published_languages(self, obj):
        return format_html(
            '<span class="tt-languages">{}</span>',
            " ".join(code.upper() for code in obj.languages) or "—",
        )

    @admin.display(description=_("authors"))
    def byline(self, obj):
        return format_html_join(", ", "{}", ((a.expert,) for a in obj.byline()))


@admin.register(StaleTranslation)
class StaleTranslationAdmin(admin.ModelAdmin):
    """
    The translators' list: every translation older than its English text, of
    the articles this user may edit.

    Who may edit which article is the rule of the article admin registered on
    the same site (its queryset, then ``has_change_permission()`` for each
    article): the list and its bulk action show and clear nothing more.
    """

    list_display = ["article_link", "field_label", "since", "english_change"]
    list_select_related = ["article"]
    date_hierarchy = "since"
    actions = ["confirm_still_accurate"]

    def article_admin(self):
        """The model admin of the articles the marks belong to."""
        return self.admin_site.get_model_admin(
            self.opts.get_field("article").related_model
        )

    def editable_articles(self, request):
        """Ids of the marked articles that this user may edit."""
        article_admin = self.article_admin()
        marked = (
            article_admin.get_queryset(request)
            .filter(Exists(StaleTranslation.objects.filter(article=OuterRef("pk"))))
            .prefetch_related(None)
        )
        return [
            article.pk
            for article in marked
            if article_admin.has_change_permission(request, article)
        ]

    def get_queryset(self, request):
        # The bulk action acts on this queryset too: it confirms nothing else.
        return (
            super()
            .get_queryset(request)
            .filter(
                article__deleted_at__isnull=True,
                article__in=self.editable_articles(request),
            )
            .for_listing()
        )

    def has_view_permission(self, request, obj=None):
        return self.article_admin().has_change_permission(request)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if not self.has_view_permission(request):
            return {}
        return actions

    @admin.action(description=_("Confirm still accurate"))
    def confirm_still_accurate(self, request, queryset):
        count = queryset.count()
        queryset.delete()
        self.message_user(
            request,
            gettext("%(count)d translations confirmed as still accurate.")
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.display(
        description=_("article"),
        ordering=f"article__{localized('title', default_language())}",
    )
    def article_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:articles_article_change", args=[obj.article_id]),
            obj.article,
        )

    @admin.display(description=_("field"))
    def field_label(self, obj):
        return _stale_label(obj.article, obj.field)

    @admin.display(description=_("English change since the translation"))
    def english_change(self, obj):
        return format_html(
            '<span class="tt-diff">{}</span>',
            highlight(obj.english_then, staleness.english_now(obj)),
        )
