"""
The workflow in the article admin (``thinktank.admin.ArticleAdmin`` mixes in ``WorkflowAdminMixin``),
and the admin of share links and the transition log.

Status and publication fields are read-only for everyone: only the
transitions (buttons on the change page, bulk actions on the list, both
Django's admin actions) change them, through ``workflow.services.perform``.
A button on the change page saves the edited form first, as Save would.
"""

import calendar as pycalendar
import copy
from datetime import UTC, date, datetime, time, timedelta

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import ActionLocation, helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _, ngettext

from articles.models import VISIBLE_STATUSES, Article
from core.i18n import language_codes, localized, localized_fields
from history import services as history, snapshot
from history.models import Revision, RevisionKind
from workflow import services, sharing
from workflow.models import ShareLink, Transition
from workflow.views import preview

BOTH = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]

#: Fields only transitions change.
PUBLICATION_FIELDS = ["status", "published_at", *localized_fields("available")]


class TransitionInput(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=_("Required to request changes; recorded with the transition."),
    )
    when = forms.DateTimeField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("To schedule: the moment readers will see it."),
    )


class ReadOnlyFieldErrors:
    """
    Model validation may object to a field this user cannot edit (publishing
    a language whose text a translator just emptied): show such errors at the
    top of the form instead of failing on a field the form lacks.
    """

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            kept = {}
            for field, messages_ in errors.error_dict.items():
                key = field if field in self.fields else NON_FIELD_ERRORS
                kept.setdefault(key, []).extend(messages_)
            errors = ValidationError(kept)
        super()._update_errors(errors)


class WorkflowActionForm(helpers.ActionForm, TransitionInput):
    """The admin's action form, with the inputs a transition may need (one line on the list)."""

    field_order = ["action", "comment", "when"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].widget = forms.TextInput(attrs={"size": 30})


def _transition_action(name, step):
    def action(modeladmin, request, queryset):
        return modeladmin.run_transition(request, queryset, name)

    action.__name__ = name
    action.short_description = step.label
    action.locations = BOTH
    return action


def _share_action(code):
    def action(modeladmin, request, queryset):
        return modeladmin.create_share_links(request, queryset, code)

    action.__name__ = f"share_{code}"
    action.short_description = services.interpolate_lazy(
        _("Create a share link (%(language)s)"), code
    )
    action.locations = [ActionLocation.CHANGE_FORM]
    return action


TRANSITION_ACTIONS = [
    _transition_action(name, step)
    for name, step in services.STEPS.items()
    if not step.needs_revision
]
SHARE_ACTIONS = [_share_action(code) for code in language_codes()]


class TransitionInline(admin.TabularInline):
    """The article's workflow log, newest first, read-only."""

    model = Transition
    fields = [
        "at",
        "actor_name",
        "step",
        "from_status",
        "to_status",
        "language",
        "comment",
    ]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    verbose_name_plural = _("workflow log")
    classes = ["collapse"]

    def get_queryset(self, request):
        return super().get_queryset(request).for_log()

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return True

    @admin.display(description=_("by"))
    def actor_name(self, obj):
        return obj.actor or _("system")

    @admin.display(description=_("transition"))
    def step(self, obj):
        return services.step_label(obj.name)


