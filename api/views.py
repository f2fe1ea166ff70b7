"""
``/api/v1/``: the read API. The views are thin: the reads are the site's own
QuerySet methods and selectors (``Article.objects.live()``, the listing's
filters, ``article_for_page()``), the documents ``api.representations``.
The conventions every response shares (caching, rate limit, CORS) are
``api.middleware``'s.
"""

from datetime import date
from typing import Literal

from django.conf import settings
from django.db.models import Q
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.dateparse import parse_datetime
from ninja import NinjaAPI, Query
from ninja.errors import HttpError, ValidationError

from api import representations as rep, schemas
from api.conventions import (
    ApiProblem,
    absolute,
    decode_cursor,
    encode_cursor,
    negotiated_language,
    page_size,
    problem,
)
from articles.models import Article, ArticleType
from articles.search import SearchForm, ranked_ids
from articles.selectors import article_for_page
from experts.models import Expert
from taxonomy.models import Region, Topic

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
Language = Literal[LANGUAGES]  # type: ignore[valid-type]

api = NinjaAPI(
    title="thinktank read API",
    version="1",
    description=(
        "Public, read-only: what readers of the site see, in the language asked "
        "for (`?lang=` or `Accept-Language`). See docs/api.md."
    ),
    openapi_url="/schema",
    docs_url="/docs",
    urls_namespace="api",
)

PROBLEMS = {400: schemas.Problem, 404: schemas.Problem}
LANG = Query(None, description="Language of the response (else Accept-Language).")
CURSOR = Query(None, description="The `next_cursor` of the previous page.")
LIMIT = Query(None, ge=1, le=100, description="Items per page (default 20).")
FROM = Query(None, alias="from", description="Published on or after.")
TO = Query(None, description="Published on or before.")
SEARCH = Query(None, max_length=200, description="Search words.")


@api.exception_handler(ApiProblem)
def _api_problem(request, error):
    extra = {"parameter": error.parameter} if error.parameter else {}
    return problem(error.status, error.detail, **extra)


@api.exception_handler(ValidationError)
def _invalid(request, error):
    fields = []
    for item in error.errors:
        where = item.get("loc", ())
        name = str(where[-1]) if where else ""
        fields.append(f"{name}: {item.get('msg', 'invalid')}")
    return problem(400, "; ".join(fields) or "Invalid request.")


@api.exception_handler(Http404)
def _not_found(request, error):
    return problem(404, "No such record is published in this language.")


@api.exception_handler(HttpError)
def _http_error(request, error):
    return problem(error.status_code, str(error))


def _language(request) -> str:
    language = negotiated_language(request)
    request.api_language = language
    return language


