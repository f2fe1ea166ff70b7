"""
An admin change list paginator that does not count a large table.

Django's admin counts every row a list matches to number its pages and say
"N articles": on 100,000 articles the plain list's count reads the whole
index, and a title search that nearly every article matches rechecks each
match (150 ms). ``BoundedPaginator`` counts the rows up to the asked page and
``AHEAD`` pages beyond it, in the list's own order (so a common search word
stops counting after a few hundred matches). When the list ends inside that
window the count and the last page are exact; otherwise the pager shows the
pages around this one and a gap, and the list says "more than N"
(``templates/admin/pagination.html`` reads ``cl.paginator.complete``).

``ModelAdmin.get_paginator`` returns one for the page in the request
(``?p=N``): see ``BoundedCountAdminMixin``.
"""

from functools import cached_property

from django.contrib.admin.views.main import PAGE_VAR
from django.core.paginator import Paginator

from core.pager import window_count

#: Pages counted past the asked one (each a hundred rows): the pages whose numbers
#: the pager shows after it.
AHEAD = 2


class BoundedPaginator(Paginator):
    def __init__(
        self, object_list, per_page, orphans=0, allow_empty_first_page=True, *, number=1
    ):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page)
        self.number = max(1, number)

    @cached_property
    def _window(self) -> tuple[int, bool]:
        return window_count(
            self.object_list, (self.number + AHEAD) * self.per_page, keep_order=True
        )

    @cached_property
    def count(self):
        return self._window[0]

    @property
    def complete(self) -> bool:
        """Is ``count`` every row of the list (rather than the window's)?"""
        return self._window[1]

    def get_elided_page_range(self, number=1, *, on_each_side=3, on_ends=2):
        number = self.validate_number(number)
        if self.complete:
            yield from super().get_elided_page_range(
                number, on_each_side=on_each_side, on_ends=on_ends
            )
            return
        if number > 1 + on_each_side + on_ends + 1:
            yield from range(1, on_ends + 1)
            yield self.ELLIPSIS
            yield from range(number - on_each_side, number + 1)
        else:
            yield from range(1, number + 1)
        yield from range(number + 1, min(number + on_each_side, self.num_pages) + 1)
        yield self.ELLIPSIS


class BoundedCountAdminMixin:
    """A ModelAdmin whose change list counts a window of pages, not the table."""

    def get_paginator(
        self, request, queryset, per_page, orphans=0, allow_empty_first_page=True
    ):
        try:
            number = int(request.GET.get(PAGE_VAR, 1))
        except ValueError:
            number = 1
        return BoundedPaginator(
            queryset, per_page, orphans, allow_empty_first_page, number=number
        )
