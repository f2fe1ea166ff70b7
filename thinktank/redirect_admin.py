"""The admin of redirects: list, add by hand, and import from a CSV file."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from thinktank.models import Redirect, RedirectKind
from thinktank.redirects import import_redirects, record_move


class RedirectImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: old_path, new_path and optionally language; UTF-8."),
    )


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "new_path", "language", "kind", "created"]
    list_filter = ["kind", "language"]
    search_fields = ["old_path", "new_path"]
    readonly_fields = ["kind", "created"]
    change_list_template = "admin/thinktank/redirect/change_list.html"

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            # Through record_move() so that chains collapse as for automatic ones.
            saved = record_move(
                obj.old_path,
                obj.new_path,
                language=obj.language,
                kind=RedirectKind.MANUAL,
            )
            obj.pk = saved.pk if saved else None

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="thinktank_redirect_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = RedirectImportForm(request.POST or None, request.FILES or None)
        errors = []
        if request.method == "POST" and form.is_valid():
            try:
                text = form.cleaned_data["file"].read().decode("utf-8-sig")
            except UnicodeDecodeError:
                errors = [_("The file is not UTF-8 text.")]
            else:
                result = import_redirects(text)
                errors = result.errors
                if not errors:
                    self.message_user(
                        request,
                        _("%(created)d redirects added, %(updated)d updated.")
                        % {"created": result.created, "updated": result.updated},
                        messages.SUCCESS,
                    )
                    return redirect("admin:thinktank_redirect_changelist")
        return TemplateResponse(
            request,
            "admin/thinktank/redirect/import.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Import redirects"),
                "form": form,
                "errors": errors,
            },
        )
