from functools import cache, lru_cache
from typing import NamedTuple

from django import forms
from django.conf import settings
from django.utils.translation import get_language, gettext_lazy as _

from articles.models import ArticleType
from core.i18n import language_codes, localized_fields
from core.rows import ValuesRead
from experts.models import Expert
from taxonomy.forms import Choices, TermFilterForm


class ListFilterForm(TermFilterForm):
    """The type, topic and region filters of a list of articles."""

    FIELDS = ("type", *TermFilterForm.FIELDS)
    field_order = FIELDS

    type = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, data, *, fields=None, types=None):
        super().__init__(data, fields=fields)
        if "type" in self.fields:
            types = ArticleType.objects.all() if types is None else types
            self.objects["type"] = {t.slug: t for t in types}
            self.fields["type"].choices = [("", _("All types"))] + [
                (t.slug, t.plural) for t in self.objects["type"].values()
            ]

    def apply(self, articles):
        """``articles`` narrowed to the chosen type, topic (or sub-topic) and region."""
        if (article_type := self.selected("type")) is not None:
            articles = articles.of_type(article_type.slug)
        if (topic := self.selected("topic")) is not None:
            articles = articles.in_topic(topic)
        if (region := self.selected("region")) is not None:
            articles = articles.in_region(region)
        return articles


@cache
def _expert_read() -> ValuesRead:
    """The experts a filter offers (those with a profile), alphabetically: ids, slugs and names."""
    return ValuesRead(
        Expert.objects.with_profile().ordered(), "pk", "slug", *localized_fields("name")
    )


class ExpertChoices(NamedTuple):
    ids: dict[str, int]
    choices: tuple[tuple[str, str], ...]


@lru_cache(maxsize=8)
def _expert_choices(rows: tuple, positions: tuple, language_code: str) -> ExpertChoices:
    """
    The filter's {slug: id} and (slug, name) choices from ``_expert_read()``'s
    rows (``positions``: where its fields are), names in ``language_code``
    (else the default language).
    """
    pk, slug, *names = positions
    codes = language_codes()
    own = names[codes.index(language_code) if language_code in codes else 0]
    default = names[codes.index(settings.LANGUAGE_CODE)]
    return ExpertChoices(
        {row[slug]: row[pk] for row in rows},
        tuple((row[slug], row[own] or row[default]) for row in rows),
    )


class ArticleFilterForm(ListFilterForm):
    """The analysis listing's filters: type, topic, region, expert and a date range, all bookmarkable."""

    def __init__(self, data):
        super().__init__(data)
        # A thousand experts: their slugs and names, not instances (``apply()``
        # needs only the chosen one's id), made into choices once for the same rows.
        read = _expert_read()
        experts = _expert_choices(
            read.rows(), read.positions, get_language() or settings.LANGUAGE_CODE
        )
        self.objects["expert"] = experts.ids
        self.fields["expert"] = forms.ChoiceField(
            label=_("Expert"),
            required=False,
            choices=Choices([("", _("All experts")), *experts.choices]),
        )
        # "from" and "to" are the query-string names (and Python keywords).
        for name, label in (("from", _("From")), ("to", _("To"))):
            self.fields[name] = forms.DateField(
                label=label,
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}),
            )

    def dates(self):
        """The valid (from, to) dates; either may be None."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return data.get("from"), data.get("to")

    @property
    def active(self) -> bool:
        return super().active or any(self.dates())

    def apply(self, articles):
        """``articles`` narrowed by every valid filter; invalid values are ignored."""
        articles = super().apply(articles)
        if (expert_id := self.selected("expert")) is not None:
            articles = articles.by_expert(expert_id)
        start, end = self.dates()
        if start:
            articles = articles.filter(published_at__date__gte=start)
        if end:
            articles = articles.filter(published_at__date__lte=end)
        return articles
