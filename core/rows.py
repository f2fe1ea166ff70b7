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
from functools import cached_property

from django.db import connection, models
from django.db.models.expressions import Col


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
    def _converters(self) -> list[list]:
        converters = []
        for field in self.fields:
            expression = Col(self.alias, field)
            converters.append(
                connection.ops.get_db_converters(expression)
                + field.get_db_converters(connection)
            )
        return converters

    def values(self, row: Sequence) -> list:
        """The row's values as the ORM would hand them to the model."""
        values = list(row)
        for index, converters in enumerate(self._converters):
            for convert in converters:
                values[index] = convert(values[index], self.fields[index], connection)
        return values

    def instance(self, row: Sequence) -> models.Model:
        """A model instance from the row (its first ``len(self)`` values)."""
        return self.model.from_db(
            connection.alias, self.attnames, self.values(row[: len(self)])
        )


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
    manager = getattr(obj, name)
    cache_name = getattr(manager, "prefetch_cache_name", None)
    if cache_name is None:  # the reverse side of a foreign key
        cache_name = manager.field.remote_field.cache_name
    cache = obj.__dict__.setdefault("_prefetched_objects_cache", {})
    cache.pop(cache_name, None)
    # As prefetch_related does: the relation's own QuerySet (so that anything
    # derived from it still asks for this object's rows), its result filled in.
    queryset = manager.get_queryset()
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    cache[cache_name] = queryset


def cache_related(obj: models.Model, name: str, related: models.Model) -> None:
    """Keep ``related`` as ``obj.<name>`` (a foreign key), as ``select_related`` would."""
    obj._meta.get_field(name).set_cached_value(obj, related)
