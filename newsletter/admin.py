import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsletter.models import Subscriber

#: The export's columns, in order.
EXPORT_COLUMNS = (
    "email",
    "language",
    "topics",
    "regions",
    "status",
    "signed_up",
    "confirmed",
)


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """Subscribers: listed, filtered and exported as CSV (with their language and topics)."""

    list_display = [
        "email",
        "language",
        "status",
        "topic_names",
        "created_at",
        "confirmed_at",
    ]
    list_filter = ["status", "language", "topics", "regions"]
    search_fields = ["email"]
    readonly_fields = [
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "confirmation_sent_at",
        "last_digest_at",
    ]
    autocomplete_fields = ["topics", "regions"]
    actions = ["export_csv"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("topics", "regions")

    @admin.display(description=_("topics"))
    def topic_names(self, obj):
        names = [term.name for term in (*obj.topics.all(), *obj.regions.all())]
        return ", ".join(names) or _("all")

    @admin.action(description=_("Export the selected subscribers as CSV"))
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = (
            f'attachment; filename="subscribers-{stamp}.csv"'
        )
        writer = csv.writer(response)
        writer.writerow(EXPORT_COLUMNS)
        for subscriber in queryset.for_export():
            writer.writerow(
                [
                    subscriber.email,
                    subscriber.language,
                    " ".join(topic.slug for topic in subscriber.topics.all()),
                    " ".join(region.slug for region in subscriber.regions.all()),
                    subscriber.status,
                    subscriber.created_at.isoformat(),
                    subscriber.confirmed_at.isoformat()
                    if subscriber.confirmed_at
                    else "",
                ]
            )
        return response
