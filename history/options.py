"""
What history keeps of a model, declared on the model itself.

A model with revisions sets ``revision_options = RevisionOptions(...)``; the
history app reads it and names no model of its own accord:

* ``relations``: the relations a revision holds besides the record's own
  columns, by the name the snapshot gives them: ``Ordered`` rows of a through
  model (``[target id, order, *extra]``) or a ``ManyToMany`` field (ids).
* ``not_restored``: columns a restore leaves alone besides identity and
  bookkeeping (``KEPT``): what only other processes change (a status).
* ``moderated``: edits of a record for which ``changes_need_review()`` is
  true (judged on the stored row) are kept as an unpublished change until
  someone publishes them; nothing is written to the record meanwhile.
* ``trash``: deleting moves to the trash (``deleted_at``, ``all_objects``).
* ``kept_while``: relations that keep a trashed record from being purged
  while they have rows (an expert still credited on an article).
"""

from dataclasses import dataclass, field

#: Columns no restore changes: identity and bookkeeping.
KEPT = frozenset(
    {"id", "created_at", "updated_at", "created_by", "updated_by", "deleted_at"}
)


@dataclass(frozen=True)
class Ordered:
    """Rows of a through model, in order: ``[target id, order, *extra]``."""

    accessor: str
    column: str
    label: str
    extra: tuple[str, ...] = ()
    #: Rows pointing back at the record itself are dropped on restore.
    not_self: bool = False


@dataclass(frozen=True)
class ManyToMany:
    """A many-to-many field of the record, kept as the sorted ids of its targets."""

    label: str


@dataclass(frozen=True)
class RevisionOptions:
    relations: dict = field(default_factory=dict)
    not_restored: frozenset = frozenset()
    moderated: bool = False
    trash: bool = True
    kept_while: tuple[str, ...] = ()

    @property
    def unrestored(self) -> frozenset:
        return KEPT | frozenset(self.not_restored)


DEFAULT = RevisionOptions()


def options_of(model) -> RevisionOptions:
    """The revision options of ``model`` (a class or an instance)."""
    return getattr(model, "revision_options", DEFAULT)


def related_model(model, name):
    """The model a relation of the snapshot points to (for naming its rows)."""
    relation = options_of(model).relations[name]
    if isinstance(relation, Ordered):
        through = getattr(model, relation.accessor).field.model
        return through._meta.get_field(
            relation.column.removesuffix("_id")
        ).related_model
    return model._meta.get_field(name).related_model
