"""
A pager that does not count the archive.

Django's ``Paginator`` counts every match of a list to know its last page: on a
list of 90,000 articles that count is most of the page's cost, and it grows with
the archive. ``paginate()`` counts at most a window: the rows up to this page and
the ``AHEAD`` pages beyond it, whose numbers the pager shows (``SELECT COUNT(*)
FROM (… LIMIT n)``, one query, read down the list's ordering index; on a topic
that one article in twenty carries, each page counted reads some two hundred
articles). When the whole list fits in that window the pager knows its last
page and shows it; otherwise it shows the pages around this one and a gap after
them, and "Older" leads on. The page's rows are a second
query, as with Django's pager, so a list costs two queries at any size.

Page addresses stay ``?page=N``. A number past the end of the list is a 404 (a
page that does not exist is not the last page under another address); a value
that is not a number is the first page, which is what the canonical address of
such a request names.
"""

from math import ceil

from django.core.paginator import Page, Paginator
from django.http import Http404

PAGE_SIZE = 10
#: How many pages past this one the pager counts: those it shows numbers for.
AHEAD = 2


def window_count(queryset, limit: int, *, keep_order=False) -> tuple[int, bool]:
    """
    How many rows ``queryset`` has, up to ``limit``, and whether that is all of
    them: one bounded count of ``limit + 1`` rows (one more than the window
    tells whether anything lies beyond it). Any ``limit + 1`` rows count the
    same, so the count drops the ordering unless ``keep_order`` (a search the
    admin orders by a matching index stops early in its own order).
    """
    rows = queryset if keep_order else queryset.order_by()
    seen = rows.values("pk")[: limit + 1].count()
    return min(seen, limit), seen <= limit


class WindowPaginator:
    """
    What is known of a list from one bounded count: its rows up to
    ``(number + ahead) * per_page``. ``count`` and ``num_pages`` are exact when
    ``complete``; otherwise they are what the window saw, and more follow.
    """

    ELLIPSIS = Paginator.ELLIPSIS

    def __init__(self, object_list, per_page, number, *, ahead=AHEAD):
        self.object_list = object_list
        self.per_page = per_page
        self.count, self.complete = window_count(
            object_list, (number + ahead) * per_page
        )
        self.num_pages = max(1, ceil(self.count / per_page))

    def validate_number(self, number):
        if number < 1 or number > self.num_pages:
            raise Http404("No such page.")
        return number

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        object_list = self.object_list[bottom : bottom + self.per_page]
        if not self.count:
            object_list = self.object_list.none()
        return WindowPage(object_list, number, self)

    def get_elided_page_range(self, number, *, on_each_side=3, on_ends=2):
        """
        The first pages, those around ``number`` and the last ones, with
        ``ELLIPSIS`` for each gap (as Django's); when the list goes on past the
        window, a gap instead of the last pages.
        """
        number = self.validate_number(number)
        last = self.num_pages
        if self.complete and last <= (on_each_side + on_ends) * 2:
            yield from range(1, last + 1)
            return
        if number > 1 + on_each_side + on_ends + 1:
            yield from range(1, on_ends + 1)
            yield self.ELLIPSIS
            yield from range(number - on_each_side, number + 1)
        else:
            yield from range(1, number + 1)
        if not self.complete:
            yield from range(number + 1, min(number + on_each_side, last) + 1)
            yield self.ELLIPSIS
        elif number < last - on_each_side - on_ends - 1:
            yield from range(number + 1, number + on_each_side + 1)
            yield self.ELLIPSIS
            yield from range(last - on_ends + 1, last + 1)
        else:
            yield from range(number + 1, last + 1)


class WindowPage(Page):
    """A page of a ``WindowPaginator``: the same interface as Django's ``Page``."""

    def has_next(self):
        return self.number < self.paginator.num_pages

    def start_index(self):
        return (
            (self.number - 1) * self.paginator.per_page + 1
            if self.paginator.count
            else 0
        )

    def end_index(self):
        return min(self.number * self.paginator.per_page, self.paginator.count)


def page_number(request) -> int:
    """``?page=N``: N, 1 when absent or not a number."""
    try:
        return int(request.GET.get("page") or 1)
    except ValueError:
        return 1


def paginate(request, queryset, per_page=PAGE_SIZE, *, ahead=AHEAD) -> WindowPage:
    """
    The page of ``queryset`` asked for by ``?page=N`` (an ordered queryset); a
    404 for a page past the end or below 1. Two queries: the bounded count and,
    when the template reads them, the rows.
    """
    number = page_number(request)
    if number < 1:
        raise Http404("No such page.")
    return WindowPaginator(queryset, per_page, number, ahead=ahead).page(number)
