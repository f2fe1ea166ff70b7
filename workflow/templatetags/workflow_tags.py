from django import template

from workflow.selectors import dashboard

register = template.Library()


@register.simple_tag(takes_context=True)
def workflow_dashboard(context):
    """The admin index's workflow lists for the current user (at most five queries)."""
    return dashboard(context["request"].user)
