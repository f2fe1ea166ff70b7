from django import forms
from django.conf import settings
from django.utils.translation import get_language, gettext_lazy as _

from articles.models import ArticleType
from core.i18n import language_codes, localized_fields
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


class ArticleFilterForm(ListFilterForm):
    """The analysis listing's filters: type, topic, region, expert and a date range, all bookmarkable."""

    def __init__(self, data):
        super().__init__(data)
        # A thousand experts: their slugs and names, not instances (``apply()``
        # needs only the chosen one's id).
        codes = language_codes()
        own = codes.index(get_language() or settings.LANGUAGE_CODE)
        default = codes.index(settings.LANGUAGE_CODE)
        experts = (
            Expert.objects.with_profile()
            .ordered()
            .values_list("pk", "slug", *localized_fields("name"))
        )
        names = {}
        self.objects["expert"] = {}
        for pk, slug, *name in experts:
            self.objects["expert"][slug] = pk
            names[slug] = name[own] or name[default]
        self.fields["expert"] = forms.ChoiceField(
            label=_("Expert"),
            required=False,
            choices=Choices([("", _("All experts")), *names.items()]),
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
