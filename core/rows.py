"""
Reading model rows with hand-written SQL, for the few reads on the hottest
pages.

Building and compiling a query with the ORM costs far more than running it
(about half a millisecond for the simplest one, ten times the query itself),
and a page that must draw in a few milliseconds cannot pay that six times.
Those reads write their SQL once (the text depends only on the schema and
the language, so it is built on first use and kept), and turn rows into
model instances here, with the same conversions the ORM applies:

* ``Columns(model, names)`` is a list of a model's columns: its SQL, and how a
  row (or a slice of one) becomes an instance (``Model.from_db``, as the ORM
  makes them: deferred fields and ``refresh_from_db`` work as usual);
* ``fetch(sql, params)`` runs a statement and returns its rows;
* ``fill_prefetched(obj, name, objects)`` stores a relation's objects the way
  ``prefetch_related`` does, so ``obj.<name>.all()`` reads them without a query.

Everything else goes through QuerySet methods; a read written here keeps its
ORM twin's definition, and a test holds the two to the same rows.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from django.db import connection, models
from django.db.models.base import ModelState
from django.db.models.expressions import Col
from django.db.models.query import QuerySet

from core.fetching import page_fetch_mode


def quoted(name: str) -> str:
    return connection.ops.quote_name(name)


class Columns:
    """Some columns of ``model`` (all by default), read as ``alias.column``."""

    def __init__(self, model, names: Sequence[str] | None = None, *, alias: str):
        self.model = model
        self.alias = alias
        meta = model._meta
        # In the model's order, as from_db() expects the values of a subset.
        wanted = None if names is None else {meta.get_field(n) for n in names}
        self.fields = [
            field for field in meta.concrete_fields if wanted is None or field in wanted
        ]
        self.attnames = [field.attname for field in self.fields]

    def __len__(self):
        return len(self.fields)

    @cached_property
    def sql(self) -> str:
        """``alias."column", …`` for a SELECT list."""
        return ", ".join(
            f"{self.alias}.{quoted(field.column)}" for field in self.fields
        )

    @cached_property
    def _converters(self) -> list[tuple[int, models.Field, list]]:
        """(index, field, converters) of the columns whose values need converting."""
        converters = []
        for index, field in enumerate(self.fields):
            found = connection.ops.get_db_converters(
                Col(self.alias, field)
            ) + field.get_db_converters(connection)
            if found:
                converters.append((index, field, found))
        return converters

    def values(self, row: Sequence) -> list:
        """The row's values as the ORM would hand them to the model."""
        values = list(row)
        for index, field, converters in self._converters:
            value = values[index]
            for convert in converters:
                value = convert(value, field, connection)
            values[index] = value
        return values

    def instance(self, row: Sequence) -> models.Model:
        """
        A model instance from the row (its first ``len(self)`` values), for
        reading: made as ``Model.from_db()`` makes one, but without
        ``__init__``'s machinery (its signals and modeltranslation's wrapper
        cost more than the query). Columns left out read as deferred fields.
        """
        instance = self.model.__new__(self.model)
        state = ModelState()
        state.adding = False
        state.db = connection.alias
        state.fetch_mode = page_fetch_mode()
        instance._state = state
        values = self.values(row[: len(self)])
        instance.__dict__.update(zip(self.attnames, values, strict=True))
        return instance


def optional_instance(columns: "Columns", row: Sequence) -> models.Model | None:
    """``columns.instance(row)``, or None when the row's primary key is NULL (a LEFT JOIN found none)."""
    pk_index = next(
        (i for i, field in enumerate(columns.fields) if field.primary_key), None
    )
    if pk_index is not None and row[pk_index] is None:
        return None
    return columns.instance(row)


def converted(value, field):
    """A computed column's ``value`` as the ORM would read it into ``field``."""
    for convert in connection.ops.get_db_converters(
        Col("", field)
    ) + field.get_db_converters(connection):
        value = convert(value, field, connection)
    return value


def fetch(sql: str, params: Iterable = ()) -> list[tuple]:
    """The rows of one statement."""
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.fetchall()


def placeholders(count: int) -> str:
    return ", ".join(["%s"] * count)


def fill_prefetched(obj: models.Model, name: str, objects: Iterable) -> None:
    """Keep ``objects`` as ``obj.<name>.all()``, as ``prefetch_related`` would."""
    relation = _relations(type(obj), name)
    # A QuerySet that holds the objects; anything derived from it (a filter,
    # a count) asks for nothing rather than for the wrong rows.
    queryset = QuerySet(relation.model)
    queryset.query.set_empty()
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    obj.__dict__.setdefault("_prefetched_objects_cache", {})[relation.cache_name] = (
        queryset
    )


@dataclass(frozen=True)
class _Relation:
    model: type
    cache_name: str


@cache
def _relations(model, name: str) -> _Relation:
    """What ``prefetch_related`` names the relation ``name`` of ``model`` in its cache."""
    descriptor = getattr(model, name)
    if hasattr(descriptor, "rel") and descriptor.rel.many_to_many:
        field = descriptor.rel.field if descriptor.reverse else descriptor.field
        related = field.remote_field.model if not descriptor.reverse else field.model
        cache_name = field.related_query_name() if descriptor.reverse else field.name
        return _Relation(related, cache_name)
    field = descriptor.rel.field  # the reverse side of a foreign key
    return _Relation(field.model, field.remote_field.cache_name)


def cache_related(obj: models.Model, name: str, related: models.Model) -> None:
    """Keep ``related`` as ``obj.<name>`` (a foreign key), as ``select_related`` would."""
    obj._meta.get_field(name).set_cached_value(obj, related)
