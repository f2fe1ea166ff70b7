from django import forms
from django.utils.translation import gettext_lazy as _

from experts.models import Expert
from thinktank.listing import ListFilterForm


class ArticleFilterForm(ListFilterForm):
    """The analysis listing's filters: type, topic, region, expert and a date range, all bookmarkable."""

    def __init__(self, data):
        super().__init__(data)
        experts = Expert.objects.with_profile().ordered().for_byline()
        self.objects["expert"] = {e.slug: e for e in experts}
        self.fields["expert"] = forms.ChoiceField(
            label=_("Expert"),
            required=False,
            choices=[("", _("All experts"))]
            + [(e.slug, e.name) for e in self.objects["expert"].values()],
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
        if (expert := self.selected("expert")) is not None:
            articles = articles.by_expert(expert)
        start, end = self.dates()
        if start:
            articles = articles.filter(published_at__date__gte=start)
        if end:
            articles = articles.filter(published_at__date__lte=end)
        return articles