class UnpublishedChangesAdminMixin:
    """
    Edits of a published or scheduled article wait as an unpublished change
    (a pending revision, ``history``), built from the change form without
    writing the article, until an editor publishes it or discards it: the
    workflow's steps ``publish_changes`` and ``discard_changes``. Goes before
    history's admin mixins in the bases (it extends their save hooks).
    """

    # The form starts from the change, and says so -----------------------------

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if (
            obj is not None
            and request.method == "GET"
            and self._is_change_view(request)
        ):
            waiting = history.pending(obj)
            if waiting is not None:
                # The form starts from the unpublished change, not the live text.
                snapshot.overlay(obj, waiting.data)
        return obj

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        waiting = history.pending(obj) if obj is not None and obj.pk else None
        if waiting is not None:
            live = history.latest(obj)
            context["pending_change"] = {
                "revision": waiting,
                "compare_url": self._url("compare", obj.pk)
                + f"?a={live.pk if live else waiting.pk}&b={waiting.pk}",
                "publish_url": self._url("publish_pending", obj.pk, waiting.pk),
                "discard_url": self._url("discard_pending", obj.pk, waiting.pk),
                "can_publish": request.user.has_perm(
                    services.STEPS["publish_changes"].permission
                ),
                "relations": self._pending_relations(obj, waiting),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _pending_relations(self, obj, waiting):
        """Labels of the relations the change alters (the form shows the published ones)."""
        live = snapshot.take(obj)
        return [
            str(label)
            for name, label in snapshot.relation_labels(type(obj)).items()
            if name in live
            and [row[:2] if isinstance(row, list) else row for row in live[name]]
            != [
                row[:2] if isinstance(row, list) else row
                for row in waiting.data.get(name, [])
            ]
        ]

    # Saving: the edit of a live article is kept, not written -------------------

    def begin_edit(self, request, edit):
        edit.extra["moderated"] = history.is_moderated(edit.obj)
        if edit.extra["moderated"]:
            history.ensure_baseline(edit.obj, request.user)
        super().begin_edit(request, edit)

    def hold_edit(self, request, edit):
        if not edit.extra.get("moderated"):
            return super().hold_edit(request, edit)
        history.record_pending(edit.obj, edit.data, request.user, version=edit.version)
        self.message_user(
            request,
            _(
                "The article is published: your changes are kept as an "
                "unpublished change until an editor publishes them."
            ),
            messages.WARNING,
        )
        return True

    def has_restore_permission(self, request, obj):
        # A translator edits only the translated fields; a restore sets them all.
        return super().has_restore_permission(
            request, obj
        ) and not services.is_translator(request.user)

    # Publish or discard: the workflow's steps -----------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/<int:revision_id>/publish/",
                view(self.publish_changes_view),
                name="{}_{}_publish_pending".format(*info),
            ),
            path(
                "<path:object_id>/history/<int:revision_id>/discard/",
                view(self.discard_changes_view),
                name="{}_{}_discard_pending".format(*info),
            ),
            *super().get_urls(),
        ]

    def _on_change(self, request, object_id, revision_id, name, perform, done):
        permission = services.STEPS[name].permission
        if request.method != "POST" or not request.user.has_perm(permission):
            raise PermissionDenied
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        waiting = Revision.objects.of(article).filter(kind=RevisionKind.PENDING)
        revision = get_object_or_404(waiting, pk=revision_id)
        try:
            perform(revision, request.user)
        except services.TransitionError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)
        return HttpResponseRedirect(self._url("change", article.pk))

    def publish_changes_view(self, request, object_id, revision_id):
        """Publish the unpublished change shown on the change page."""
        return self._on_change(
            request,
            object_id,
            revision_id,
            "publish_changes",
            services.publish_changes,
            _("The change was published: readers see it now."),
        )

    def discard_changes_view(self, request, object_id, revision_id):
        """Discard the unpublished change shown on the change page."""
        return self._on_change(
            request,
            object_id,
            revision_id,
            "discard_changes",
            services.discard_changes,
            _("The unpublished change was discarded; it stays in the history."),
        )


