"""
Revisions, the trash and concurrent editing in the admin.

``HistoryAdminMixin`` goes first in the bases of ``ArticleAdmin`` and
``ExpertAdmin``. It

* keeps a revision after every save (relations included), shows them on the
  History page, compares any two and restores any one;
* refuses a save made over a version someone else has saved since the form
  was opened (hidden ``_history_version``, signed), or without the version,
  keeps it as a conflict revision and shows both side by side;
* says who else has the change page open now (the page's script sends a
  heartbeat to ``<id>/presence/`` and a farewell as it is left);
* moves deleted records to the trash (one or many, after Django's
  confirmation) and restores them from the Trash page;
* for articles, lists stale Arabic translations and lets translators confirm them.
"""

from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.template.loader import select_template
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy as _

from history import bylines, services, snapshot, staleness
from history.diff import compare, highlight
from history.models import Revision, RevisionKind, StaleTranslation
from workflow.services import is_translator

VERSION_FIELD = "_history_version"


class StaleTranslationFilter(admin.SimpleListFilter):
    """Articles with an Arabic field older than its English source."""

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


def _stale_label(article, name):
    """``Summary (AR)``: a translated column named by its field and language."""
    field = article._meta.get_field(name)
    return f"{capfirst(field.translated_field.verbose_name)} ({field.language.upper()})"


