"""
Choosing a library record in another record's form, or uploading one in place.

``LibraryChoiceField`` is a ``ModelChoiceField`` whose widget is the admin's
raw-id input (with its lookup) plus a file input: a file sent there goes
through ``library.services`` (the safe-upload checks, then the record with the
same bytes, or a new one) and the form's value is that record. A file sent
under the field's own name is taken the same way, as the file fields did.
"""

from django import forms
from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.core.files.uploadedfile import UploadedFile
from django.urls import NoReverseMatch, reverse

from core.pictures import rendition_url


class UploadOrChooseWidget(ForeignKeyRawIdWidget):
    """
    The raw-id input with its lookup and a file input; with JavaScript, a
    "Choose from the library" panel too (``library.choosers``), and the
    chosen record's thumbnail (its smallest ``rail`` JPEG) and title.
    """

    template_name = "library/widgets/upload_or_choose.html"

    class Media:
        js = ["admin/library/chooser.js"]
        css = {"all": ["admin/library/chooser.css"]}

    def __init__(self, rel, admin_site, attrs=None, using=None, accept=""):
        self.accept = accept
        super().__init__(rel, admin_site, attrs, using)

    def get_context(self, name, value, attrs):
        if isinstance(value, UploadedFile):
            value = None  # a refused upload: the form comes back without it
        context = super().get_context(name, value, attrs)
        context["widget"]["accept"] = self.accept
        meta = self.rel.model._meta
        try:
            context["widget"]["chooser_url"] = reverse(
                f"{self.admin_site.name}:{meta.app_label}_{meta.model_name}_chooser"
            )
        except NoReverseMatch:
            context["widget"]["chooser_url"] = ""
        chosen = None
        if value not in (None, ""):
            chosen = self.rel.model._default_manager.filter(pk=value).first()
        context["widget"]["chosen_title"] = str(chosen) if chosen else ""
        context["widget"]["chosen_thumbnail"] = (
            rendition_url(chosen, "rail", smallest=True)
            if chosen is not None and getattr(chosen, "width", None)
            else ""
        )
        return context

    def value_from_datadict(self, data, files, name):
        upload = files.get(f"{name}_upload") or files.get(name)
        if upload:
            return upload
        if data.get(f"{name}-clear"):
            return ""
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return (
            name not in data
            and f"{name}-clear" not in data
            and f"{name}_upload" not in files
            and name not in files
        )


class LibraryChoiceField(forms.ModelChoiceField):
    """A library record by number, or a file put into the library (the record with its bytes)."""

    def __init__(self, queryset, *, store, user=None, **kwargs):
        self.store = store
        self.user = user
        #: The record whose form this is (set by ``LibraryChoicesForm``): its
        #: ``library_values(field name)``, if it has one, gives an upload's
        #: first values (a title, a focal point).
        self.instance = None
        self.name = ""
        super().__init__(queryset, **kwargs)

    def clean(self, value):
        if isinstance(value, UploadedFile):
            values_for = getattr(self.instance, "library_values", None)
            values = values_for(self.name) if callable(values_for) else {}
            # The safe-upload checks' refusal, with its code, is the field's error.
            return self.store(value, user=self.user, **values)
        return super().clean(value)

    def has_changed(self, initial, data):
        if isinstance(data, UploadedFile):
            return True
        return super().has_changed(initial, data)


def attach_instance(form) -> None:
    """Tell ``form``'s library fields whose record the form edits (for an upload's title)."""
    for name, field in form.fields.items():
        if isinstance(field, LibraryChoiceField):
            field.instance, field.name = form.instance, name
