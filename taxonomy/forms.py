"""
The topic and region filters of the public lists, read from the query string.

Filters are bookmarkable (``?topic=…&region=…&page=N``); an unknown value is
ignored rather than answered with an error, as links to retired terms live on.
"""

from datetime import date
from functools import cache

from django import forms
from django.conf import settings
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import get_language, gettext_lazy as _

from core.i18n import localized, localized_fields
from core.rows import Columns, fill_prefetched
from taxonomy.models import Region, Topic


@cache
def _filter_columns(model) -> Columns:
    """A term's columns that a filter reads: its id, parent, slug, order and names."""
    return Columns(
        model,
        ["id", "parent", "slug", "sort_order", *localized_fields("name")],
        alias=model._meta.db_table,
    )


def terms_in_tree_order(model, *, children=True) -> list:
    """
    Every term of ``model`` as (term, depth), children under their parent, in
    one query: each term's ``children`` are filled in from the same rows
    (unless ``children`` is False: ``fill_children()`` fills one term's).
    """
    # Instances from rows of the columns a filter needs (a few hundred terms:
    # building them through the model's __init__ cost more than the query).
    columns = _filter_columns(model)
    by_parent = {}
    for row in model.objects.ordered().values_list(*columns.attnames):
        term = columns.instance(row)
        by_parent.setdefault(term.parent_id, []).append(term)
    ordered = []

    def walk(parent_id, depth):
        for term in by_parent.get(parent_id, []):
            if children:
                fill_prefetched(term, "children", by_parent.get(term.pk, []))
            ordered.append((term, depth))
            walk(term.pk, depth + 1)

    walk(None, 0)
    return ordered


def fill_children(term, terms: list) -> None:
    """Fill ``term.children`` from ``terms`` (terms_in_tree_order's), without a query."""
    fill_prefetched(
        term, "children", [t for t, _depth in terms if t.parent_id == term.pk]
    )


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


def labels(field: str):
    """Reads an object's ``field`` in the active language, else in the default one (as its translated attribute does)."""
    own = localized(field, get_language() or settings.LANGUAGE_CODE)
    default = localized(field, settings.LANGUAGE_CODE)
    return lambda obj: getattr(obj, own) or getattr(obj, default)


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
        self.terms = {}
        for name, model, everything in (
            ("topic", Topic, _("All topics")),
            ("region", Region, _("All regions")),
        ):
            if name in self.fields:
                # Children are filled for the chosen term only (selected()).
                terms = terms_in_tree_order(model, children=False)
                self.terms[name] = terms
                self.objects[name] = {t.slug: t for t, _depth in terms}
                name_of = labels("name")
                self.fields[name].choices = Choices(
                    [("", everything)]
                    + [(t.slug, f"{'— ' * depth}{name_of(t)}") for t, depth in terms]
                )

    def selected(self, name):
        """The object chosen for ``name`` (a Topic, a Region…), or None."""
        self.is_valid()
        value = getattr(self, "cleaned_data", {}).get(name)
        chosen = self.objects.get(name, {}).get(value)
        if name in self.terms and chosen is not None:
            fill_children(chosen, self.terms[name])
        return chosen

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
