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
"""

from django import forms
from django.db import models
from django.utils.translation import get_language_info
from modeltranslation.admin import TranslationAdmin

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
