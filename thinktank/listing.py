"""
What the public list pages share: the type/topic/region filters read from the query
string, pagination, and the addresses of a page in the languages it exists in.

Filters are bookmarkable (``?type=…&topic=…&region=…&page=N``); an unknown value is
ignored rather than answered with an error, as links to retired terms live on.
"""

from datetime import date
from functools import cache
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import get_language, gettext_lazy as _

from articles.models import ArticleType
from core.rows import Columns, fill_prefetched
from taxonomy.models import Region, Topic
from thinktank.i18n import language_codes, localized, localized_fields

PAGE_SIZE = 10


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


class ListFilterForm(forms.Form):
    """The type, topic and region filters of a list; values are slugs, unknown ones are ignored."""

    FIELDS = ("type", "topic", "region")

    type = forms.ChoiceField(label=_("Type"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, data, *, fields=FIELDS, types=None):
        super().__init__(data)
        for name in set(self.FIELDS) - set(fields):
            del self.fields[name]
        # Choices are read here, in the view, so that rendering the form never queries.
        self.objects = {}
        self.terms = {}
        if "type" in self.fields:
            types = ArticleType.objects.all() if types is None else types
            self.objects["type"] = {t.slug: t for t in types}
            self.fields["type"].choices = [("", _("All types"))] + [
                (t.slug, t.plural) for t in self.objects["type"].values()
            ]
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
        """The ArticleType, Topic or Region chosen for ``name``, or None."""
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

    def apply(self, articles):
        """``articles`` narrowed to the chosen type, topic (or sub-topic) and region."""
        if (article_type := self.selected("type")) is not None:
            articles = articles.of_type(article_type.slug)
        if (topic := self.selected("topic")) is not None:
            articles = articles.in_topic(topic)
        if (region := self.selected("region")) is not None:
            articles = articles.in_region(region)
        return articles


def paginate(request, queryset, per_page=PAGE_SIZE) -> Page:
    """The page of ``queryset`` asked for by ``?page=N`` (the last one if N is too big)."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def page_numbers(page_obj: Page, on_each_side=2, on_ends=1) -> list[int | None]:
    """The pager's page numbers: the first, last and nearby ones, None for each gap; no query."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    ]


def page_query(query: QueryDict, page: int) -> str:
    """``?…&page=N``: the query string ``query`` (``request.GET``) with its page set to ``page``."""
    params = query.copy()
    params["page"] = page
    return f"?{params.urlencode()}"


def canonical_query(form=None, page_obj: Page | None = None) -> str:
    """
    ``?type=…&page=N``: the filters in effect and the page number (from 2 on).

    The query string of a list page's canonical address and of its hreflang
    alternates, so that both name the same page: page N is its own canonical
    page, and the same page N in the other language is its alternate. Unknown
    parameters (tracking tags, retired filters) are left out.
    """
    pairs = form.in_effect() if form is not None else []
    if page_obj is not None and page_obj.number > 1:
        pairs.append(("page", str(page_obj.number)))
    return f"?{urlencode(pairs)}" if pairs else ""


def alternates(viewname, args=(), *, languages=None, query="") -> dict[str, str]:
    """{language code: address of this page in it, ``query`` appended}, for the switcher and hreflang."""
    urls = {}
    for code in language_codes() if languages is None else languages:
        with translation.override(code):
            urls[code] = reverse(viewname, args=args) + query
    return urls
