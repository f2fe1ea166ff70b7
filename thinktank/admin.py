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

``AdminSite`` is the project's admin site (``thinktank.apps.AdminConfig``).
"""

from django import forms
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.urls import path
from django.utils.translation import get_language, get_language_info
from modeltranslation.admin import TranslationAdmin

from thinktank.signin import SignInForm
from thinktank.slugs import propose_slug

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


class BilingualAdminMixin:
    """Marks translation inputs with their language; loads the tab script and styles."""

    change_form_template = "admin/thinktank/change_form.html"

    class Media:
        js = [
            "admin/thinktank/translation_tabs.js",
            "admin/thinktank/unsaved_changes.js",
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


class AdminSite(admin.AdminSite):
    """
    Django's admin site, whose "view on site" shortcut (``/admin/r/<content
    type>/<id>/``) leads only to pages readers can see now.

    Django's shortcut redirects to any row's ``get_absolute_url()``: for a
    draft or a trashed article that address is made from its title, which
    any staff account could thus read by counting through the ids. Here it
    answers only for an object that the user may view in its model's admin
    and that is live in the language of the request, by its default
    manager's ``live(language_code)``; anything else is a 404, which tells
    nothing about whether the object exists.
    """

    #: User name, password and, for accounts that have one, an authenticator's code.
    login_form = SignInForm

    def get_urls(self):
        return [
            path(
                "r/<path:content_type_id>/<path:object_id>/",
                self.admin_view(self.view_on_site),
                name="view_on_site",
            )
            if getattr(url, "name", None) == "view_on_site"
            else url
            for url in super().get_urls()
        ]

    def view_on_site(self, request, content_type_id, object_id):
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except (ContentType.DoesNotExist, ValueError):
            raise Http404 from None
        model_admin = self._registry.get(model)
        live = getattr(model._default_manager, "live", None)
        if model_admin is None or live is None:
            raise Http404
        try:
            obj = live(get_language()).filter(pk=object_id).first()
        except (ValueError, ValidationError):
            obj = None
        if obj is None or not model_admin.has_view_permission(request, obj):
            raise Http404
        return shortcut(request, content_type_id, object_id)
