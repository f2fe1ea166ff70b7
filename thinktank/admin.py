"""
What every admin of a translated model shares.

``BilingualAdmin`` is modeltranslation's plain ``TranslationAdmin`` (its tabbed
variant loads jQuery UI from a CDN, which the CSP and offline machines block)
plus:

* ``lang`` and ``dir`` on every per-language input, set on the server so that
  Arabic is typed right to left even without JavaScript;
* ``static/admin/thinktank/translation_tabs.js``, which groups each field's
  language inputs into tabs (English | العربية);
* a change form that lets the prose editor run under the CSP (see
  ``templates/admin/thinktank/change_form.html``).
"""

from django.utils.translation import get_language_info
from modeltranslation.admin import TranslationAdmin


def language_attrs(code: str) -> dict[str, str]:
    """The HTML attributes that mark an input as holding text in ``code``."""
    info = get_language_info(code)
    return {
        "lang": code,
        "dir": "rtl" if info["bidi"] else "ltr",
        "data-mt-lang": code,
        "data-mt-lang-name": info["name_local"],
    }


class BilingualAdminMixin:
    """Marks translation inputs with their language; loads the tab script and styles."""

    change_form_template = "admin/thinktank/change_form.html"

    class Media:
        js = ["admin/thinktank/translation_tabs.js"]
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
            widget.attrs["data-mt-field"] = original.name
        return field


class BilingualAdmin(BilingualAdminMixin, TranslationAdmin):
    """The base of every translated model's admin."""