class HistoryAdminMixin:
    # The change form --------------------------------------------------------

    @property
    def change_form_template(self):
        return "admin/revisions/change_form.html"

    def _parent_template(self, attribute, name):
        """The template the admin would use without this mixin (what ours extends)."""
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

    def _parent_change_form_template(self):
        return self._parent_template("change_form_template", "change_form.html")

    def _url(self, name, *args):
        opts = self.opts
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_{name}",
            args=args,
            current_app=self.admin_site.name,
        )

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context["history_parent_template"] = self._parent_change_form_template()
        if obj is not None and obj.pk:
            editing = self.has_change_permission(request, obj)
            if request.method == "GET" and editing:
                services.mark_open(obj, request.user)
            if editing:
                context["history_presence"] = {
                    "url": self._url("presence", obj.pk),
                    "every": services.HEARTBEAT_SECONDS,
                }
            waiting = services.pending(obj)
            if waiting is not None:
                live = services.latest(obj)
                context["history_pending"] = {
                    "revision": waiting,
                    "compare_url": self._url("compare", obj.pk)
                    + f"?a={live.pk if live else waiting.pk}&b={waiting.pk}",
                    "publish_url": self._url("publish_pending", obj.pk, waiting.pk),
                    "discard_url": self._url("discard_pending", obj.pk, waiting.pk),
                    "can_publish": request.user.has_perm("workflow.publish_article"),
                    "relations": self._pending_relations(obj, waiting),
                }
            # A form sent back with errors keeps the version it was opened at.
            context["history_version"] = (
                request.POST.get(VERSION_FIELD, "")
                if request.method == "POST"
                else services.version_token(obj)
            )
            context["history_editors"] = services.other_editors(obj, request.user)
            if self.opts.label_lower == "articles.article":
                context["history_stale"] = self._stale_rows(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _pending_relations(self, obj, waiting):
        """Labels of the relations the change alters (the form shows the published ones)."""
        live = snapshot.take(obj)
        return [
            str(label)
            for name, label in snapshot.RELATION_LABELS.items()
            if name in live
            and [row[:2] if isinstance(row, list) else row for row in live[name]]
            != [
                row[:2] if isinstance(row, list) else row
                for row in waiting.data.get(name, [])
            ]
        ]

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

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.EditConflict as conflict:
            obj = self.model._base_manager.get(pk=unquote(object_id))
            refused = services.record_conflict(obj, conflict.data, request.user)
            return self.conflict_response(request, obj, refused)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if (
            obj is not None
            and request.method == "GET"
            and self._is_change_view(request)
        ):
            waiting = services.pending(obj)
            if waiting is not None:
                # The form starts from the unpublished change, not the live text.
                snapshot.overlay(obj, waiting.data)
        return obj

    def _is_change_view(self, request):
        match = request.resolver_match
        return bool(match and match.url_name.endswith("_change"))

    def save_model(self, request, obj, form, change):
        request._history_new_version = None
        request._history_conflict = False
        request._history_savepoint = None
        if change and services.is_live(obj):
            services.ensure_baseline(obj, request.user)
        if change:
            # No version, or one this form was not given, is a conflict.
            version = services.version_read(obj, request.POST.get(VERSION_FIELD))
            try:
                request._history_new_version = services.claim(obj, version)
            except services.EditConflict:
                # Finish the save (in the transaction the admin rolls back) so
                # that the refused version is kept whole, relations included.
                request._history_conflict = True
        if change and services.is_live(obj):
            # Save as usual, keep the result, then undo it: readers keep the
            # published version until an editor publishes the change.
            request._history_savepoint = transaction.savepoint_create()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        if getattr(request, "_history_conflict", False):
            raise services.EditConflict(snapshot.take(obj))
        if getattr(request, "_history_savepoint", None) is not None:
            data = snapshot.take(obj)
            transaction.savepoint_rollback(request._history_savepoint)
            services.record_pending(
                obj,
                data,
                request.user,
                version=getattr(request, "_history_new_version", None),
            )
            services.release(obj, request.user)
            self.message_user(
                request,
                gettext(
                    "The article is published: your changes are kept as an "
                    "unpublished change until an editor publishes them."
                ),
                messages.WARNING,
            )
            return
        if self.opts.label_lower == "articles.article":
            bylines.freeze(obj)
        services.record(
            obj, request.user, version=getattr(request, "_history_new_version", None)
        )
        services.release(obj, request.user)

    # The trash ---------------------------------------------------------------

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
        # Nothing else goes: the records move to the trash with their relations.
        objs = list(objs)
        perms_needed = set()
        if not all(self.has_delete_permission(request, obj) for obj in objs):
            perms_needed.add(str(self.opts.verbose_name))
        to_delete = [format_html("{}: {}", self.opts.verbose_name, obj) for obj in objs]
        return (
            to_delete,
            {str(self.opts.verbose_name_plural): len(objs)},
            perms_needed,
            [],
        )

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if self.opts.label_lower == "articles.article":
            filters.append(StaleTranslationFilter)
        return filters

    # Extra pages ---------------------------------------------------------------

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
                "<path:object_id>/presence/",
                view(self.presence_view),
                name="{}_{}_presence".format(*info),
            ),
            path(
                "<path:object_id>/stale/<str:field>/confirm/",
                view(self.stale_confirm_view),
                name="{}_{}_stale_confirm".format(*info),
            ),
            *self._pending_urls(),
            *super().get_urls(),
        ]

    def _pending_urls(self):
        """
        Discard an unpublished change: articles only (experts save at once).
        Publishing one is a step of the workflow, whose admin serves
        ``<object_id>/history/<revision_id>/publish/`` (``…_publish_pending``).
        """
        if self.opts.label_lower != "articles.article":
            return []
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/<int:revision_id>/discard/",
                view(self.discard_pending_view),
                name="{}_{}_discard_pending".format(*info),
            ),
        ]

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

    def history_view(self, request, object_id, extra_context=None):
        obj = self._viewable(request, object_id)
        revisions = list(self._revisions(obj))
        for revision in revisions:
            revision.restore_url = self._url("restore", obj.pk, revision.pk)
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
        if not self.has_change_permission(request, obj) or is_translator(request.user):
            # A translator edits only the translated fields; a restore sets them all.
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

    def _pending_action(self, request, object_id, revision_id, action, done):
        obj = self._viewable(request, object_id)
        if request.method != "POST" or not request.user.has_perm(
            "workflow.publish_article"
        ):
            raise PermissionDenied
        revision = get_object_or_404(
            self._revisions(obj).filter(kind=RevisionKind.PENDING), pk=revision_id
        )
        try:
            action(revision, request.user)
        except services.PublishError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)
        return HttpResponseRedirect(self._url("change", obj.pk))

    def discard_pending_view(self, request, object_id, revision_id):
        return self._pending_action(
            request,
            object_id,
            revision_id,
            services.discard_pending,
            gettext("The unpublished change was discarded; it stays in the history."),
        )

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

    def stale_confirm_view(self, request, object_id, field):
        obj = self._viewable(request, object_id)
        if request.method != "POST" or not self.has_change_permission(request, obj):
            raise PermissionDenied
        if self.opts.label_lower != "articles.article":
            # Only articles have stale translations (experts share this admin mixin).
            raise Http404
        staleness.confirm(obj, field)
        self.message_user(
            request,
            gettext("The translation was confirmed as still accurate."),
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


__all__ = ["HistoryAdminMixin", "RevisionKind"]


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

    @admin.display(description=_("article"), ordering="article__title_en")
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
