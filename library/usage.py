"""
What refers to a library record, and the rule that a record in use stays.

``uses_of(record)`` lists every ``Use``: the rows whose foreign keys point at
it (rows in the trash included: the base manager sees them) and whatever the
registered finders report (``find_uses_with``): ``history`` reports the
revisions that name the record, so that a restore can bring it back. The
library names no model: the relations are read from the model's meta.

``refuse_if_used`` raises ``ProtectedError`` naming the users; the library's
``pre_delete`` receiver calls it, so ``delete()`` on a record or a queryset,
the admin and any command are refused alike.
"""

from dataclasses import dataclass

from django.db.models import ProtectedError
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy as _


@dataclass(frozen=True)
class Use:
    """One thing that refers to a record: what it is, and where an editor sees it."""

    label: str
    url: str | None
    obj: object
    kind: str = "record"  # or what the finder says ("revision")

    def __str__(self):
        return self.label


#: Functions ``record -> list[Use]`` of the users the relations do not show.
_finders = []


def find_uses_with(finder) -> None:
    """Register ``finder``: the uses it reports keep a record from being deleted."""
    if finder not in _finders:
        _finders.append(finder)


def referring_fields(model) -> list:
    """The foreign keys (of any model) that point at ``model``."""
    return [
        relation.field
        for relation in model._meta.get_fields(include_hidden=True)
        if relation.auto_created
        and not relation.concrete
        and (relation.one_to_many or relation.one_to_one)
    ]


def admin_url(obj) -> str | None:
    """The admin's change page of ``obj``, if the admin has one."""
    meta = obj._meta
    try:
        return reverse(
            f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]
        )
    except NoReverseMatch:
        return None


def row_uses(record) -> list[Use]:
    """The rows that refer to ``record``, trashed ones included."""
    uses = []
    for field in referring_fields(type(record)):
        model = field.model
        rows = model._base_manager.filter(**{field.attname: record.pk}).order_by("pk")
        for row in rows:
            label = (
                f"{capfirst(model._meta.verbose_name)}: {row} ({field.verbose_name})"
            )
            if getattr(row, "deleted_at", None):
                label += " — " + gettext("in the trash")
            uses.append(Use(label, admin_url(row), row))
    return uses


def uses_of(record) -> list[Use]:
    """Everything that refers to ``record``: rows first, then what the finders report."""
    uses = row_uses(record)
    for finder in _finders:
        uses.extend(finder(record))
    return uses


def in_use(record) -> bool:
    return bool(uses_of(record))


class InUse(ProtectedError):
    """A library record that something still refers to cannot be deleted."""


def refusal_message(record, uses) -> str:
    return _("“%(record)s” cannot be deleted: it is used by %(users)s.") % {
        "record": record,
        "users": "; ".join(use.label for use in uses),
    }


def refuse_if_used(record) -> None:
    """Raise ``InUse`` (a ``ProtectedError``) naming the users when ``record`` has any."""
    uses = uses_of(record)
    if uses:
        raise InUse(str(refusal_message(record, uses)), {use.obj for use in uses})
