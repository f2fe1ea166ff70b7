from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import BilingualAdmin, ProposedSlugForm
from core.i18n import default_language, localized, localized_fields
from taxonomy.models import Region, Topic


class TermForm(ProposedSlugForm):
    slug_sources = {"slug": localized("name", default_language())}


class TermAdmin(BilingualAdmin):
    """Topics and regions: a translated name, a slug under /policy-analysis/, a parent and an order."""

    form = TermForm

    list_display = [*localized_fields("name"), "slug", "parent", "sort_order"]
    list_display_links = localized_fields("name")
    list_editable = ["sort_order"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = [*localized_fields("name"), "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": [localized("name", default_language())]}
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