class WorkflowAdminMixin:
    """Roles, read-only publication fields, transitions, preview, share links, calendar."""

    action_form = WorkflowActionForm
    actions = [*TRANSITION_ACTIONS, *SHARE_ACTIONS]

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["admin/workflow/workflow.css"]})

    change_form_template = "admin/articles/article/change_form.html"

    # Who sees and edits what ------------------------------------------------

    def get_queryset(self, request):
        return self.for_role(request, super().get_queryset(request))

    def for_role(self, request, queryset):
        """Editors and translators see every article; contributors their own."""
        user = request.user
        if services.is_editor(user) or services.is_translator(user):
            return queryset
        return queryset.filter(created_by=user)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (
            obj is None or services.can_see(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or services.can_edit(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or services.is_editor(request.user)
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), *PUBLICATION_FIELDS]
        if services.is_translator(request.user):
            # Translators change the other languages' text, nothing else.
            translated = set(self.translated_fields())
            editable = translated | {
                localized(field, code)
                for field in translated
                for code in language_codes()
                if code != settings.LANGUAGE_CODE
            }
            readonly += [
                field.name
                for field in Article._meta.get_fields()
                if getattr(field, "editable", False)
                and (field.concrete or field.many_to_many)
                and not field.auto_created
                and field.name not in editable
                and field.name not in readonly
            ]
        return readonly

    def translated_fields(self):
        from modeltranslation.translator import translator

        return translator.get_options_for_model(Article).fields

    def get_deleted_objects(self, objs, request):
        # An article's workflow log and share links go with it: they need no
        # permission of their own (nobody may delete them one by one).
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        perms_needed -= {
            str(model._meta.verbose_name) for model in (Transition, ShareLink)
        }
        return deleted, counts, perms_needed, protected

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (ReadOnlyFieldErrors, form), {})

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        if obj is not None:
            inlines.append(TransitionInline)
        return inlines

    def get_prepopulated_fields(self, request, obj=None):
        if services.is_translator(request.user):
            return {}
        return super().get_prepopulated_fields(request, obj)

    # Transitions -------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is not None and self._button_pressed(request):
            # A button on the change page submits the whole form: what was
            # typed is saved first, and a form with errors comes back with
            # them instead of the transition.
            refused = self._save_before_action(
                request, object_id, form_url, extra_context
            )
            if refused is not None:
                return refused
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _button_pressed(self, request):
        return (
            request.method == "POST"
            and f"{ActionLocation.CHANGE_FORM.value}-action" in request.POST
            and not {"_save", "_continue", "_addanother", "_saveasnew"}
            & set(request.POST)
        )

    def _save_before_action(self, request, object_id, form_url, extra_context):
        """
        Save the change form sent with an action button, if it changes anything.
        Returns the form's page when it has errors, else None (go on with the action).
        """
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_change_permission(request, obj):
            return None  # read-only: there is nothing to save
        if not self._form_changes(request, obj):
            return None
        saving = copy.copy(request)
        saving.POST = request.POST.copy()
        for name in list(saving.POST):
            if name.startswith(f"{ActionLocation.CHANGE_FORM.value}-"):
                del saving.POST[name]
        saving.POST["_continue"] = "1"  # back to this page, not to the list
        response = super().changeform_view(saving, object_id, form_url, extra_context)
        return None if response.status_code == 302 else response

    def _form_changes(self, request, obj):
        """Was the change form posted, and does it differ from ``obj`` (fields or inlines)?"""
        fieldsets = self.get_fieldsets(request, obj)
        form_class = self.get_form(
            request, obj, change=True, fields=flatten_fieldsets(fieldsets)
        )
        form = form_class(request.POST, request.FILES, instance=obj)
        if not any(form.add_prefix(name) in request.POST for name in form.fields):
            return False  # the action alone, posted without the form
        if form.has_changed():
            return True
        formsets, _inlines = self._create_formsets(request, obj, change=True)
        return any(formset.has_changed() for formset in formsets)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        user = request.user
        obj = None
        if action_location == ActionLocation.CHANGE_FORM:
            match = request.resolver_match
            object_id = match.kwargs.get("object_id") if match else None
            obj = self.get_object(request, object_id) if object_id else None
            if obj is None:
                return {}
        kept = {}
        for name, action in actions.items():
            if name in services.STEPS:
                if obj is None:
                    ok = user.has_perm(services.STEPS[name].permission)
                else:
                    ok = services.allowed(user, obj, name)
            elif name.startswith("share_"):
                ok = user.has_perm("workflow.add_sharelink")
            else:
                ok = True
            if ok:
                kept[name] = action
        return kept

    def _transition_input(self, request):
        prefix = (
            ActionLocation.CHANGE_FORM.value
            if f"{ActionLocation.CHANGE_FORM.value}-action" in request.POST
            else None
        )
        form = TransitionInput(request.POST, prefix=prefix)
        form.is_valid()
        return form.cleaned_data.get("comment", ""), form.cleaned_data.get("when")

    def run_transition(self, request, queryset, name):
        comment, when = self._transition_input(request)
        done, refused = 0, []
        for article in queryset:
            try:
                services.perform(
                    article, name, request.user, comment=comment, when=when
                )
                done += 1
            except services.TransitionError as error:
                refused.append(f"{article}: {error}")
        step = services.STEPS[name]
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(step)s: %(count)d article.",
                    "%(step)s: %(count)d articles.",
                    done,
                )
                % {"step": step.label, "count": done},
                messages.SUCCESS,
            )
        for message in refused:
            self.message_user(request, message, messages.ERROR)

    def create_share_links(self, request, queryset, code):
        if not request.user.has_perm("workflow.add_sharelink"):
            raise PermissionDenied
        for article in queryset:
            link = sharing.create_link(article, code, request.user)
            self.message_user(
                request,
                format_html(
                    _("Share link ({language}), valid until {expires}: {url}"),
                    language=code.upper(),
                    expires=timezone.localtime(link.expires_at).strftime(
                        "%Y-%m-%d %H:%M"
                    ),
                    url=request.build_absolute_uri(sharing.link_url(link)),
                ),
                messages.SUCCESS,
            )

    # Extra pages: preview and calendar --------------------------------------

    def get_urls(self):
        opts = self.opts
        info = opts.app_label, opts.model_name
        return [
            path(
                "calendar/",
                self.admin_site.admin_view(self.calendar_view),
                name="{}_{}_calendar".format(*info),
            ),
            path(
                "<path:object_id>/preview/<str:language>/",
                self.admin_site.admin_view(self.preview_view),
                name="{}_{}_preview".format(*info),
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id, language):
        if language not in language_codes():
            raise Http404
        article = self.get_object(request, object_id)
        if article is None or not self.has_view_permission(request, article):
            raise PermissionDenied
        return preview(request, article.pk, language)

    def calendar_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        try:
            month = datetime.strptime(request.GET.get("month", ""), "%Y-%m").date()
        except ValueError:
            month = today.replace(day=1)
        first_weekday, days = pycalendar.monthrange(month.year, month.month)
        last = month.replace(day=days)
        # December 9999 has no following month, January 1 no previous one.
        previous = None if month == date.min else (month - timedelta(days=1))
        following = None if last == date.max else last + timedelta(days=1)
        during = Q()
        if start := _midnight(month):
            during &= Q(published_at__gte=start)
        if end := _midnight(following):
            during &= Q(published_at__lt=end)
        articles = (
            self.for_role(request, Article.objects.all())
            .filter(during, status__in=VISIBLE_STATUSES)
            .order_by("published_at", "pk")
            .only("pk", *localized_fields("title"), "status", "published_at")
        )
        by_day = {}
        for article in articles:
            by_day.setdefault(timezone.localtime(article.published_at).day, []).append(
                article
            )
        weeks = []
        week = [None] * first_weekday
        for day in range(1, days + 1):
            week.append(
                {"date": month.replace(day=day), "articles": by_day.get(day, [])}
            )
            if len(week) == 7:
                weeks.append(week)
                week = []
        if week:
            weeks.append(week + [None] * (7 - len(week)))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Editorial calendar"),
            "month": month,
            "weeks": weeks,
            "weekdays": [date(2024, 1, d) for d in range(1, 8)],
            "previous": previous and f"{previous.year:04}-{previous.month:02}",
            "following": following and f"{following.year:04}-{following.month:02}",
            "today": today,
        }
        return TemplateResponse(
            request, "admin/articles/article/calendar.html", context
        )


