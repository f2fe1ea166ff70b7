"""
Revisions, concurrent editing and the trash in the admin, as three mixins a
model admin composes (first in its bases, in this order when it has them):

* ``ConflictsAdminMixin`` refuses a save made over a version someone else has
  saved since the form was opened (hidden ``_history_version``, signed), or
  without the version, keeps it as a conflict revision and shows both side by
  side; and says who else has the change page open now (the page's script
  sends a heartbeat to ``<id>/presence/`` and a farewell as it is left);
* ``RevisionsAdminMixin`` keeps a revision after every save (relations
  included), shows them on the History page, compares any two and restores
  any one;
* ``TrashAdminMixin`` moves deleted records to the trash (one or many, after
  Django's confirmation) and restores them from the Trash page.

A save of a change goes through ``RevisionsAdminMixin.save_related`` in one
place, with an ``Edit`` (the record, its form and inline formsets, the
version it claims) handed to the hooks the other mixins extend:
``begin_edit`` (checks before anything is written), ``hold_edit`` (keep the
edit instead of saving it, e.g. as an unpublished change) and ``end_edit``.
``changed(request, obj)`` runs after a record and its relations were saved.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.forms.formsets import all_valid
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.template.loader import select_template
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext

from history import services, snapshot
from history.diff import compare
from history.models import Revision, RevisionKind
from library.services import keep_created, track_created

VERSION_FIELD = "_history_version"


@dataclass
class Edit:
    """One save of a change form: the record as edited in memory, not written yet."""

    obj: object
    form: object
    formsets: list
    user: object
    #: The version this save claimed (``ConflictsAdminMixin``), else None.
    version: int | None = None
    extra: dict = field(default_factory=dict)

    @cached_property
    def data(self) -> dict:
        """The snapshot of the edit, read from the form (nothing is saved for it)."""
        return snapshot.from_form(self.obj, self.form, self.formsets)


def _note_unsaved(formset):
    """
    What a formset would have saved, as its ``save()`` notes it (the admin's
    change message reads it), for an edit that was kept without saving.
    """
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    for form in formset.initial_forms:
        if formset.can_delete and formset._should_delete_form(form):
            formset.deleted_objects.append(form.instance)
        elif form.has_changed():
            formset.changed_objects.append((form.instance, form.changed_data))
    for form in formset.extra_forms:
        if form.has_changed() and not (
            formset.can_delete and formset._should_delete_form(form)
        ):
            formset.new_objects.append(form.instance)


class HistoryPagesMixin:
    """What the history mixins' pages share: their URLs, context and lookups."""

    def _parent_template(self, attribute, name):
        """The template the admin would use without the mixin (what ours extends)."""
        parent = getattr(super(), attribute)
        if parent:
            return parent
        app_label, model_name = self.opts.app_label, self.opts.model_name
        return select_template(
            [
                f"admin/{app_label}/{model_name}/{name}",
                f"admin/{app_label}/{name}",
                f"admin/{name}",
            ]
        ).template

    def _url(self, name, *args):
        opts = self.opts
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_{name}",
            args=args,
            current_app=self.admin_site.name,
        )

    def _context(self, request, obj, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "object": obj,
            "title": title,
            "history_url": self._url("history", obj.pk) if obj is not None else "",
            "change_url": self._url("change", obj.pk) if obj is not None else "",
            **extra,
        }

    def _revisions(self, obj):
        return Revision.objects.of(obj).select_related("user")

    def _viewable(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _is_change_view(self, request):
        match = request.resolver_match
        return bool(match and match.url_name.endswith("_change"))


class RevisionsAdminMixin(HistoryPagesMixin):
    # Saving -------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
        # A change is saved in ``save_related``, with its inlines at hand:
        # checked first, and perhaps kept without writing the record.

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        if not change:
            super().save_related(request, form, formsets, change)
            self.changed(request, obj)
            services.record(obj, request.user)
            return
        edit = Edit(obj=obj, form=form, formsets=formsets, user=request.user)
        self.begin_edit(request, edit)
        if self.hold_edit(request, edit):
            for formset in formsets:
                _note_unsaved(formset)
        else:
            super().save_model(request, obj, form, change)
            super().save_related(request, form, formsets, change)
            self.changed(request, obj)
            services.record(obj, request.user, version=edit.version)
        self.end_edit(request, edit)

    def begin_edit(self, request, edit):
        """Before the edit is written: raise to refuse it (nothing is written then)."""

    def hold_edit(self, request, edit) -> bool:
        """Keep the edit some other way than saving the record? (True: it is not saved.)"""
        return False

    def end_edit(self, request, edit):
        """After the edit was saved or held."""

    def changed(self, request, obj):
        """After ``obj`` and its relations were saved by the admin (derived data)."""

    # Pages ----------------------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            path(
                "<path:object_id>/history/<int:revision_id>/restore/",
                view(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            path(
                "<path:object_id>/autosave/",
                view(self.autosave_view),
                name="{}_{}_autosave".format(*info),
            ),
            *super().get_urls(),
        ]

    def autosave_view(self, request, object_id):
        """
        The change form's draft, POSTed by the editor every few seconds
        (settings.RICHTEXT_AUTOSAVE_SECONDS), kept as an autosave revision:
        the record, its live page and its version stay as they are.
        """
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        form = self.get_form(request, obj, change=True)(
            request.POST, request.FILES, instance=obj
        )
        formsets, _inlines = self._create_formsets(request, obj, change=True)
        if not (form.is_valid() and all_valid(formsets)):
            return JsonResponse(
                {
                    "message": gettext(
                        "Not saved automatically: the form has errors "
                        "(they show when you save)."
                    )
                },
                status=400,
            )
        revision = services.record_autosave(
            obj, snapshot.from_form(obj, form, formsets), request.user
        )
        return JsonResponse(
            {
                "message": gettext("Draft saved automatically at %(time)s.")
                % {"time": date_format(localtime(revision.created_at), "TIME_FORMAT")},
                "revision": revision.pk,
            }
        )

    def has_restore_permission(self, request, obj):
        """May ``request.user`` restore revisions of ``obj``? (A restore sets every field.)"""
        return self.has_change_permission(request, obj)

    def history_view(self, request, object_id, extra_context=None):
        obj = self._viewable(request, object_id)
        revisions = list(self._revisions(obj))
        # The newest revision is the record's state, unless it is an autosaved draft.
        current = next((r for r in revisions if r.kind != RevisionKind.AUTOSAVE), None)
        for revision in revisions:
            revision.restore_url = self._url("restore", obj.pk, revision.pk)
            revision.is_current = revision is current
        context = self._context(
            request,
            obj,
            gettext("History: %(object)s") % {"object": obj},
            revisions=revisions,
            compare_url=self._url("compare", obj.pk),
            can_restore=self.has_change_permission(request, obj),
            **(extra_context or {}),
        )
        return TemplateResponse(request, "admin/revisions/history.html", context)

    def compare_view(self, request, object_id):
        obj = self._viewable(request, object_id)
        revisions = self._revisions(obj)
        try:
            old = revisions.get(pk=request.GET.get("a"))
            new = revisions.get(pk=request.GET.get("b"))
        except (Revision.DoesNotExist, ValueError):
            raise Http404 from None
        if old.pk > new.pk:
            old, new = new, old
        context = self._context(
            request,
            obj,
            gettext("Comparing revisions of %(object)s") % {"object": obj},
            old=old,
            new=new,
            changes=compare(self.model, old.data, new.data),
        )
        return TemplateResponse(request, "admin/revisions/compare.html", context)

    def restore_view(self, request, object_id, revision_id):
        obj = self._viewable(request, object_id)
        if not self.has_restore_permission(request, obj):
            raise PermissionDenied
        revision = get_object_or_404(self._revisions(obj), pk=revision_id)
        if request.method == "POST":
            services.restore(revision, request.user)
            self.message_user(
                request,
                gettext("Revision #%(number)s was restored as a new revision.")
                % {"number": revision.pk},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(self._url("history", obj.pk))
        current = services.latest(obj)
        context = self._context(
            request,
            obj,
            gettext("Restore revision #%(number)s?") % {"number": revision.pk},
            revision=revision,
            changes=compare(self.model, current.data, revision.data) if current else [],
        )
        return TemplateResponse(request, "admin/revisions/restore.html", context)


class ConflictsAdminMixin(HistoryPagesMixin):
    """The version check of concurrent edits, and who else has the change page open."""

    @property
    def change_form_template(self):
        return "admin/revisions/change_form.html"

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context["history_parent_template"] = self._parent_template(
            "change_form_template", "change_form.html"
        )
        if obj is not None and obj.pk:
            editing = self.has_change_permission(request, obj)
            if request.method == "GET" and editing:
                services.mark_open(obj, request.user)
            if editing:
                context["history_presence"] = {
                    "url": self._url("presence", obj.pk),
                    "every": services.HEARTBEAT_SECONDS,
                }
            # A form sent back with errors keeps the version it was opened at.
            context["history_version"] = (
                request.POST.get(VERSION_FIELD, "")
                if request.method == "POST"
                else services.version_token(obj)
            )
            context["history_editors"] = services.other_editors(obj, request.user)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with track_created() as created:
            try:
                return super().changeform_view(
                    request, object_id, form_url, extra_context
                )
            except services.EditConflict as conflict:
                refused_data = conflict.data
        # The refused edit is kept, and so are the library records uploaded
        # with it: the form's transaction was rolled back, their files are stored.
        keep_created(created)
        obj = self.model._base_manager.get(pk=unquote(object_id))
        refused = services.record_conflict(obj, refused_data, request.user)
        return self.conflict_response(request, obj, refused)

    def begin_edit(self, request, edit):
        super().begin_edit(request, edit)
        # No version, or one this form was not given, is a conflict.
        version = services.version_read(edit.obj, request.POST.get(VERSION_FIELD))
        try:
            edit.version = services.claim(edit.obj, version)
        except services.EditConflict:
            # The refused edit is kept whole (relations included), unsaved.
            raise services.EditConflict(edit.data) from None

    def end_edit(self, request, edit):
        super().end_edit(request, edit)
        services.release(edit.obj, request.user)

    def conflict_response(self, request, obj, refused):
        current = services.latest(obj)
        changes = compare(self.model, current.data, refused.data) if current else []
        context = self._context(
            request,
            obj,
            gettext("Someone else saved %(object)s while you were editing")
            % {"object": obj},
            current=current,
            refused=refused,
            changes=changes,
            restore_url=self._url("restore", obj.pk, refused.pk),
        )
        return TemplateResponse(
            request, "admin/revisions/conflict.html", context, status=409
        )

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/presence/",
                self.admin_site.admin_view(self.presence_view),
                name="{}_{}_presence".format(*info),
            ),
            *super().get_urls(),
        ]

    def presence_view(self, request, object_id):
        """The change page's heartbeat (still open), or its farewell (``leave``)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._viewable(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        if request.POST.get("leave"):
            services.release(obj, request.user)
        else:
            services.mark_open(obj, request.user)
        return HttpResponse(status=204)


class TrashAdminMixin(HistoryPagesMixin):
    """Deleting moves to the trash; the Trash page restores."""

    def delete_model(self, request, obj):
        services.trash(obj, request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.trash(obj, request.user)

    def response_delete(self, request, obj_display, obj_id):
        self.message_user(
            request,
            gettext(
                "“%(object)s” was moved to the trash: it can be restored from there for %(days)s days."
            )
            % {"object": obj_display, "days": services.TRASH_DAYS},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self._url("changelist"))

    def get_deleted_objects(self, objs, request):
        objs = list(objs)
        _deleted, _counts, perms_needed, _protected = super().get_deleted_objects(
            objs, request
        )
        # Nothing else goes: the records move to the trash with their
        # relations (kept for a restore), so only their own permission counts.
        name = str(self.opts.verbose_name)
        perms_needed = {perm for perm in perms_needed if str(perm) == name}
        if not all(self.has_delete_permission(request, obj) for obj in objs):
            perms_needed.add(name)
        to_delete = [format_html("{}: {}", self.opts.verbose_name, obj) for obj in objs]
        return (
            to_delete,
            {str(self.opts.verbose_name_plural): len(objs)},
            perms_needed,
            [],
        )

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path("trash/", view(self.trash_view), name="{}_{}_trash".format(*info)),
            path(
                "trash/<int:pk>/restore/",
                view(self.untrash_view),
                name="{}_{}_untrash".format(*info),
            ),
            *super().get_urls(),
        ]

    def trash_view(self, request):
        if not self.has_delete_permission(request):
            raise PermissionDenied
        trashed = self.model.all_objects.filter(deleted_at__isnull=False).order_by(
            "-deleted_at"
        )
        context = self._context(
            request,
            None,
            gettext("Trash: %(name)s") % {"name": self.opts.verbose_name_plural},
            trashed=[(obj, self._url("untrash", obj.pk)) for obj in trashed],
            trash_days=services.TRASH_DAYS,
        )
        return TemplateResponse(request, "admin/revisions/trash.html", context)

    def untrash_view(self, request, pk):
        if request.method != "POST" or not self.has_delete_permission(request):
            raise PermissionDenied
        obj = get_object_or_404(
            self.model.all_objects.filter(deleted_at__isnull=False), pk=pk
        )
        services.untrash(obj, request.user)
        self.message_user(
            request,
            gettext("“%(object)s” was restored from the trash.") % {"object": obj},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self._url("change", obj.pk))

    @property
    def change_list_template(self):
        return "admin/revisions/change_list.html"

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "history_parent_template": self._parent_template(
                "change_list_template", "change_list.html"
            ),
            "trash_url": self._url("trash")
            if self.has_delete_permission(request)
            else "",
        }
        return super().changelist_view(request, extra_context)


class HistoryAdminMixin(ConflictsAdminMixin, RevisionsAdminMixin, TrashAdminMixin):
    """Conflicts, revisions and the trash together (a record editors share)."""
