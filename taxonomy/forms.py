"""
The topic and region filters of the public lists, read from the query string.

Filters are bookmarkable (``?topic=…&region=…&page=N``); an unknown value is
ignored rather than answered with an error, as links to retired terms live on.
"""

from datetime import date
from functools import cache, lru_cache

from django import forms
from django.conf import settings
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import get_language, gettext_lazy as _

from core.i18n import localized_fields
from core.rows import Columns, ValuesRead, fill_prefetched
from taxonomy.models import Region, Topic


@cache
def _filter_columns(model) -> Columns:
    """A term's columns that a filter reads: its id, parent, slug, order and names."""
    return Columns(
        model,
        ["id", "parent", "slug", "sort_order", *localized_fields("name")],
        alias=model._meta.db_table,
    )


@cache
def _filter_read(model) -> ValuesRead:
    """Every term of ``model`` in the editors' order, as rows of ``_filter_columns``."""
    return ValuesRead(model.objects.ordered(), *_filter_columns(model).attnames)


class TermTree:
    """
    Every term of a model as rows in tree order (children under their
    parent) with their depths: built once for the same rows (``term_tree()``),
    so a request pays for reading them, not for ordering and labelling them.
    Instances are made per request, of the terms a page uses.
    """

    def __init__(self, model, rows: tuple, positions: tuple):
        self.model = model
        # Rows in the columns' order, as instances are made from them.
        rows = tuple(tuple(row[i] for i in positions) for row in rows)
        at = {name: i for i, name in enumerate(_filter_columns(model).attnames)}
        pk, parent, slug = at["id"], at["parent_id"], at["slug"]
        self._names = {
            field.removeprefix("name_"): at[field] for field in localized_fields("name")
        }
        by_parent = {}
        for row in rows:
            by_parent.setdefault(row[parent], []).append(row)
        ordered = []

        def walk(parent_id, depth):
            for row in by_parent.get(parent_id, []):
                ordered.append((row, depth))
                walk(row[pk], depth + 1)

        walk(None, 0)
        self.ordered = tuple(ordered)
        self.slugs = tuple(row[slug] for row, _depth in ordered)
        self.by_slug = dict(zip(self.slugs, (row for row, _d in ordered), strict=True))
        self.children_rows = {
            parent_id: tuple(below)
            for parent_id, below in by_parent.items()
            if parent_id is not None
        }
        self._choices = {}

    def choices(self, language_code: str) -> tuple[tuple[str, str], ...]:
        """(slug, label) pairs: children indented under their parent, names in ``language_code`` (else the default)."""
        if language_code not in self._choices:
            own = self._names.get(language_code, self._names[settings.LANGUAGE_CODE])
            default = self._names[settings.LANGUAGE_CODE]
            self._choices[language_code] = tuple(
                (slug, f"{'— ' * depth}{row[own] or row[default]}")
                for slug, (row, depth) in zip(self.slugs, self.ordered, strict=True)
            )
        return self._choices[language_code]

    def instance(self, row):
        return _filter_columns(self.model).instance(row)

    def term(self, slug: str):
        """The term whose slug is ``slug``, with its children filled in, or None."""
        row = self.by_slug.get(slug)
        if row is None:
            return None
        term = self.instance(row)
        fill_prefetched(term, "children", self.children(term.pk))
        return term

    def children(self, pk) -> list:
        """The children of the term ``pk``, as instances, in the editors' order."""
        return [self.instance(row) for row in self.children_rows.get(pk, ())]


@lru_cache(maxsize=8)
def _tree(model, rows: tuple, positions: tuple) -> TermTree:
    return TermTree(model, rows, positions)


def term_tree(model) -> TermTree:
    """Every term of ``model`` in tree order (one query; the tree is kept for the same rows)."""
    read = _filter_read(model)
    return _tree(model, read.rows(), read.positions)


def terms_in_tree_order(model, *, children=True) -> list:
    """
    Every term of ``model`` as (term, depth) instances, children under their
    parent, from the tree ``term_tree()`` keeps (one query): each term's
    ``children`` are filled in from the same rows unless ``children`` is False.
    """
    tree = term_tree(model)
    ordered = []
    for row, depth in tree.ordered:
        term = tree.instance(row)
        if children:
            fill_prefetched(term, "children", tree.children(term.pk))
        ordered.append((term, depth))
    return ordered


class Choices(BaseChoiceIterator):
    """
    A select's (value, label) pairs, taken as they are: a ChoiceField
    normalizes a plain list item by item, which for a thousand experts cost
    more than reading them.
    """

    def __init__(self, pairs):
        self.pairs = pairs

    def __iter__(self):
        return iter(self.pairs)


class TermFilterForm(forms.Form):
    """The topic and region filters of a list; values are slugs, unknown ones are ignored."""

    FIELDS = ("topic", "region")

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, data, *, fields=None):
        super().__init__(data)
        fields = self.FIELDS if fields is None else fields
        for name in set(self.FIELDS) - set(fields):
            del self.fields[name]
        # Choices are read here, in the view, so that rendering the form never queries.
        self.objects = {}
        self.trees = {}
        language = get_language() or settings.LANGUAGE_CODE
        for name, model, everything in (
            ("topic", Topic, _("All topics")),
            ("region", Region, _("All regions")),
        ):
            if name in self.fields:
                tree = term_tree(model)
                self.trees[name] = tree
                self.fields[name].choices = Choices(
                    [("", everything), *tree.choices(language)]
                )

    def selected(self, name):
        """The object chosen for ``name`` (a Topic with its children, a Region…), or None."""
        self.is_valid()
        value = getattr(self, "cleaned_data", {}).get(name)
        if name in self.trees:
            if name not in self.objects:
                self.objects[name] = self.trees[name].term(value) if value else None
            return self.objects[name]
        return self.objects.get(name, {}).get(value)

    @property
    def active(self) -> bool:
        """Is any filter chosen?"""
        return any(self.selected(name) is not None for name in self.fields)

    def in_effect(self) -> list[tuple[str, str]]:
        """The (name, value) pairs of the filters that apply, in field order; invalid ones are left out."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        pairs = []
        for name in self.fields:
            value = cleaned.get(name)
            if value not in (None, ""):
                pairs.append(
                    (name, value.isoformat() if isinstance(value, date) else str(value))
                )
        return pairs
