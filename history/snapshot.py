"""
What a revision holds, and how it is put back.

A snapshot is JSON: ``fields`` has every concrete local column by attribute
name (``title_en``, ``title_ar``, ``type_id``, ``lead_image``…), and the
relations are listed in their order: ``authorships`` ([expert id, order]),
``recommendations`` ([article id, order]), ``topics`` and ``regions`` (ids).
Reading the model's fields when the snapshot is taken (not when the model
class is defined) is what keeps modeltranslation's ``_ar`` columns in it.
"""

from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from thinktank.i18n import language_codes

#: Columns a restore leaves alone: identity, bookkeeping, and what only the
#: workflow's transitions change (status, dates, published languages).
NOT_RESTORED = {
    "id",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "deleted_at",
    "status",
    "published_at",
    "first_published_at",
    *(f"available_{code}" for code in language_codes()),
}

#: Relations kept in order, by model label: name -> (through model attr, target column).
ORDERED_RELATIONS = {
    "articles.article": {
        "authorships": ("authorships", "expert_id", ("frozen",)),
        "recommendations": ("recommendation_links", "recommended_id", ()),
    },
}
PLAIN_RELATIONS = ("topics", "regions")


def snapshot_fields(model):
    """The columns a snapshot holds: every concrete local field."""
    return list(model._meta.concrete_fields)


def take(obj) -> dict:
    """A JSON-ready snapshot of ``obj`` as the database holds it now."""
    encoder = DjangoJSONEncoder()
    fields = {}
    for field in snapshot_fields(type(obj)):
        value = field.value_from_object(obj)
        if isinstance(field, models.FileField):
            value = value.name if value else ""
        elif value is not None and not isinstance(value, (str, int, float, bool)):
            value = encoder.default(value)
        fields[field.attname] = value
    data = {"fields": fields}
    label = obj._meta.label_lower
    for name, (accessor, column, extra) in ORDERED_RELATIONS.get(label, {}).items():
        data[name] = [
            [row[column], row["order"], *(row[e] for e in extra)]
            for row in getattr(obj, accessor)
            .order_by("order", "pk")
            .values(column, "order", *extra)
        ]
    for name in PLAIN_RELATIONS:
        data[name] = sorted(
            getattr(obj, name)
            .through.objects.filter(**{getattr(obj, name).source_field_name: obj.pk})
            .values_list(getattr(obj, name).target_field_name + "_id", flat=True)
        )
    return data


def overlay(obj, data) -> None:
    """Set the snapshot's restorable columns on ``obj`` in memory (no save, no relations)."""
    for field in snapshot_fields(type(obj)):
        if field.name in NOT_RESTORED or field.attname not in data["fields"]:
            continue
        value = data["fields"][field.attname]
        if isinstance(field, models.FileField):
            # The name alone: through the descriptor, an image field would
            # open the file to measure it (the snapshot has its size).
            obj.__dict__[field.attname] = value or ""
            continue
        if value is not None:
            value = field.to_python(value)
        setattr(obj, field.attname, value)


def apply(obj, data) -> None:
    """Put the snapshot ``data`` back into ``obj`` and its relations, and save."""
    overlay(obj, data)
    obj.save()
    label = obj._meta.label_lower
    for name, (accessor, column, extra) in ORDERED_RELATIONS.get(label, {}).items():
        manager = getattr(obj, accessor)
        target = manager.model._meta.get_field(column.removesuffix("_id"))
        rows = data.get(name, [])
        existing = set(
            target.related_model._base_manager.filter(
                pk__in=[row[0] for row in rows]
            ).values_list("pk", flat=True)
        )
        manager.all().delete()
        manager.model.objects.bulk_create(
            manager.model(
                **{manager.field.attname: obj.pk, column: row[0], "order": row[1]},
                **dict(zip(extra, row[2:], strict=False)),
            )
            for row in rows
            if row[0] in existing
            and row[0] != (obj.pk if name == "recommendations" else None)
        )
    for name in PLAIN_RELATIONS:
        related = getattr(obj, name)
        existing = related.model._base_manager.filter(pk__in=data.get(name, []))
        related.set(existing)


def translated_names(model):
    """The names of ``model``'s translated fields (``title``…), whose columns are per language."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def field_label(model, attname):
    """How the comparison names a column: its field's label, without the language."""
    try:
        field = model._meta.get_field(attname.removesuffix("_id"))
    except FieldDoesNotExist:
        return attname
    field = getattr(field, "translated_field", field)
    return str(field.verbose_name)


RELATION_LABELS = {
    "authorships": _("authors, in byline order"),
    "recommendations": _("recommended articles, in order"),
    "topics": _("topics"),
    "regions": _("regions"),
}
