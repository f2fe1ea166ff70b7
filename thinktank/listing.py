"""
What the public list pages share: the type/topic/region filters read from the query
string, pagination, and the addresses of a page in the languages it exists in.

Filters are bookmarkable (``?type=…&topic=…&region=…&page=N``); an unknown value is
ignored rather than answered with an error, as links to retired terms live on.
"""

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from articles.models import ArticleType
from taxonomy.models import Region, Topic
from thinktank.i18n import language_codes

PAGE_SIZE = 10


def terms_in_tree_order(model) -> list:
    """Every term of ``model`` as (term, depth), children (prefetched) under their parent."""
    terms = model.objects.ordered().prefetch_related(
        Prefetch("children", queryset=model.objects.ordered())
    )
    by_parent = {}
    for term in terms:
        by_parent.setdefault(term.parent_id, []).append(term)
    ordered = []

    def walk(parent_id, depth):
        for term in by_parent.get(parent_id, []):
            ordered.append((term, depth))
            walk(term.pk, depth + 1)

    walk(None, 0)
    return ordered


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
                terms = terms_in_tree_order(model)
                self.objects[name] = {t.slug: t for t, _depth in terms}
                self.fields[name].choices = [("", everything)] + [
                    (t.slug, f"{'— ' * depth}{t.name}") for t, depth in terms
                ]

    def selected(self, name):
        """The ArticleType, Topic or Region chosen for ``name``, or None."""
        self.is_valid()
        value = getattr(self, "cleaned_data", {}).get(name)
        return self.objects.get(name, {}).get(value)

    @property
    def active(self) -> bool:
        """Is any filter chosen?"""
        return any(self.selected(name) is not None for name in self.fields)

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


def alternates(viewname, args=(), *, languages=None) -> dict[str, str]:
    """{language code: address of this page in it}, for the switcher and hreflang."""
    urls = {}
    for code in language_codes() if languages is None else languages:
        with translation.override(code):
            urls[code] = reverse(viewname, args=args)
    return urls
