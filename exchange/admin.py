"""
Import and export of content in the admin.

An upload is checked first: the whole file is validated and imported in a
transaction that is rolled back (the command's ``--dry-run``), and the report
names each record and field that would change. The file is kept in the
database (``ImportBatch``) with its SHA-256, so that "Apply" imports exactly
the bytes that were checked, once, for the user who uploaded them, all or
nothing as ``import_content`` does. Files an exchange document names
(headshots, PDFs) are not part of an upload: they are looked up in an empty
folder, so a path names nothing on the server, and such a record is an error.
"""

import hashlib
import tempfile
from datetime import timedelta
from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy as _

from exchange.exporter import export_exchange
from exchange.importer import ExchangeError, import_exchange, parse_document
from exchange.models import ImportBatch

#: The largest exchange file the admin takes (a bigger archive: the command).
MAX_BYTES = 20 * 1024 * 1024
#: Uploads checked but never applied are deleted after this many days.
KEEP_DAYS = 7

OUTCOMES = {
    "created": _("created"),
    "updated": _("updated"),
    "pending": _("kept as an unpublished change"),
}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Exchange file"),
        help_text=_("A thinktank-exchange/1 JSON file, UTF-8."),
    )
    as_pending = forms.BooleanField(
        label=_("Changes to published articles wait for review"),
        required=False,
        initial=True,
        help_text=_(
            "Kept as unpublished changes for an editor to publish, instead "
            "of changing the live pages at once."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                gettext(
                    "The file is larger than %(size)d MB: import it with the command."
                )
                % {"size": MAX_BYTES // (1024 * 1024)}
            )
        try:
            return upload.name, upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                gettext("The file is not UTF-8 text.")
            ) from None


def run_import(name: str, text: str, *, dry_run: bool, as_pending: bool, user):
    """Import ``text`` (the file ``name``); raises ``ExchangeError`` with every problem."""
    document = parse_document(text, name)
    with tempfile.TemporaryDirectory() as empty:
        return import_exchange(
            document,
            base_dir=Path(empty),
            dry_run=dry_run,
            as_pending=as_pending,
            user=user,
        )


def report_of(summary) -> dict:
    """The dry run as stored with the upload: counts and every change."""
    return {
        "summary": str(summary),
        "changes": [
            {"label": c.label, "outcome": c.outcome, "keys": c.keys}
            for c in summary.changes
        ],
    }


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["name", "uploaded_by", "uploaded_at", "applied_at", "review_link"]
    list_select_related = ["uploaded_by"]
    readonly_fields = [
        "name",
        "uploaded_by",
        "uploaded_at",
        "applied_at",
        "as_pending",
        "sha256",
    ]
    fields = readonly_fields
    change_list_template = "admin/exchange/importbatch/change_list.html"

    def get_queryset(self, request):
        # Each user sees the uploads they made (an upload holds unpublished work).
        queryset = super().get_queryset(request)
        if not request.user.is_superuser:
            queryset = queryset.filter(uploaded_by=request.user)
        return queryset

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("exchange.import_content")

    def has_module_permission(self, request):
        return self.has_view_permission(request) or self.has_export_permission(request)

    def has_add_permission(self, request):
        return request.user.has_perm("exchange.import_content")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm("exchange.import_content")

    def has_export_permission(self, request):
        return request.user.has_perm("exchange.export_content")

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request) and self.has_export_permission(
            request
        ):
            # Allowed to export only: the page that offers it.
            return self.export_page(request)
        return super().changelist_view(
            request,
            {
                **(extra_context or {}),
                "can_export": self.has_export_permission(request),
            },
        )

    def response_delete(self, request, obj_display, obj_id):
        super().response_delete(request, obj_display, obj_id)
        # Back to the list (the admin would go to its index: nothing here is changed).
        return redirect("admin:exchange_importbatch_changelist")

    @admin.display(description=_("report"))
    def review_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:exchange_importbatch_review", args=[obj.pk]),
            gettext("Report") if obj.applied_at else gettext("Review and apply"),
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/review/",
                view(self.review_view),
                name="exchange_importbatch_review",
            ),
            path("export/", view(self.export_view), name="exchange_importbatch_export"),
            *super().get_urls(),
        ]

    def _context(self, request, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "has_view_permission": self.has_view_permission(request),
            **extra,
        }

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        errors = []
        if request.method == "POST" and form.is_valid():
            name, text = form.cleaned_data["file"]
            as_pending = form.cleaned_data["as_pending"]
            try:
                summary = run_import(
                    name, text, dry_run=True, as_pending=as_pending, user=request.user
                )
            except ExchangeError as error:
                errors = error.messages
            else:
                # Old uploads never applied go: the table holds what is in hand.
                ImportBatch.objects.waiting().filter(
                    uploaded_at__lt=timezone.now() - timedelta(days=KEEP_DAYS)
                ).delete()
                batch = ImportBatch.objects.create(
                    name=name[:255],
                    text=text,
                    sha256=hashlib.sha256(text.encode()).hexdigest(),
                    as_pending=as_pending,
                    uploaded_by=request.user,
                    report=report_of(summary),
                )
                return redirect("admin:exchange_importbatch_review", batch.pk)
        return TemplateResponse(
            request,
            "admin/exchange/importbatch/upload.html",
            self._context(request, _("Import content"), form=form, errors=errors),
        )

    def review_view(self, request, pk):
        if not self.has_add_permission(request):
            raise PermissionDenied
        batch = self.get_queryset(request).filter(pk=pk).first()
        if batch is None:
            raise Http404
        errors = []
        if request.method == "POST":
            errors = self._apply(request, batch)
            if not errors:
                return redirect("admin:exchange_importbatch_changelist")
        changes = [
            {
                **change,
                "outcome_label": OUTCOMES.get(change["outcome"], change["outcome"]),
            }
            for change in batch.report.get("changes", [])
        ]
        return TemplateResponse(
            request,
            "admin/exchange/importbatch/review.html",
            self._context(
                request,
                _("Import %(name)s") % {"name": batch.name},
                batch=batch,
                changes=changes,
                errors=errors,
            ),
        )

    def _apply(self, request, batch) -> list[str]:
        """Import the upload for real, once; the errors if the site changed since its dry run."""
        with transaction.atomic():
            batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
            if batch.applied_at is not None:
                return [gettext("This file was already imported.")]
            if hashlib.sha256(batch.text.encode()).hexdigest() != batch.sha256:
                return [
                    gettext("The stored file changed since its check: upload it again.")
                ]
            try:
                summary = run_import(
                    batch.name,
                    batch.text,
                    dry_run=False,
                    as_pending=batch.as_pending,
                    user=request.user,
                )
            except ExchangeError as error:
                return error.messages
            batch.applied_at = timezone.now()
            batch.report = report_of(summary)
            batch.save(update_fields=["applied_at", "report"])
        self.message_user(
            request,
            gettext("Imported: %(summary)s") % {"summary": summary},
            messages.SUCCESS,
        )
        return []

    def export_page(self, request):
        return TemplateResponse(
            request,
            "admin/exchange/importbatch/export.html",
            self._context(request, _("Export content")),
        )

    def export_view(self, request):
        if not self.has_export_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return self.export_page(request)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(
            export_exchange(), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="thinktank-{stamp}.json"'
        )
        return response
