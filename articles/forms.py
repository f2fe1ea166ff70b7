from django import forms
from django.conf import settings
from django.utils.translation import get_language, gettext_lazy as _

from experts.models import Expert
from thinktank.i18n import language_codes, localized_fields
from thinktank.listing import Choices, ListFilterForm


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