def _midnight(day: date | None) -> datetime | None:
    """
    The moment ``day`` begins in the current time zone, or None when it
    cannot be stored: at the ends of the calendar (January 1 of year 1, or
    the day after December 31, 9999) the UTC moment is out of range.
    """
    if day is None:
        return None
    moment = timezone.make_aware(datetime.combine(day, time.min))
    try:
        moment.astimezone(UTC)
    except OverflowError:
        return None
    return moment


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = [
        "article",
        "language",
        "created_by",
        "created_at",
        "expires_at",
        "revoked_at",
        "openings_count",
    ]
    list_filter = ["language"]
    list_select_related = ["article", "created_by"]
    readonly_fields = [
        "id",
        "article",
        "language",
        "created_by",
        "created_at",
        "expires_at",
        "revoked_at",
    ]
    fields = readonly_fields
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(openings_total=Count("openings"))

    @admin.display(description=_("openings"))
    def openings_count(self, obj):
        return obj.openings_total

    @admin.action(
        description=_("Revoke the selected share links"),
        permissions=["change"],
        location=BOTH,
    )
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        self.message_user(
            request,
            ngettext("Revoked %(count)d link.", "Revoked %(count)d links.", count)
            % {"count": count},
        )


@admin.register(Transition)
class TransitionAdmin(admin.ModelAdmin):
    """The whole workflow log, read-only."""

    list_display = [
        "at",
        "article",
        "name",
        "from_status",
        "to_status",
        "language",
        "actor",
    ]
    list_filter = ["name", "to_status", "language"]
    list_select_related = ["article", "actor"]
    date_hierarchy = "at"
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
