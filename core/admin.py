"""
What every admin of a translated model shares.

``BilingualAdmin`` is modeltranslation's plain ``TranslationAdmin`` (its tabbed
variant loads jQuery UI from a CDN, which the CSP and offline machines block)
plus:

* ``lang`` and ``dir`` on every per-language input, set on the server so that
  Arabic is typed right to left even without JavaScript;
* ``static/admin/thinktank/translation_tabs.js``, which groups each field's
  language inputs into tabs (English | العربية);
* ``static/admin/thinktank/unsaved_changes.js``, which asks before the editor
  leaves a change form with unsaved edits;
* a change form that lets the prose editor run under the CSP (see
  ``templates/admin/thinktank/change_form.html``).

``ZonedDateTimeInput`` is the admin's date-and-time input: the time zone its
moment is read in (the institute's ``TIME_ZONE``) is written next to it, and
``static/admin/thinktank/timezone.js`` adds the editor's own when it differs.

``RedirectAdmin`` lists redirects, adds them by hand and imports them from a CSV file;
``NotFoundAdmin`` lists the addresses readers did not find, most asked first, each
with a link that opens the redirect form for it.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.models import NotFound, Redirect, RedirectKind
from core.redirects import import_redirects, record_move
from core.slugs import propose_slug

#: Translated fields whose values are addresses, read left to right in every language.
LEFT_TO_RIGHT_FIELDS = (models.SlugField, models.URLField, models.EmailField)


def language_attrs(code: str) -> dict[str, str]:
    """The HTML attributes that mark an input as holding text in ``code``."""
    info = get_language_info(code)
    return {
        "lang": code,
        "dir": "rtl" if info["bidi"] else "ltr",
        "data-mt-lang": code,
        "data-mt-lang-name": info["name_local"],
    }


class ProposedSlugForm(forms.ModelForm):
    """
    Fills an empty slug with the one proposed from its source field (as the
    model's ``clean()`` and ``save()`` do), so that the address being checked
    is the one shown: when it clashes, the editor sees it next to the error.
    """

    #: {slug field: field it is proposed from}
    slug_sources: dict[str, str] = {}

    def clean(self):
        cleaned_data = super().clean()
        proposed = {}
        for slug_field, source in self.slug_sources.items():
            if slug_field in self.fields and not cleaned_data.get(slug_field):
                slug = propose_slug(cleaned_data.get(source) or "")
                if slug:
                    cleaned_data[slug_field] = proposed[self.add_prefix(slug_field)] = (
                        slug
                    )
        if proposed:
            # Bound forms render self.data: show the proposals if the form comes back.
            self.data = self.data.copy()
            for name, slug in proposed.items():
                self.data[name] = slug
        return cleaned_data


class ZonedDateTimeInput(forms.DateTimeInput):
    """
    A date-and-time input (the browser's own picker) followed by the time zone
    the moment is read in: the institute's (``settings.TIME_ZONE``, the active
    one). A small script adds the editor's own zone when it differs.
    """

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")

    class Media:
        js = ["admin/thinktank/timezone.js"]

    def render(self, name, value, attrs=None, renderer=None):
        zone = timezone.get_current_timezone_name()
        attrs = {**(attrs or {}), "data-time-zone": zone}
        note_id = f"{(attrs.get('id') or name)}_tz"
        attrs["aria-describedby"] = note_id
        return format_html(
            '{} <span class="time-zone" id="{}" data-time-zone="{}" '
            'data-own-label="{}">{}</span>',
            super().render(name, value, attrs, renderer),
            note_id,
            zone,
            _("your computer’s time: %(zone)s"),
            _("time zone: %(zone)s") % {"zone": zone},
        )


class BilingualAdminMixin:
    """Marks translation inputs with their language; loads the tab script and styles."""

    change_form_template = "admin/thinktank/change_form.html"

    class Media:
        js = [
            "admin/thinktank/translation_tabs.js",
            "admin/thinktank/unsaved_changes.js",
            "admin/thinktank/timezone.js",
        ]
        css = {"all": ["admin/thinktank/admin.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        original = getattr(db_field, "translated_field", None)
        if field is not None and original is not None:
            widget = field.widget
            # Unwrap the related-object and clearable wrappers to reach the input.
            while hasattr(widget, "widget"):
                widget = widget.widget
            widget.attrs.update(language_attrs(db_field.language))
            if isinstance(db_field, LEFT_TO_RIGHT_FIELDS):
                # An Arabic slug is transliterated ASCII: it reads left to right.
                widget.attrs["dir"] = "ltr"
            widget.attrs["data-mt-field"] = original.name
        return field


class BilingualAdmin(BilingualAdminMixin, TranslationAdmin):
    """The base of every translated model's admin."""


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
    change_list_template = "admin/core/redirect/change_list.html"

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
                name="core_redirect_import",
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
                    return redirect("admin:core_redirect_changelist")
        return TemplateResponse(
            request,
            "admin/core/redirect/import.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Import redirects"),
                "form": form,
                "errors": errors,
            },
        )


@admin.register(NotFound)
class NotFoundAdmin(admin.ModelAdmin):
    """The 404 log: read and cleared by editors, written only by the site."""

    list_display = ["address", "hits", "first_seen", "last_seen", "make_redirect"]
    list_display_links = ["address"]
    search_fields = ["path"]
    readonly_fields = ["path", "hits", "first_seen", "last_seen"]
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("address"), ordering="path")
    def address(self, obj):
        # An address reads left to right on an Arabic page too.
        return format_html('<bdi dir="ltr">{}</bdi>', obj.path)

    def response_delete(self, request, obj_display, obj_id):
        super().response_delete(request, obj_display, obj_id)
        # Back to the log (the admin would go to its index, the log being read-only).
        return redirect("admin:core_notfound_changelist")

    @admin.display(description=_("redirect"))
    def make_redirect(self, obj):
        # A link, not a form: the redirect form opens with the old address filled in.
        url = reverse("admin:core_redirect_add")
        return format_html(
            '<a class="addlink" href="{}?{}">{}</a>',
            url,
            QueryDict.fromkeys(["old_path"], obj.path).urlencode(),
            _("Make a redirect"),
        )

    def get_list_display(self, request):
        fields = super().get_list_display(request)
        if not self.admin_site._registry[Redirect].has_add_permission(request):
            return [name for name in fields if name != "make_redirect"]
        return fields
