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
import re
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
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _, ngettext

from articles.models import VISIBLE_STATUSES, Article, Status
from core.admin import ZonedDateTimeInput
from core.i18n import language_codes, localized, localized_fields
from history import services as history, snapshot
from history.models import Revision, RevisionKind
from workflow import services, sharing
from workflow.models import Comment, Notice, ShareLink, Transition
from workflow.views import preview

BOTH = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]

#: Fields only transitions change.
PUBLICATION_FIELDS = [
    "status",
    "published_at",
    "unpublish_at",
    *localized_fields("available"),
    *localized_fields("live_from"),
]
#: Fields only those who may publish change (what the home page features).
PUBLISHERS_FIELDS = ["featured"]


class TransitionInput(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=_("Required to request changes; recorded with the transition."),
    )
    when = forms.DateTimeField(
        label=_("Date and time"),
        required=False,
        widget=ZonedDateTimeInput(),
        help_text=_(
            "To schedule or reschedule: the moment readers will see it; to publish a "
            "language version later than the rest: its moment; to schedule the "
            "unpublication: the moment readers stop seeing it."
        ),
    )


class RescheduleForm(forms.Form):
    """The calendar's way to move an item: a new moment (the drag-and-drop script fills it)."""

    when = forms.DateTimeField(
        label=_("New date and time"), widget=ZonedDateTimeInput()
    )
    language = forms.ChoiceField(
        choices=[("", "")] + [(code, code) for code in language_codes()],
        required=False,
        widget=forms.HiddenInput,
    )

    class Media:
        js = ["admin/workflow/calendar.js"]


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body", "reply_to"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 3, "cols": 60}),
            "reply_to": forms.HiddenInput,
        }

    def __init__(self, *args, article=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reply_to"].queryset = Comment.objects.filter(article=article)
        self.fields["body"].strip = True


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

    #: Read here as text: the admin takes an action form that does not
    #: validate for "No action selected." ``run_transition`` reads the date
    #: (``TransitionInput``) and names it when it cannot.
    when = forms.CharField(
        label=TransitionInput.base_fields["when"].label,
        required=False,
        widget=ZonedDateTimeInput(),
        help_text=TransitionInput.base_fields["when"].help_text,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].widget = forms.TextInput(attrs={"size": 30})
        # The admin renders its action form without ids (auto_id=None): the
        # date's label and its help need one.
        self.fields["when"].widget.attrs["id"] = "workflow-when"


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
        return super().media + forms.Media(
            css={"all": ["admin/workflow/workflow.css"]},
            js=["admin/thinktank/timezone.js"],
        )

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
        if not request.user.has_perm("workflow.publish_article"):
            readonly += PUBLISHERS_FIELDS
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
            str(model._meta.verbose_name)
            for model in (Transition, ShareLink, Comment, Notice)
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
        """The comment and the moment sent with a button: ``(comment, when, errors)``."""
        prefix = (
            ActionLocation.CHANGE_FORM.value
            if f"{ActionLocation.CHANGE_FORM.value}-action" in request.POST
            else None
        )
        form = TransitionInput(request.POST, prefix=prefix)
        form.is_valid()
        errors = [
            f"{form.fields[field].label}: {message}"
            for field, messages_ in form.errors.items()
            for message in messages_
        ]
        return (
            form.cleaned_data.get("comment", ""),
            form.cleaned_data.get("when"),
            errors,
        )

    def run_transition(self, request, queryset, name):
        comment, when, errors = self._transition_input(request)
        step = services.STEPS[name]
        if when is not None and not step.takes_date:
            # One date input serves every button: a date sent with one that
            # reads none (Publish now) was meant for another (Schedule).
            errors.append(
                _(
                    "Date and time: “%(step)s” takes no date. Empty the date, or "
                    "press the button that uses it."
                )
                % {"step": step.label}
            )
        if errors:
            # A date that cannot be read is never taken for "now".
            for message in errors:
                self.message_user(request, message, messages.ERROR)
            return
        done, refused = 0, []
        for article in queryset:
            try:
                services.perform(
                    article, name, request.user, comment=comment, when=when
                )
                done += 1
            except services.TransitionError as error:
                refused.append(f"{article}: {error}")
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

    # The top of the change page: changes asked for, notices, the comments ---

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if obj is not None and obj.pk:
            context.update(self._editorial_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _editorial_context(self, request, obj):
        user = request.user
        requested = None
        if obj.status == Status.CHANGES_REQUESTED:
            requested = (
                Transition.objects.for_log()
                .filter(article=obj, name="request_changes")
                .first()
            )
        # Opening the article reads what the workflow said about it.
        Notice.objects.unread().filter(recipient=user, article=obj).update(
            read_at=timezone.now()
        )
        comments = list(Comment.objects.filter(article=obj).thread())
        for comment in comments:
            comment.is_mine = comment.author_id == user.pk
            comment.edit_url = self._url("comment_edit", obj.pk, comment.pk)
            comment.delete_url = self._url("comment_delete", obj.pk, comment.pk)
        return {
            # The one date input, and the buttons that read it.
            "workflow_date_steps": [
                step.label
                for step in services.allowed_steps(user, obj)
                if step.takes_date
            ],
            "requested_changes": requested,
            "editorial_comments": comments,
            "comment_form": CommentForm(article=obj),
            "comment_add_url": self._url("comment_add", obj.pk),
        }

    def _commented_article(self, request, object_id):
        """The article, if this user may see it (and so its comments); else 403."""
        article = self.get_object(request, unquote(str(object_id)))
        if article is None or not self.has_view_permission(request, article):
            raise PermissionDenied
        return article

    def _own_comment(self, request, article, comment_id):
        comment = get_object_or_404(Comment, pk=comment_id, article=article)
        if comment.author_id != request.user.pk:
            raise PermissionDenied
        return comment

    def _back_to_comments(self, article):
        return HttpResponseRedirect(
            self._url("change", article.pk) + "#editorial-comments"
        )

    def comment_add_view(self, request, object_id):
        """Add a comment (or a reply) to the article's thread."""
        article = self._commented_article(request, object_id)
        if request.method != "POST":
            return self._back_to_comments(article)
        form = CommentForm(request.POST, article=article)
        if form.is_valid():
            comment = form.save(commit=False)
            comment.article, comment.author = article, request.user
            comment.save()
            self.message_user(request, _("Your comment was added."), messages.SUCCESS)
        else:
            for errors in form.errors.values():
                self.message_user(
                    request,
                    _("The comment was not added: %(error)s")
                    % {"error": " ".join(errors)},
                    messages.ERROR,
                )
        return self._back_to_comments(article)

    def comment_edit_view(self, request, object_id, comment_id):
        """Edit one's own comment: a page with its form (GET), saved by POST."""
        article = self._commented_article(request, object_id)
        comment = self._own_comment(request, article, comment_id)
        form = CommentForm(
            request.POST if request.method == "POST" else None,
            instance=comment,
            article=article,
        )
        if request.method == "POST" and form.is_valid():
            comment = form.save(commit=False)
            comment.edited_at = timezone.now()
            comment.save(update_fields=["body", "edited_at"])
            self.message_user(request, _("Your comment was changed."), messages.SUCCESS)
            return self._back_to_comments(article)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": _("Edit your comment"),
            "form": form,
            "comment": comment,
            "change_url": self._url("change", article.pk),
        }
        return TemplateResponse(request, "admin/workflow/comment_edit.html", context)

    def comment_delete_view(self, request, object_id, comment_id):
        """Delete one's own comment (POST); the replies stay, no longer replies to it."""
        article = self._commented_article(request, object_id)
        comment = self._own_comment(request, article, comment_id)
        if request.method != "POST":
            return self._back_to_comments(article)
        comment.delete()
        self.message_user(request, _("Your comment was deleted."), messages.SUCCESS)
        return self._back_to_comments(article)

    # Extra pages: preview and calendar --------------------------------------

    def get_urls(self):
        opts = self.opts
        info = opts.app_label, opts.model_name
        return [
            path(
                "<path:object_id>/comments/add/",
                self.admin_site.admin_view(self.comment_add_view),
                name="{}_{}_comment_add".format(*info),
            ),
            path(
                "<path:object_id>/comments/<int:comment_id>/edit/",
                self.admin_site.admin_view(self.comment_edit_view),
                name="{}_{}_comment_edit".format(*info),
            ),
            path(
                "<path:object_id>/comments/<int:comment_id>/delete/",
                self.admin_site.admin_view(self.comment_delete_view),
                name="{}_{}_comment_delete".format(*info),
            ),
            path(
                "calendar/",
                self.admin_site.admin_view(self.calendar_view),
                name="{}_{}_calendar".format(*info),
            ),
            path(
                "calendar/<int:object_id>/reschedule/",
                self.admin_site.admin_view(self.reschedule_view),
                name="{}_{}_reschedule".format(*info),
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

    def reschedule_view(self, request, object_id):
        """
        Move a scheduled article, or a language version's own moment, to
        another time: the calendar's form (and its drag-and-drop script,
        which fills in the same form) post here. The step ``reschedule``.
        """
        if not request.user.has_perm(services.STEPS["reschedule"].permission):
            raise PermissionDenied
        article = self.get_object(request, str(object_id))
        if article is None or not self.has_view_permission(request, article):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseRedirect(self._calendar_url())
        form = RescheduleForm(request.POST)
        month = request.POST.get("month", "")
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                self.message_user(
                    request, f"{label}: {' '.join(errors)}", messages.ERROR
                )
            return HttpResponseRedirect(self._calendar_url(month))
        when = form.cleaned_data["when"]
        try:
            services.perform(
                article,
                "reschedule",
                request.user,
                when=when,
                language=form.cleaned_data["language"],
                comment=form.cleaned_data.get("comment", ""),
            )
        except services.TransitionError as error:
            self.message_user(request, f"{article}: {error}", messages.ERROR)
            return HttpResponseRedirect(self._calendar_url(month))
        local = timezone.localtime(when)
        self.message_user(
            request,
            _("“%(article)s” now goes live on %(when)s (%(zone)s).")
            % {
                "article": article,
                "when": local.strftime("%Y-%m-%d %H:%M"),
                "zone": timezone.get_current_timezone_name(),
            },
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self._calendar_url(f"{local:%Y-%m}"))

    def _calendar_url(self, month=""):
        url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_calendar",
            current_app=self.admin_site.name,
        )
        if re.fullmatch(r"\d{4}-\d{2}", month or ""):
            url += f"?month={month}"
        return url

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
        start, end = _midnight(month), _midnight(following)

        def within(column):
            found = Q(**{f"{column}__isnull": False})
            if start:
                found &= Q(**{f"{column}__gte": start})
            if end:
                found &= Q(**{f"{column}__lt": end})
            return found

        during = within("published_at")
        for code in language_codes():
            during |= within(localized("live_from", code))
        articles = (
            self.for_role(request, Article.objects.all())
            .filter(during, status__in=VISIBLE_STATUSES)
            .order_by("published_at", "pk")
            .only(
                "pk",
                *localized_fields("title"),
                "status",
                "published_at",
                "unpublish_at",
                *localized_fields("available"),
                *localized_fields("live_from"),
            )
        )
        may_move = request.user.has_perm(services.STEPS["reschedule"].permission)
        now = timezone.now()
        by_day = {}
        for article in articles:
            entries = [("", article.published_at)] + [
                (code, getattr(article, localized("live_from", code)))
                for code in language_codes()
                if article.is_published_in(code)
                and getattr(article, localized("live_from", code))
            ]
            for code, moment in entries:
                if (start and moment < start) or (end and moment >= end):
                    continue
                movable = (
                    may_move
                    and moment > now
                    and (code or article.status == Status.SCHEDULED)
                )
                local = timezone.localtime(moment)
                by_day.setdefault(local.day, []).append(
                    {
                        "article": article,
                        "language": code,
                        "moment": local,
                        "movable": movable,
                        "form": RescheduleForm(
                            initial={"when": local, "language": code},
                            auto_id=f"id_move_{article.pk}_{code or 'all'}_%s",
                        )
                        if movable
                        else None,
                    }
                )
        for items in by_day.values():
            items.sort(key=lambda item: (item["moment"], item["article"].pk))
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
            "this_month": f"{month.year:04}-{month.month:02}",
            "time_zone": timezone.get_current_timezone_name(),
            "media": self.media + RescheduleForm().media,
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
