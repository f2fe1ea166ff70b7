"""
What the public list pages share: pagination, the canonical query string of a
page, and the addresses of a page in the languages it exists in. The filters
are forms of their own apps (``taxonomy.forms.TermFilterForm``,
``articles.forms.ListFilterForm``).
"""

from functools import lru_cache
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from markupsafe import Markup, escape

from core.i18n import language_codes

PAGE_SIZE = 10


def paginate(request, queryset, per_page=PAGE_SIZE) -> Page:
    """The page of ``queryset`` asked for by ``?page=N`` (the last one if N is too big)."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def page_numbers(page_obj: Page, on_each_side=2, on_ends=1) -> list[int | None]:
    """The pager's page numbers: the first, last and nearby ones, None for each gap; no query."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    ]


def page_query(query: QueryDict, page: int) -> str:
    """``?…&page=N``: the query string ``query`` (``request.GET``) with its page set to ``page``."""
    params = query.copy()
    params["page"] = page
    return f"?{params.urlencode()}"


def canonical_query(form=None, page_obj: Page | None = None) -> str:
    """
    ``?type=…&page=N``: the filters in effect and the page number (from 2 on).

    The query string of a list page's canonical address and of its hreflang
    alternates, so that both name the same page: page N is its own canonical
    page, and the same page N in the other language is its alternate. Unknown
    parameters (tracking tags, retired filters) are left out.
    """
    pairs = form.in_effect() if form is not None else []
    if page_obj is not None and page_obj.number > 1:
        pairs.append(("page", str(page_obj.number)))
    return f"?{urlencode(pairs)}" if pairs else ""


def alternates(viewname, args=(), *, languages=None, query="") -> dict[str, str]:
    """{language code: address of this page in it, ``query`` appended}, for the switcher and hreflang."""
    urls = {}
    for code in language_codes() if languages is None else languages:
        with translation.override(code):
            urls[code] = reverse(viewname, args=args) + query
    return urls


def select_options(choices, current) -> Markup:
    """
    The ``<option>`` elements of a filter's ``choices`` ((value, label) pairs),
    the one whose value is ``current`` selected.

    A filter offers a thousand experts and hundreds of terms on every list
    page: the options are written once for the same choices (in the same
    language) and kept, keyed by their text, so a renamed, added or removed
    choice is simply another key; only the selection is marked per request.
    """
    pairs = tuple((str(value), str(label)) for value, label in choices)
    html = _options(pairs)
    value = f'<option value="{escape("" if current is None else str(current))}">'
    if value not in html:
        return html
    # str's replace: Markup's would escape the arguments.
    return Markup(str.replace(html, value, f"{value[:-1]} selected>", 1))


@lru_cache(maxsize=32)
def _options(pairs: tuple[tuple[str, str], ...]) -> Markup:
    return Markup(
        "".join(
            f'\n  <option value="{escape(value)}">{escape(label)}</option>'
            for value, label in pairs
        )
    )
