"""Internal links to experts in rich text (``data-ref="expert:<pk>"``)."""

from core.i18n import localized, localized_fields
from core.richtext import register_chooser, register_reference
from core.urls import slug_url
from experts.models import Expert


def resolve_experts(ids, language_code):
    """{pk: (name, url or None when readers of that language have no profile to see)}, in one query."""
    name = localized("name", language_code)
    rows = Expert.objects.filter(pk__in=ids).values(
        "pk", name, "name_en", "slug", "has_profile"
    )
    return {
        row["pk"]: (
            row[name] or row["name_en"],
            slug_url("experts:detail", row["slug"], language_code)
            if row["has_profile"] and row[name]
            else None,
        )
        for row in rows
    }


def connect():
    register_reference("expert", resolve_experts)
    register_chooser("expert", Expert, localized_fields("name"))
