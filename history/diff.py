"""
Field-by-field, language-by-language comparison of two snapshots.

Text is compared word by word with ``difflib``; every piece is HTML-escaped
before it is wrapped in ``<del>`` (only in the older) or ``<ins>`` (only in
the newer), so a revision's markup is shown as text, never run.
"""

import difflib
import re
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import escape
from django.utils.safestring import mark_safe

from history.options import related_model
from history.snapshot import field_label, relation_labels, translated_names

_TOKENS = re.compile(r"\s+|[^\s<>]+|<[^>]*>|[<>]")


def tokens(text):
    return _TOKENS.findall(text or "")


def highlight(old, new):
    """HTML of the change from ``old`` to ``new``: removed words in <del>, added in <ins>."""
    a, b = (
        tokens(str(old if old is not None else "")),
        tokens(str(new if new is not None else "")),
    )
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, a, b, autojunk=False
    ).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))


@dataclass
class Change:
    label: str
    language: str  # "" for a column that is not translated
    old: object
    new: object
    html: str


def _language_of(model, attname):
    """The language of the column ``attname`` of ``model``; "" when it is not translated."""
    try:
        field = model._meta.get_field(attname)
    except FieldDoesNotExist:
        return ""
    return field.language if hasattr(field, "translated_field") else ""


def compare(model, old, new):
    """The ``Change``s from snapshot ``old`` to snapshot ``new``, in field order."""
    changes = []
    old_fields, new_fields = old.get("fields", {}), new.get("fields", {})
    # The untranslated column of a translated field repeats the default language's.
    # Bookkeeping is in the revision list (who, when), not in the comparison.
    skipped = translated_names(model) | {
        "updated_at",
        "created_at",
        "updated_by_id",
        "created_by_id",
    }
    ordered = list(new_fields) + [k for k in old_fields if k not in new_fields]
    for attname in ordered:
        before, after = old_fields.get(attname), new_fields.get(attname)
        if (
            before == after
            or attname in skipped
            or (before in (None, "") and after in (None, ""))
        ):
            continue
        language = _language_of(model, attname)
        label = field_label(model, attname)
        before, after = _named(model, attname, before), _named(model, attname, after)
        changes.append(Change(label, language, before, after, highlight(before, after)))
    for name, label in relation_labels(model).items():
        if name not in old and name not in new:
            continue
        # Ids and order only: a byline frozen at publication is not an edit.
        before, after = (
            [row[:2] if isinstance(row, list) else row for row in rows]
            for rows in (old.get(name, []), new.get(name, []))
        )
        if before != after:
            changes.append(
                Change(
                    str(label),
                    "",
                    before,
                    after,
                    highlight(
                        _describe(model, name, before), _describe(model, name, after)
                    ),
                )
            )
    return changes


def _describe(model, name, rows):
    """The names of a relation's targets, in order, for the comparison."""
    targets = related_model(model, name)
    pks = [row[0] if isinstance(row, list) else row for row in rows]
    names = {obj.pk: str(obj) for obj in targets._base_manager.filter(pk__in=pks)}
    return "; ".join(names.get(pk, f"#{pk}") for pk in pks)


def _named(model, attname, value):
    """A foreign key's value as the record it points to ("Brief Analysis", not 3)."""
    if value is None or not attname.endswith("_id"):
        return value
    try:
        field = model._meta.get_field(attname.removesuffix("_id"))
    except FieldDoesNotExist:
        return value
    if not field.many_to_one:
        return value
    target = field.related_model._base_manager.filter(pk=value).first()
    return str(target) if target is not None else f"#{value}"
