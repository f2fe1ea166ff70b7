"""
The chooser: a paged, searchable list of library records that another
record's form picks from (``UploadOrChooseWidget``'s "Choose from the
library" panel, ``static/admin/library/chooser.js``).

It is an admin view of the record's own admin (``ChooserMixin``), answering
a whole page that also works on its own: without the script, the raw-id
input, its lookup and the upload field of the widget still do the job.
Thumbnails come from the smallest ``rail`` JPEG, never the original, and are
computed from the row: a page of 24 costs the same queries as a page of one.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.pictures import rendition_url

PER_PAGE = 24

#: Orientation filter: name -> (label, condition on the row).
SHAPES = {
    "landscape": (_("Landscape"), Q(width__gt=F("height") * 11 / 10)),
    "portrait": (_("Portrait"), Q(height__gt=F("width") * 11 / 10)),
    "square": (
        _("Square"),
        Q(width__lte=F("height") * 11 / 10, height__lte=F("width") * 11 / 10),
    ),
    "large": (_("At least 1600 px wide"), Q(width__gte=1600)),
}


class ChooserMixin:
    """An admin's ``chooser/`` view: ``chooser_search_fields``, and filters if it has images."""

    chooser_search_fields = ("title",)
    chooser_thumbnails = False

    def get_urls(self):
        meta = self.model._meta
        return [
            path(
                "chooser/",
                self.admin_site.admin_view(self.chooser_view),
                name=f"{meta.app_label}_{meta.model_name}_chooser",
            ),
            *super().get_urls(),
        ]

    def chooser_queryset(self, request):
        return self.get_queryset(request).select_related("uploaded_by")

    def chooser_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        qs = self.chooser_queryset(request)
        query = request.GET.get("q", "").strip()
        if query:
            condition = Q()
            for name in self.chooser_search_fields:
                condition |= Q(**{f"{name}__icontains": query})
            qs = qs.filter(condition)
        filters = {}
        if self.chooser_thumbnails:
            collection = request.GET.get("collection", "")
            if collection:
                qs = qs.filter(collection=collection)
            shape = request.GET.get("shape", "")
            if shape in SHAPES:
                qs = qs.filter(SHAPES[shape][1])
            filters["collection"] = collection
            filters["collections"] = list(
                self.model._default_manager.exclude(collection="")
                .order_by("collection")
                .values_list("collection", flat=True)
                .distinct()
            )
            filters["shape"] = shape
            filters["shapes"] = [(key, label) for key, (label, _q) in SHAPES.items()]
        uploader = request.GET.get("uploaded_by", "")
        if uploader.isdigit():
            qs = qs.filter(uploaded_by_id=int(uploader))
        filters["uploaded_by"] = uploader
        filters["uploaders"] = list(
            get_user_model()
            ._default_manager.filter(
                pk__in=self.model._default_manager.exclude(uploaded_by=None).values(
                    "uploaded_by"
                )
            )
            .order_by("username")
        )
        page = Paginator(qs.order_by("-uploaded_at", "-pk"), PER_PAGE).get_page(
            request.GET.get("page")
        )
        items = [
            {
                "pk": record.pk,
                "title": str(record),
                "thumbnail": rendition_url(record, "rail", smallest=True)
                if self.chooser_thumbnails and record.width and record.height
                else "",
                "record": record,
            }
            for record in page.object_list
        ]
        kept = request.GET.copy()
        kept.pop("page", None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Choose from the library"),
            "query": query,
            "filters": filters,
            "page": page,
            "items": items,
            "kept": kept.urlencode(),
            "field_id": request.GET.get("field", ""),
            "thumbnails": self.chooser_thumbnails,
            "panel": request.GET.get("panel") == "1",
        }
        return TemplateResponse(request, "library/chooser.html", context)
