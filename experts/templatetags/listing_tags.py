"""Helpers for list pages: the pager's page numbers."""

from django import template

register = template.Library()


@register.simple_tag
def page_numbers(page_obj, on_each_side=2, on_ends=1) -> list[int | None]:
    """The first, last and nearby page numbers, None for each gap; no query."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    ]