def _next_url(request, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    params = request.GET.copy()
    params["cursor"] = cursor
    params["lang"] = request.api_language
    return absolute(f"{request.path}?{params.urlencode()}")


def _page(request, items, cursor):
    return {
        "language": request.api_language,
        "items": items,
        "next": _next_url(request, cursor),
        "next_cursor": cursor,
    }


FILTERS = ("type", "topic", "region", "expert")


def _filters(request) -> SearchForm:
    """The listing's own filters (``articles.forms``), each value checked: an unknown one is an error naming it."""
    data = QueryDict(mutable=True)
    for name in (*FILTERS, "from", "to", "q"):
        if name in request.GET:
            data[name] = request.GET[name]
    form = SearchForm(data)
    for name in FILTERS:
        if data.get(name) and form.selected(name) is None:
            raise ApiProblem(
                400, f"{name}: no such {name} {data[name]!r}.", parameter=name
            )
    form.is_valid()
    for name in ("from", "to", "q"):
        if name in form.errors:
            raise ApiProblem(
                400, f"{name}: {' '.join(form.errors[name])}", parameter=name
            )
    return form


@api.get(
    "/articles",
    response={200: schemas.ArticlePage, **PROBLEMS},
    url_name="articles",
    summary="Published articles, newest first (or best match with q)",
)
def articles(
    request,
    lang: Language | None = LANG,
    type: str | None = Query(None, description="An article type's slug."),
    topic: str | None = Query(None, description="A topic's slug (its sub-topics too)."),
    region: str | None = Query(
        None, description="A region's slug (its sub-regions too)."
    ),
    expert: str | None = Query(None, description="An expert's slug: their work."),
    from_: date | None = FROM,
    to: date | None = TO,
    q: str | None = SEARCH,
    cursor: str | None = CURSOR,
    limit: int | None = LIMIT,
):
    language = _language(request)
    size = page_size(request)
    with translation.override(language):
        form = _filters(request)
        live = form.apply(Article.objects.live(language))
        if form.query:
            position = decode_cursor(cursor, ("o",))
            offset = int(position["o"]) if position else 0
            ids = ranked_ids(form.query, language_code=language, articles=live)
            page_ids = ids[offset : offset + size]
            found = {a.pk: a for a in live.filter(pk__in=page_ids).for_listing()}
            rows = [found[pk] for pk in page_ids if pk in found]
            more = len(ids) > offset + size
            next_cursor = encode_cursor({"o": offset + size}) if more else None
        else:
            position = decode_cursor(cursor, ("p", "i"))
            listing = live.newest_first().for_listing()
            if position:
                moment = parse_datetime(str(position["p"]))
                if moment is None or not isinstance(position["i"], int):
                    raise ApiProblem(400, "cursor: not a cursor this list gave out.")
                listing = listing.filter(
                    Q(published_at__lt=moment)
                    | Q(published_at=moment, pk__lt=position["i"])
                )
            rows = list(listing[: size + 1])
            next_cursor = None
            if len(rows) > size:
                rows = rows[:size]
                last = rows[-1]
                next_cursor = encode_cursor(
                    {"p": last.published_at.isoformat(), "i": last.pk}
                )
        return _page(request, [rep.article_card(a) for a in rows], next_cursor)


@api.get(
    "/articles/{slug}",
    response={200: schemas.ArticleDetail, **PROBLEMS},
    url_name="article",
    summary="An article, with everything its page shows",
)
def article(request, slug: str, lang: Language | None = LANG):
    language = _language(request)
    with translation.override(language):
        found = article_for_page(slug, language)
        if found is None:
            raise Http404
        return rep.article_detail(found)


@api.get(
    "/experts",
    response={200: schemas.ExpertPage, **PROBLEMS},
    url_name="experts",
    summary="Experts with a profile, alphabetically",
)
def experts(
    request,
    lang: Language | None = LANG,
    cursor: str | None = CURSOR,
    limit: int | None = LIMIT,
):
    language = _language(request)
    size = page_size(request)
    position = decode_cursor(cursor, ("n", "s"))
    with translation.override(language):
        listing = Expert.objects.live(language).for_directory()
        if position:
            listing = listing.filter(
                Q(sort_name__gt=str(position["n"]))
                | Q(sort_name=str(position["n"]), slug__gt=str(position["s"]))
            )
        rows = list(listing[: size + 1])
        next_cursor = None
        if len(rows) > size:
            rows = rows[:size]
            next_cursor = encode_cursor({"n": rows[-1].sort_name, "s": rows[-1].slug})
        return _page(request, [rep.expert_summary(e) for e in rows], next_cursor)


#: How many of an expert's publications the profile document lists (the rest: ``publications_api_url``).
PUBLICATIONS = 20


@api.get(
    "/experts/{slug}",
    response={200: schemas.ExpertDetail, **PROBLEMS},
    url_name="expert",
    summary="An expert's profile and latest publications",
)
def expert(request, slug: str, lang: Language | None = LANG):
    language = _language(request)
    with translation.override(language):
        found = Expert.objects.live(language).for_profile().filter(slug=slug).first()
        if found is None:
            raise Http404
        publications = list(
            Article.objects.live(language)
            .by_expert(found)
            .newest_first()
            .for_listing()[:PUBLICATIONS]
        )
        listing = f"{reverse('api:articles')}?expert={slug}&lang={language}"
        return {
            **rep.expert_summary(found),
            "portrait": rep.picture(found.headshot, "profile")
            if found.headshot_id
            else None,
            "links": {str(label): url for label, url in found.profiles},
            "topics": [rep.term(t, "topic") for t in found.topics.all()],
            "regions": [rep.term(r, "region") for r in found.regions.all()],
            "publications": [rep.article_card(a) for a in publications],
            "publications_url": absolute(f"{reverse('article_list')}?expert={slug}"),
            "publications_api_url": absolute(listing),
        }


def _tree(model, kind: str, language: str) -> list[dict]:
    """Every term, in the editors' order, each naming its parent and children (one query)."""
    terms = list(model.objects.live(language).ordered())
    slugs = {t.pk: t.slug for t in terms}
    items = {t.pk: rep.term(t, kind) for t in terms}
    for t in terms:
        if t.parent_id in items:
            items[t.pk]["parent"] = slugs[t.parent_id]
            items[t.parent_id]["children"].append(t.slug)
    return list(items.values())


def _term(model, kind: str, slug: str, language: str) -> dict:
    for item in _tree(model, kind, language):
        if item["slug"] == slug:
            return item
    raise Http404


@api.get("/topics", response={200: schemas.TermList, **PROBLEMS}, url_name="topics")
def topics(request, lang: Language | None = LANG):
    language = _language(request)
    with translation.override(language):
        return {"language": language, "items": _tree(Topic, "topic", language)}


@api.get("/topics/{slug}", response={200: schemas.Term, **PROBLEMS}, url_name="topic")
def topic(request, slug: str, lang: Language | None = LANG):
    language = _language(request)
    with translation.override(language):
        return _term(Topic, "topic", slug, language)


@api.get("/regions", response={200: schemas.TermList, **PROBLEMS}, url_name="regions")
def regions(request, lang: Language | None = LANG):
    language = _language(request)
    with translation.override(language):
        return {"language": language, "items": _tree(Region, "region", language)}


@api.get("/regions/{slug}", response={200: schemas.Term, **PROBLEMS}, url_name="region")
def region(request, slug: str, lang: Language | None = LANG):
    language = _language(request)
    with translation.override(language):
        return _term(Region, "region", slug, language)


@api.get(
    "/article-types",
    response={200: schemas.TypeList, **PROBLEMS},
    url_name="article_types",
)
def article_types(request, lang: Language | None = LANG):
    language = _language(request)
    with translation.override(language):
        return {
            "language": language,
            "items": [rep.article_type(t) for t in ArticleType.objects.all()],
        }
