"""
The library's admin: images and documents, what uses them, and the fields
other admins use to pick one (``LibraryChoicesAdminMixin``).

The image list shows a thumbnail from the smallest ``rail`` rendition (never
the original) computed from the row: 100 images cost the list's queries and
no query more. Deleting a record something uses is refused on the
confirmation page, naming the users (rows, trashed rows, revisions).
"""

from django.contrib import admin
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.admin import BilingualAdmin
from core.i18n import localized_fields
from core.renditions import field_plan
from core.uploads import ACCEPT_IMAGES
from library import services, usage
from library.choosers import ChooserMixin
from library.forms import LibraryChoiceField, UploadOrChooseWidget, attach_instance
from library.models import Document, Image

#: The model a foreign key may point at -> (store an upload, the widget's ``accept``).
STORES = {
    Image: (services.image_from_upload, ACCEPT_IMAGES),
    Document: (services.document_from_upload, "application/pdf"),
}


def rail_thumbnail(image):
    """The smallest JPEG of the image's ``rail`` rendition (planned from the row)."""
    return next(
        r for r in field_plan(image.rendition_file, "rail") if r.format == "jpeg"
    )


class LibraryChoicesAdminMixin:
    """Foreign keys to images and documents: a number with a lookup, or an upload in place."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.ForeignKey) and db_field.related_model in STORES:
            store, accept = STORES[db_field.related_model]
            return LibraryChoiceField(
                db_field.related_model._default_manager.all(),
                store=store,
                user=request.user if request.user.is_authenticated else None,
                required=not db_field.blank,
                label=db_field.verbose_name[:1].upper()
                + str(db_field.verbose_name)[1:],
                help_text=db_field.help_text,
                widget=UploadOrChooseWidget(
                    db_field.remote_field, self.admin_site, accept=accept
                ),
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class LibraryChoicesForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                attach_instance(self)

        LibraryChoicesForm.__name__ = form.__name__
        return LibraryChoicesForm


class UsedByMixin:
    """ "Used by" on the change form; deletion of a used record refused on its confirmation page."""

    @admin.display(description=_("used by"))
    def used_by(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        uses = usage.uses_of(obj)
        if not uses:
            return _("Nothing: it can be deleted.")
        return format_html(
            "<ul class='tt-used-by'>{}</ul>",
            format_html_join(
                "",
                "<li>{}</li>",
                (
                    (
                        format_html('<a href="{}">{}</a>', use.url, use.label)
                        if use.url
                        else use.label,
                    )
                    for use in uses
                ),
            ),
        )

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        protected = list(protected)
        for obj in objs:
            for use in usage.uses_of(obj):
                if use.kind != "record":  # rows are in ``protected`` already (PROTECT)
                    protected.append(
                        format_html('<a href="{}">{}</a>', use.url, use.label)
                        if use.url
                        else use.label
                    )
        return deleted, model_count, perms_needed, protected


@admin.register(Image)
class ImageAdmin(ChooserMixin, UsedByMixin, BilingualAdmin):
    chooser_search_fields = ("title", *localized_fields("alt"))
    chooser_thumbnails = True
    list_display = ["thumbnail", "title", "collection", "pixel_size", "uploaded_at"]
    list_display_links = ["thumbnail", "title"]
    list_filter = ["collection", "decorative", "uploaded_at"]
    search_fields = ["title"]
    date_hierarchy = "uploaded_at"
    list_per_page = 100
    readonly_fields = [
        "pixel_size",
        "file_size",
        "content_hash",
        "uploaded_by",
        "uploaded_at",
        "used_by",
    ]
    fieldsets = [
        (None, {"fields": ["title", "file", ("focus_x", "focus_y"), "collection"]}),
        (_("Description"), {"fields": ["decorative", "alt", "caption", "credit"]}),
        (
            _("File"),
            {
                "fields": [
                    "pixel_size",
                    "file_size",
                    "content_hash",
                    "uploaded_by",
                    "uploaded_at",
                ]
            },
        ),
        (_("Used by"), {"fields": ["used_by"]}),
    ]

    change_list_template = "library/image_change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("uploaded_by")

    def get_urls(self):
        return [
            path(
                "bulk-upload/",
                self.admin_site.admin_view(self.bulk_upload_view),
                name="library_image_bulk_upload",
            ),
            *super().get_urls(),
        ]

    def bulk_upload_view(self, request):
        """
        Several images at once: each file goes through the same safe-upload
        checks as one (``services.image_from_upload_created``), in its own
        transaction, so a refused file leaves nothing behind and names itself
        in the report while the others are stored.
        """
        if not self.has_add_permission(request):
            raise PermissionDenied
        results = None
        collection = request.POST.get("collection", "").strip()[:80]
        if request.method == "POST":
            results = {"created": [], "existing": [], "refused": []}
            uploads = request.FILES.getlist("files")
            if not uploads:
                results["refused"].append(("", [_("Choose at least one file.")]))
            for upload in uploads:
                try:
                    with transaction.atomic():
                        image, created = services.image_from_upload_created(
                            upload,
                            name=upload.name,
                            user=request.user,
                            collection=collection,
                        )
                except ValidationError as error:
                    results["refused"].append((upload.name, error.messages))
                    continue
                results["created" if created else "existing"].append(
                    (upload.name, image)
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Upload several images"),
            "results": results,
            "collection": collection,
            "accept": ACCEPT_IMAGES,
        }
        return TemplateResponse(request, "library/bulk_upload.html", context)

    def save_model(self, request, obj, form, change):
        if not change and request.user.is_authenticated:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        # The smallest ``rail`` JPEG (120 px wide), from the row alone.
        if not (obj.file and obj.width and obj.height):
            return "—"
        rendition = rail_thumbnail(obj)
        return format_html(
            '<img class="tt-thumbnail" src="{}" alt="" width="{}" height="{}" loading="lazy">',
            obj.file.storage.url(rendition.name),
            rendition.width,
            rendition.height,
        )

    def action_checkbox(self, obj):
        # What Django's checkbox widget renders, without a template per row:
        # a third of the time of a 100-row list went to it.
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(_("Select this object for an action - {}"), str(obj)),
        )

    @admin.display(description=_("pixel size"))
    def pixel_size(self, obj):
        if not (obj.width and obj.height):
            return "—"
        return f"{obj.width} × {obj.height}"


@admin.register(Document)
class DocumentAdmin(ChooserMixin, UsedByMixin, BilingualAdmin):
    chooser_search_fields = tuple(localized_fields("title"))
    list_display = ["title", "page_count", "size", "uploaded_at"]
    search_fields = localized_fields("title")
    list_filter = ["uploaded_at"]
    date_hierarchy = "uploaded_at"
    readonly_fields = [
        "size",
        "page_count",
        "content_hash",
        "uploaded_by",
        "uploaded_at",
        "used_by",
    ]
    fieldsets = [
        (None, {"fields": ["title", "file"]}),
        (
            _("File"),
            {
                "fields": [
                    "size",
                    "page_count",
                    "content_hash",
                    "uploaded_by",
                    "uploaded_at",
                ]
            },
        ),
        (_("Used by"), {"fields": ["used_by"]}),
    ]

    def save_model(self, request, obj, form, change):
        if not change and request.user.is_authenticated:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
