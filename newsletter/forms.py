from django import forms
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Region, Topic


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class SignUpForm(forms.Form):
    # Regions come from a region's landing page only (a hidden field).
    """An address and, optionally, topics (none: every topic); the language is the page's."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address, such as name@example.org."),
        },
    )
    topics = TopicChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.ordered(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave every box empty to receive analysis on all topics."),
        error_messages={
            "invalid_choice": _("%(value)s is not one of the topics."),
            "invalid_pk_value": _("%(pk)s is not one of the topics."),
        },
    )
    regions = TopicChoiceField(
        label=_("Regions"),
        queryset=Region.objects.ordered(),
        to_field_name="slug",
        required=False,
        widget=forms.MultipleHiddenInput,
        error_messages={
            "invalid_choice": _("%(value)s is not one of the regions."),
            "invalid_pk_value": _("%(pk)s is not one of the regions."),
        },
    )
