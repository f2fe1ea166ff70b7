"""
The topic and region filters of the public lists, read from the query string.

Filters are bookmarkable (``?topic=…&region=…&page=N``); an unknown value is
ignored rather than answered with an error, as links to retired terms live on.
"""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from core.rows import fill_prefetched
from taxonomy.models import Region, Topic


def terms_in_tree_order(model) -> list:
    """
    Every term of ``model`` as (term, depth), children under their parent, in
    one query: each term's ``children`` are filled in from the same rows.
    """
    by_parent = {}
    for term in model.objects.ordered():
        by_parent.setdefault(term.parent_id, []).append(term)
    ordered = []

    def walk(parent_id, depth):
        for term in by_parent.get(parent_id, []):
            fill_prefetched(term, "children", by_parent.get(term.pk, []))
            ordered.append((term, depth))
            walk(term.pk, depth + 1)

    walk(None, 0)
    return ordered


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
        for name, model, everything in (
            ("topic", Topic, _("All topics")),
            ("region", Region, _("All regions")),
        ):
            if name in self.fields:
                terms = terms_in_tree_order(model)
                self.objects[name] = {t.slug: t for t, _depth in terms}
                self.fields[name].choices = [("", everything)] + [
                    (t.slug, f"{'— ' * depth}{t.name}") for t, depth in terms
                ]

    def selected(self, name):
        """The object chosen for ``name`` (a Topic, a Region…), or None."""
        self.is_valid()
        value = getattr(self, "cleaned_data", {}).get(name)
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
