"""
Old addresses that answer 301 with the current one.

``record_move()`` is called from the save path of articles, topics, regions and
experts when a published slug changes; editors add redirects by hand in the
admin or from a CSV file (``import_redirects``). ``RedirectFallbackMiddleware``
serves them, looking the path up only when the site answers 404.

Chains collapse as they are written: when A→B exists and B moves to C, A is
pointed at C; a move back (B→A while A→B exists) deletes the old redirect
rather than creating a loop.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponsePermanentRedirect
from django.urls import is_valid_path, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core import notfound
from core.i18n import language_codes
from core.models import NotFound, Redirect, RedirectKind, normalise_old_path


@transaction.atomic
def record_move(
    old_path: str, new_path: str, *, language: str = "", kind: str = RedirectKind.AUTO
) -> Redirect | None:
    """Send ``old_path`` to ``new_path`` from now on, collapsing chains; None if they are equal."""
    old_path = normalise_old_path(old_path)
    if old_path == new_path:
        return None
    # Checked before the first query: a NUL must not reach PostgreSQL.
    Redirect(
        old_path=old_path, new_path=new_path, language=language, kind=kind
    ).full_clean(validate_unique=False)
    # The new address is live again: nothing may redirect away from it.
    Redirect.objects.filter(old_path=new_path).delete()
    # A→old becomes A→new; a redirect that would now point at itself goes.
    Redirect.objects.filter(new_path=old_path).update(new_path=new_path)
    redirect, _created = Redirect.objects.update_or_create(
        old_path=old_path,
        defaults={"new_path": new_path, "language": language, "kind": kind},
    )
    # The address answers now: it leaves the log of addresses not found.
    NotFound.objects.filter(path=old_path).delete()
    return redirect


def paths_in_languages(viewname: str, slug: str, languages=None) -> dict[str, str]:
    """``{code: path}`` of the page ``viewname(slug)`` in each language."""
    paths = {}
    for code in language_codes() if languages is None else languages:
        with translation.override(code):
            paths[code] = reverse(viewname, args=[slug])
    return paths


def record_moves(old_urls: dict[str, str], new_urls: dict[str, str]) -> None:
    """Record a move for every language whose address changed: ``{code: path}`` before and after."""
    for code, old in old_urls.items():
        new = new_urls.get(code)
        if new and old != new:
            record_move(old, new, language=code)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def _row_errors(line: int, old: str, new: str, language: str) -> list[str]:
    """What the model's own checks find wrong with one CSV row, each naming its line and field."""
    try:
        Redirect(old_path=old, new_path=new, language=language).full_clean(
            validate_unique=False
        )
    except ValidationError as error:
        return [
            _("Line %(line)d, %(field)s: %(error)s")
            % {
                "line": line,
                "field": Redirect._meta.get_field(name).verbose_name,
                "error": message,
            }
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return []


def import_redirects(text: str) -> ImportResult:
    """
    Manual redirects from CSV text with the columns ``old_path,new_path[,language]``
    (a header row naming them is optional). All or nothing: any error, reported
    with its line number, leaves the database unchanged.
    """
    result = ImportResult()
    rows = []
    seen = {}
    for line, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if line == 1 and cells[0].lower() == "old_path":
            continue
        if len(cells) < 2 or len(cells) > 3:
            result.errors.append(
                _("Line %(line)d: expected old_path,new_path[,language].")
                % {"line": line}
            )
            continue
        old, new, language = (cells + [""])[:3]
        if errors := _row_errors(line, old, new, language):
            result.errors += errors
        elif (old := normalise_old_path(old)) in seen:
            result.errors.append(
                _("Line %(line)d: %(path)s is already redirected on line %(first)d.")
                % {"line": line, "path": old, "first": seen[old]}
            )
        else:
            seen[old] = line
            rows.append((old, new, language))
    if result.errors:
        return result
    with transaction.atomic():
        for old, new, language in rows:
            existed = Redirect.objects.filter(old_path=old).exists()
            record_move(old, new, language=language, kind=RedirectKind.MANUAL)
            if existed:
                result.updated += 1
            else:
                result.created += 1
    return result


#: URL names whose pattern takes any slug at the site's root (institute
#: pages): matching one proves nothing, so the callable registered for it
#: (``open_route``) says whether a record answers at that slug.
OPEN_ROUTES: dict = {}


def open_route(url_name: str, exists) -> None:
    """The route ``url_name`` takes any slug; ``exists(**kwargs)`` says whether a page is there (one query)."""
    OPEN_ROUTES[url_name] = exists


def without_trailing_slash(request) -> str | None:
    """
    The canonical path of a 404 whose path ends with a slash the site's
    addresses do not have (``/experts/``, ``/ar/policy-analysis/x/``), or
    None. The URL patterns decide, not the database: a path some pattern
    takes as it is (the admin's, which end with a slash) stays a 404.
    """
    path = request.path_info
    if not path.endswith("/") or path == "/":
        return None
    stripped = path.rstrip("/")
    urlconf = getattr(request, "urlconf", None)
    if (
        not stripped
        or is_valid_path(path, urlconf)
        or not is_valid_path(stripped, urlconf)
    ):
        return None
    match = resolve(stripped, urlconf)
    exists = OPEN_ROUTES.get(match.url_name)
    if exists is not None and not exists(**match.kwargs):
        return None
    return request.path[: len(request.path) - (len(path) - len(stripped))]


class RedirectFallbackMiddleware:
    """
    On a 404, answer 301 if the path (or the path and its query string) has
    moved (one indexed query, and only on 404s) or only differs from a
    canonical address by a trailing slash (no query); otherwise count the 404
    in the log (``core.notfound``, one upsert). The home page, which reads no
    query string, is also looked up when it is asked with one: legacy
    addresses such as ``/?p=123``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        query = request.META.get("QUERY_STRING", "")
        if response.status_code != 404:
            match = getattr(request, "resolver_match", None)
            if not (query and match is not None and match.url_name == "home"):
                return response
            target = self._target(request.path, query)
            if target is None:
                return response
            return HttpResponsePermanentRedirect(target)
        target = without_trailing_slash(request)
        if target is None:
            target = self._target(request.path, query)
        elif query and "?" not in target:
            target = f"{target}?{query}"
        if target is None:
            notfound.record(request)
            return response
        return HttpResponsePermanentRedirect(target)

    @staticmethod
    def _target(path, query):
        """Where a stored redirect sends ``path?query``; a plain path's rule passes the query on."""
        found = Redirect.objects.for_path(path, query).values_list(
            "old_path", "new_path"
        )[:1]
        if not found:
            return None
        old_path, target = found[0]
        if query and "?" not in old_path and "?" not in target:
            target = f"{target}?{query}"
        return target
