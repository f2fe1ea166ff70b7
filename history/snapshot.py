"""
What a revision holds, and how it is put back.

A snapshot is JSON: ``fields`` has every concrete local column by attribute
name (``title_en``, ``title_ar``, ``type_id``, ``lead_image``…), and each
relation the model's ``revision_options`` names (``history.options``) is
listed: ordered rows as ``[target id, order, *extra]``, many-to-many fields as
sorted ids. Reading the model's fields when the snapshot is taken (not when
the model class is defined) is what keeps modeltranslation's ``_ar`` columns
in it.

``take(obj)`` reads the record as the database holds it; ``from_form(obj,
form, formsets)`` reads an edit that is not saved (the change form's record
in memory, its many-to-many fields and inline formsets), so that an edit kept
as an unpublished change or refused as a conflict writes nothing to the
record.
"""

import math

from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from modeltranslation.translator import NotRegistered, translator

from history.options import ManyToMany, Ordered, options_of


def snapshot_fields(model):
    """The columns a snapshot holds: every concrete local field."""
    return list(model._meta.concrete_fields)


def _fields(obj) -> dict:
    encoder = DjangoJSONEncoder()
    fields = {}
    for field in snapshot_fields(type(obj)):
        value = field.value_from_object(obj)
        if isinstance(field, models.FileField):
            value = value.name if value else ""
        elif value is not None and not isinstance(value, (str, int, float, bool)):
            value = encoder.default(value)
        fields[field.attname] = value
    return fields


def _ordered_rows(relation, rows):
    """``[target id, order, *extra]`` of through rows given as dicts, by order then pk."""
    rows = sorted(
        rows, key=lambda row: (row["order"], row.get("pk") or math.inf, row["index"])
    )
    return [
        [row[relation.column], row["order"], *(row[e] for e in relation.extra)]
        for row in rows
    ]


def _stored_relation(obj, name, relation):
    if isinstance(relation, Ordered):
        return [
            [row[relation.column], row["order"], *(row[e] for e in relation.extra)]
            for row in getattr(obj, relation.accessor)
            .order_by("order", "pk")
            .values(relation.column, "order", *relation.extra)
        ]
    manager = getattr(obj, name)
    return sorted(
        manager.through.objects.filter(
            **{manager.source_field_name: obj.pk}
        ).values_list(manager.target_field_name + "_id", flat=True)
    )


def take(obj) -> dict:
    """A JSON-ready snapshot of ``obj`` as the database holds it now."""
    data = {"fields": _fields(obj)}
    for name, relation in options_of(obj).relations.items():
        data[name] = _stored_relation(obj, name, relation)
    return data


def _formset_for(obj, relation, formsets):
    manager = getattr(obj, relation.accessor)
    for formset in formsets:
        fk = getattr(formset, "fk", None)
        if (
            formset.model is manager.model
            and fk is not None
            and fk.name == manager.field.name
        ):
            return formset
    return None


def _kept_forms(formset):
    """The inline forms a save would keep: existing rows not deleted, new rows filled in."""
    for form in formset.initial_forms:
        if not (formset.can_delete and formset._should_delete_form(form)):
            yield form
    for form in formset.extra_forms:
        if form.has_changed() and not (
            formset.can_delete and formset._should_delete_form(form)
        ):
            yield form


def _store_uploads(obj):
    """Store the files newly uploaded to ``obj`` (the revision names them); the row is not saved."""
    for field in snapshot_fields(type(obj)):
        if isinstance(field, models.FileField):
            value = getattr(obj, field.attname)
            if value and not value._committed:
                value.save(value.name, value.file, save=False)


def from_form(obj, form, formsets=()) -> dict:
    """
    A snapshot of the edit a valid change form holds, without saving it:
    the record's columns as the form set them in memory, its many-to-many
    fields as chosen, its inline rows as the formsets would save them (a
    relation without a formset, or a field the form lacks, as stored). A newly
    uploaded file is stored under its own name (the revision names it).
    """
    _store_uploads(obj)
    data = {"fields": _fields(obj)}
    cleaned = getattr(form, "cleaned_data", {})
    for name, relation in options_of(obj).relations.items():
        if isinstance(relation, ManyToMany) and name in cleaned:
            data[name] = sorted(target.pk for target in cleaned[name])
            continue
        formset = (
            _formset_for(obj, relation, formsets)
            if isinstance(relation, Ordered)
            else None
        )
        if formset is None:
            data[name] = _stored_relation(obj, name, relation)
            continue
        rows = []
        for index, inline in enumerate(_kept_forms(formset)):
            row = inline.instance
            rows.append(
                {
                    relation.column: getattr(row, relation.column),
                    "order": row.order,
                    "pk": row.pk,
                    "index": index,
                    **{extra: getattr(row, extra) for extra in relation.extra},
                }
            )
        data[name] = _ordered_rows(relation, rows)
    return data


def overlay(obj, data) -> None:
    """Set the snapshot's restorable columns on ``obj`` in memory (no save, no relations)."""
    unrestored = options_of(obj).unrestored
    for field in snapshot_fields(type(obj)):
        if field.name in unrestored or field.attname not in data["fields"]:
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
    for name, relation in options_of(obj).relations.items():
        if isinstance(relation, Ordered):
            _apply_ordered(obj, relation, data.get(name, []))
        else:
            related = getattr(obj, name)
            existing = related.model._base_manager.filter(pk__in=data.get(name, []))
            related.set(existing)


def _apply_ordered(obj, relation, rows):
    manager = getattr(obj, relation.accessor)
    column, extra = relation.column, relation.extra
    target = manager.model._meta.get_field(column.removesuffix("_id"))
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
        if row[0] in existing and not (relation.not_self and row[0] == obj.pk)
    )


def translated_names(model):
    """The names of ``model``'s translated fields (``title``…), whose columns are per language."""
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


def relation_labels(model) -> dict:
    """The label of each relation a snapshot of ``model`` holds, by its name."""
    return {
        name: relation.label for name, relation in options_of(model).relations.items()
    }
