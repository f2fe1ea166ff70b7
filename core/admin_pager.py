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

from django.contrib.admin.views.main import ALL_VAR, PAGE_VAR
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
        return BoundedPaginator(
            queryset, per_page, orphans, allow_empty_first_page, number=_page(request)
        )

    def window_rows(self, request) -> int | None:
        """
        How many rows of its list the change list of ``request`` reads at most:
        those of the pages up to ``AHEAD`` past the asked one and one more,
        which tells whether the list goes on (``window_count``); ``None``: all,
        when it shows them all or ``request`` is not the change list (an
        autocomplete pages its own way).
        """
        match = request.resolver_match
        changelist = f"{self.opts.app_label}_{self.opts.model_name}_changelist"
        if ALL_VAR in request.GET or match is None or match.url_name != changelist:
            return None
        return (_page(request) + AHEAD) * self.list_per_page + 1


def _page(request) -> int:
    """The page number the change list of ``request`` asks for (1 when none or not a number)."""
    try:
        return max(1, int(request.GET.get(PAGE_VAR, 1)))
    except ValueError:
        return 1
