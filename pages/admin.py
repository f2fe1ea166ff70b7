from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import BilingualAdmin
from core.i18n import localized_fields
from history.admin import HistoryAdminMixin
from pages.models import Page


@admin.register(Page)
class PageAdmin(HistoryAdminMixin, BilingualAdmin):
    """About, Contact, Privacy…: a translated title, address and text, published per language."""

    list_display = [
        *localized_fields("title"),
        *localized_fields("published"),
        "in_main_menu",
        "in_footer",
        "sort_order",
    ]
    list_display_links = localized_fields("title")
    list_editable = ["sort_order"]
    list_filter = [*localized_fields("published"), "in_main_menu", "in_footer"]
    search_fields = [*localized_fields("title"), *localized_fields("slug")]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "body"]}),
        (_("Search engines"), {"fields": ["description"]}),
        (_("Publication"), {"fields": ["published"]}),
        (
            _("Place in the menus"),
            {"fields": ["in_main_menu", "in_footer", "sort_order"]},
        ),
        (
            _("Record"),
            {"classes": ["collapse"], "fields": ["created_at", "updated_at"]},
        ),
    ]
