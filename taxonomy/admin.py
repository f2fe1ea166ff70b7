from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import BilingualAdmin, ProposedSlugForm
from taxonomy.models import Region, Topic


class TermForm(ProposedSlugForm):
    slug_sources = {"slug": "name_en"}


class TermAdmin(BilingualAdmin):
    """Topics and regions: a translated name, a slug under /policy-analysis/, a parent and an order."""

    form = TermForm

    list_display = ["name_en", "name_ar", "slug", "parent", "sort_order"]
    list_display_links = ["name_en", "name_ar"]
    list_editable = ["sort_order"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name_en", "name_ar", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name_en"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "description"]}),
        (_("Place in the tree"), {"fields": ["parent", "sort_order"]}),
    ]


@admin.register(Topic)
class TopicAdmin(TermAdmin):
    pass


@admin.register(Region)
class RegionAdmin(TermAdmin):
    pass
