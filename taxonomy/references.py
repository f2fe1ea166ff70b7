"""Internal links to topics and regions in rich text (``data-ref="topic:<pk>"``, ``"region:<pk>"``)."""

from core.i18n import localized, localized_fields
from core.richtext import register_chooser, register_reference
from core.urls import slug_url
from taxonomy.models import Region, Topic


def resolver(model):
    def resolve(ids, language_code):
        """{pk: (name, landing url)}, in one query: every landing is public."""
        name = localized("name", language_code)
        rows = model.objects.filter(pk__in=ids).values("pk", name, "name_en", "slug")
        return {
            row["pk"]: (
                row[name] or row["name_en"],
                slug_url("policy_analysis", row["slug"], language_code),
            )
            for row in rows
        }

    return resolve


def connect():
    register_reference("topic", resolver(Topic))
    register_reference("region", resolver(Region))
    register_chooser("topic", Topic, localized_fields("name"))
    register_chooser("region", Region, localized_fields("name"))
