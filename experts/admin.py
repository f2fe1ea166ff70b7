from django.contrib import admin
from django.db.models import Count, Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin import BilingualAdmin
from core.i18n import (
    default_language,
    localized,
    localized_fields,
    other_language_codes,
)
from core.pictures import rendition_url
from experts.models import Expert
from history.admin import HistoryAdminMixin
from library.admin import LibraryChoicesAdminMixin


@admin.register(Expert)
class ExpertAdmin(LibraryChoicesAdminMixin, HistoryAdminMixin, BilingualAdmin):
    list_display = [
        "headshot_thumbnail",
        "sort_name",
        *(localized("name", code) for code in other_language_codes()),
        "status",
        "has_profile",
        "article_count",
    ]
    list_display_links = ["headshot_thumbnail", "sort_name"]
    list_filter = ["status", "has_profile", "topics"]
    search_fields = [*localized_fields("name"), "sort_name", "slug"]
    autocomplete_fields = ["topics", "regions"]
    prepopulated_fields = {"slug": [localized("name", default_language())]}
    readonly_fields = ["headshot_preview", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "sort_name", "slug", "has_profile"]}),
        (
            _("Affiliation"),
            {"fields": ["status", ("affiliation_start", "affiliation_end")]},
        ),
        (_("Titles and biography"), {"fields": ["titles", "short_bio", "bio"]}),
        (
            _("Headshot"),
            {
                "fields": [
                    "headshot",
                    "headshot_preview",
                ]
            },
        ),
        (_("Expertise"), {"fields": ["topics", "regions"]}),
        (
            _("Media contact and links"),
            {
                "classes": ["collapse"],
                "fields": ["email", "phone", "website", "x_handle", "linkedin"],
            },
        ),
        (
            _("Record"),
            {"classes": ["collapse"], "fields": ["created_at", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        # Articles in the trash (history) do not count.
        return (
            super()
            .get_queryset(request)
            .select_related("headshot")
            .annotate(
                article_count=Count(
                    "articles", filter=Q(articles__deleted_at__isnull=True)
                )
            )
        )

    @admin.display(description=_("headshot"))
    def headshot_thumbnail(self, obj):
        if not obj.headshot:
            return "—"
        # The smallest "bio" rendition (72 px), never the original.
        return format_html(
            '<img class="tt-headshot" src="{}" alt="" width="40" height="40" loading="lazy">',
            rendition_url(obj.headshot, "bio", smallest=True),
        )

    @admin.display(description=_("headshot preview"))
    def headshot_preview(self, obj):
        if not obj.headshot:
            return "—"
        return format_html(
            '<a href="{}"><img src="{}" alt="" width="160" loading="lazy"></a>',
            obj.headshot.get_admin_url(),
            rendition_url(obj.headshot, "profile", smallest=True),
        )

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, obj):
        return obj.article_count
