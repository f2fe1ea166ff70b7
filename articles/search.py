"""
Site search: ``/search?q=…`` in each language.

On PostgreSQL, the stored search entries (``ArticleSearchEntry``, kept by
``articles.search_index``) answer a ``websearch`` query, ranked with ``ts_rank`` (as ``SearchRank``: title > summary > body >
names) and with snippets from ``ts_headline`` (as ``SearchHeadline``). On SQLite an FTS5 table
(``articles.search_sqlite``) answers with the same normalisation and weights,
ranked with BM25; another database falls back to a plain ``icontains``
search, newest first. Either way only ``Article.objects.live(language)`` is
searched.
"""

import html
import re
from functools import cache

from django import forms
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import (
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles import search_sqlite
from articles.forms import ArticleFilterForm
from articles.models import (
    Article,
    ArticleSearchEntry,
    ArticleSearchText,
    ArticleType,
    Authorship,
)
from articles.search_index import normalize, plain_text, search_config, strip_marks
from articles.selectors import RAIL_FIELDS, with_bylines
from core.i18n import language_codes, localized, localized_fields
from core.rows import (
    Columns,
    cache_related,
    fetch,
    optional_instance,
    placeholders,
    quoted,
)
from library.models import Image

# Marks around matches in SearchHeadline's output, replaced by <mark> once the
# text around them is escaped (a summary may contain "<").
_START, _STOP = "\ue000", "\ue001"
SNIPPET_WORDS = 40
#: How many of the newest matches full-text search ranks (PostgreSQL).
RANKED = 500


class SearchForm(ArticleFilterForm):
    """The query plus the listing's filters (type, topic, region, expert, from, to)."""

    def __init__(self, data):
        super().__init__(data)
        self.fields = {
            "q": forms.CharField(label=_("Search for"), required=False, max_length=200),
            **self.fields,
        }

    @property
    def query(self) -> str:
        """The cleaned search text ("" when none)."""
        self.is_valid()
        return " ".join(getattr(self, "cleaned_data", {}).get("q", "").split())


def uses_full_text() -> bool:
    """Does the database answer with PostgreSQL full-text search?"""
    return connection.vendor == "postgresql"


def _entry(language_code: str) -> FilteredRelation:
    """The article's search entry in ``language_code`` (one at most)."""
    return FilteredRelation(
        "search_entries", condition=Q(search_entries__language=language_code)
    )


class Literal(Value):
    """
    A constant written into the statement's text rather than sent as a
    parameter (quoted by the driver, ``%`` doubled for the parameters that follow).

    For the match condition of a search: PostgreSQL plans a prepared statement
    once for any parameters after its fifth run, and that plan, not knowing the
    words, expects a rare match and reads the index entries of every match: on a
    word nine articles in ten contain, 600 ms instead of 10. Written into the
    text, the words are known to the planner on every run.
    """

    def as_sql(self, compiler, connection):
        sql = connection.ops.compose_sql("%s", [self.value])
        return sql.replace("%", "%%"), []


def _query(text: str, language_code: str, *, inline=False) -> SearchQuery:
    """The websearch query of ``text``; ``inline``: its words and configuration as literals."""
    value, config = normalize(text), search_config(language_code)
    if inline:
        value, config = Literal(value), Literal(config)
    return SearchQuery(value, config=config, search_type="websearch")


def _contains(text: str, language_code: str) -> Q:
    """Every word of ``text`` in the title, summary, body or a name (the SQLite fallback)."""
    condition = Q()
    # Tashkeel is rarely stored, so a query typed with it still matches.
    for word in strip_marks(text).split():
        names = Authorship.objects.filter(
            article=OuterRef("pk"),
            **{f"expert__{localized('name', language_code)}__icontains": word},
        )
        terms = Q()
        for through, column in (
            (Article.topics.through, "topic"),
            (Article.regions.through, "region"),
        ):
            named = {f"{column}__{localized('name', language_code)}__icontains": word}
            terms |= Q(
                Exists(through.objects.filter(article_id=OuterRef("pk"), **named))
            )
        condition &= (
            Q(**{f"{localized('title', language_code)}__icontains": word})
            | Q(**{f"{localized('summary', language_code)}__icontains": word})
            | Q(**{f"{localized('body', language_code)}__icontains": word})
            | Q(Exists(names))
            | terms
        )
    return condition


def _matches(text: str, language_code: str, qs: QuerySet[Article]) -> QuerySet[Article]:
    """The articles of ``qs`` matching ``text`` (already tidied, not empty), in no order."""
    if uses_full_text():
        # The words written into the statement (``Literal``): see there.
        query = _query(text, language_code, inline=True)
        return qs.alias(entry=_entry(language_code)).filter(entry__document=query)
    if connection.vendor == "sqlite":
        return search_sqlite.matches(qs, normalize(text), language_code)
    return qs.filter(_contains(text, language_code))


def ranked_ids(
    text: str, *, language_code: str, articles: QuerySet[Article] | None = None
) -> list[int]:
    """
    The ids of the live articles in ``language_code`` matching ``text``, best
    first, in one statement. ``articles`` narrows the search (filters).

    With full-text search (PostgreSQL, SQLite's FTS5) the newest ``RANKED``
    matches are ranked, not every match: a word most of the archive contains
    would otherwise be ranked (and counted) over the whole archive on every
    search. When that many match, ``is_capped()`` says so, and dates or filters
    reach older work. The statement finds the newest matches and ranks them
    (their number is the length of the list: no count of its own); only the
    page shown is then read (``search_results()``).
    """
    text = " ".join((text or "").split())
    qs = Article.objects.live(language_code) if articles is None else articles
    if not text:
        return []
    matches = _matches(text, language_code, qs)
    if uses_full_text():
        return _ranked_postgresql(matches, text, language_code)
    if connection.vendor == "sqlite":
        return search_sqlite.ranked_ids(matches, RANKED)
    return list(matches.newest_first().values_list("pk", flat=True))


def _ranked_postgresql(matches, text: str, language_code: str) -> list[int]:
    # The newest RANKED matches with their documents, then those ranked
    # (``SearchRank``'s ts_rank, best first, then newest): ranking a subquery
    # that stops at RANKED rows ranks those rows only.
    newest = (
        matches.order_by("-published_at", "-pk")
        .annotate(
            match_id=F("pk"),
            match_at=F("published_at"),
            match_document=F("entry__document"),
        )
        .values_list("match_id", "match_at", "match_document")[:RANKED]
        .query
    )
    sql, params = newest.sql_with_params()
    query = connection.ops.compose_sql(
        "websearch_to_tsquery(%s::regconfig, %s)",
        [search_config(language_code), normalize(text)],
    ).replace("%", "%%")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT match_id FROM ({sql}) AS newest "
            f"ORDER BY ts_rank(match_document, {query}) DESC, "
            "match_at DESC, match_id DESC",
            params,
        )
        return [pk for (pk,) in cursor.fetchall()]


def finds(text: str, *, language_code: str, articles=None) -> bool:
    """Does ``text`` match any live article in ``language_code`` (within ``articles``)?"""
    text = " ".join((text or "").split())
    qs = Article.objects.live(language_code) if articles is None else articles
    return bool(text) and _matches(text, language_code, qs).exists()


def search_results(ids: list[int], text: str, *, language_code: str) -> list[Article]:
    """
    The articles of ``ids`` (a page of ``ranked_ids()``), in that order, ready
    for cards, each with ``snippet``: safe HTML, the text around the matches
    with them in <mark>. Their rows and (on PostgreSQL) snippets in one query,
    their bylines in another (``with_bylines()``); written by hand
    (``core.rows``), as the rail's cards are.
    """
    if not ids:
        return []
    full_text = uses_full_text()
    sql, articles, types, images = _results_query(language_code, full_text)
    params = list(ids)
    if full_text:
        query_sql, query_params = _headline_query(text, language_code)
        sql = sql.replace("{query}", query_sql)
        params = [
            search_config(language_code),
            *query_params,
            _headline_options(),
            *params,
        ]
    sql = sql.replace("{ids}", placeholders(len(ids)))
    by_id, known_types = {}, {}
    for row in fetch(sql, params):
        article = articles.instance(row)
        if article.type_id not in known_types:
            known_types[article.type_id] = types.instance(row[len(articles) :])
        cache_related(article, "type", known_types[article.type_id])
        offset = len(articles) + len(types)
        cache_related(
            article,
            "lead_image",
            optional_instance(images, row[offset : offset + len(images)]),
        )
        if full_text:
            article.snippet = _highlighted(row[-1] or "")
        else:
            source = article.summary or plain_text(article.body)
            article.snippet = _highlight_words(source, text.split())
        by_id[article.pk] = article
    found = [by_id[pk] for pk in ids if pk in by_id]
    with_bylines(found)
    return found


@cache
def _results_query(
    language_code: str, full_text: bool
) -> tuple[str, Columns, Columns, Columns]:
    """
    The statement of a page of results (``{query}`` and ``{ids}`` to fill in):
    what a card shows (the rail's columns) with its type, and the snippet
    (``ts_headline`` over the summary and the body's text) with full-text
    search; the summaries and bodies otherwise, for ``_highlight_words()``.
    """
    fields = list(RAIL_FIELDS)
    if not full_text:
        fields += [*localized_fields("summary"), *localized_fields("body")]
    articles = Columns(Article, fields, alias="a")
    types = Columns(ArticleType, alias="t")
    images = Columns(Image, alias="li")
    select = f"{articles.sql}, {types.sql}, {images.sql}"
    if full_text:

        def column(name):
            field = Article._meta.get_field(localized(name, language_code))
            return f"a.{quoted(field.column)}"

        # As SearchHeadline(Concat(summary, " ", body without its tags)) writes it.
        select += (
            f", ts_headline(%s::regconfig, COALESCE({column('summary')}, '') || ' '"
            f" || COALESCE(regexp_replace({column('body')}, '<[^>]+>', ' ', 'g'), ''),"
            " {query}, %s)"
        )
    sql = (
        f"SELECT {select} FROM {Article._meta.db_table} a"
        f" JOIN {ArticleType._meta.db_table} t ON t.id = a.type_id"
        f" LEFT JOIN {Image._meta.db_table} li ON li.id = a.lead_image_id"
        " WHERE a.id IN ({ids})"
    )
    return sql, articles, types, images


def _headline_query(text: str, language_code: str) -> tuple[str, list]:
    """
    What the snippet highlights: the words as the index stores them and as
    typed; for Arabic, each word with the article ال too (the index stores
    Arabic without it; the headline reads the text as written).
    """
    config = search_config(language_code)
    parts = [
        ("websearch_to_tsquery(%s::regconfig, %s)", [config, normalize(text)]),
        ("websearch_to_tsquery(%s::regconfig, %s)", [config, text]),
    ]
    for word in normalize(text).split():
        if word.isalpha() and re.match("[\u0600-\u06ff]", word):
            parts.append(("plainto_tsquery(%s::regconfig, %s)", [config, f"ال{word}"]))
    return (
        "(" + " || ".join(sql for sql, _params in parts) + ")",
        [param for _sql, params in parts for param in params],
    )


@cache
def _headline_options() -> str:
    """ts_headline's options, as SearchHeadline writes them."""
    options = {
        "StartSel": _START,
        "StopSel": _STOP,
        "MaxWords": SNIPPET_WORDS,
        "MinWords": 15,
        "MaxFragments": 2,
        "FragmentDelimiter": " … ",
    }
    return ", ".join(
        connection.ops.compose_sql(f"{option}=%s", [value])
        for option, value in options.items()
    )


def search_articles(
    text: str, *, language_code: str, articles: QuerySet[Article] | None = None
) -> list[Article]:
    """
    Live articles in ``language_code`` matching ``text``, best first, ready
    for cards, with their snippets (``ranked_ids()`` and ``search_results()``).
    """
    ids = ranked_ids(text, language_code=language_code, articles=articles)
    return search_results(ids, text, language_code=language_code)


def is_capped(count: int) -> bool:
    """Are ``count`` results the newest ``RANKED`` of more matches?"""
    return connection.vendor in ("postgresql", "sqlite") and count >= RANKED


def _highlighted(fragment: str) -> SafeString:
    """SearchHeadline output, escaped, with its match marks as <mark>."""
    text = escape(html.unescape(fragment))
    return mark_safe(text.replace(_START, "<mark>").replace(_STOP, "</mark>"))


def _highlight_words(text: str, words: list[str]) -> SafeString:
    """``text`` shortened and escaped, each of ``words`` wrapped in <mark> (the SQLite fallback)."""
    pattern = "|".join(re.escape(word) for word in words if word)
    text = Truncator(text).words(SNIPPET_WORDS)
    if not pattern:
        return escape(text)
    parts = re.split(f"({pattern})", text, flags=re.IGNORECASE)
    return mark_safe(
        "".join(
            f"<mark>{escape(part)}</mark>" if index % 2 else escape(part)
            for index, part in enumerate(parts)
        )
    )


def admin_matches(
    text: str, within: QuerySet | None = None, *, first: int | None = None
) -> QuerySet:
    """
    The ids of the articles of ``within`` (every article, live or not, by
    default) that an editor's search ``text`` finds in either language: every
    word in a title or slug (a substring, as the admin's own search:
    PostgreSQL's trigram indexes answer it), or in one author's name, or the
    words in the article's full-text entry (title, summary, body, authors' and
    terms' names: the site search's index, GIN on PostgreSQL, FTS5 on SQLite).

    With ``first``, only the first ``first`` matches in ``within``'s order
    (with others after them when there are): each way of matching gives its
    first ``first`` in that order, and the first ``first`` of their union are
    the first ``first`` of all matches. So a word that half the archive holds
    costs a walk down the list's index to its first few hundred matches, not
    a read of every match; a rare word, the read of its few index entries.
    """
    words = strip_marks(" ".join((text or "").split())).split()
    if within is None:
        within = Article.all_objects.all()
    if not words:
        return Article.objects.none().values("pk")
    titles, names = Q(), Q()
    for word in words:
        titles &= Q(
            *(
                Q(**{f"{column}__icontains": word})
                for column in (*localized_fields("title"), *localized_fields("slug"))
            ),
            _connector=Q.OR,
        )
        names &= Q(
            *(
                Q(**{f"expert__{column}__icontains": word})
                for column in localized_fields("name")
            ),
            _connector=Q.OR,
        )
    ways = [
        titles,
        Q(pk__in=Authorship.objects.filter(names).values("article_id")),
    ]
    normalized = normalize(" ".join(words))
    if uses_full_text():
        entries = Q(
            *(
                Q(language=code, document=_query(" ".join(words), code))
                for code in language_codes()
            ),
            _connector=Q.OR,
        )
        ways.append(
            Q(pk__in=ArticleSearchEntry.objects.filter(entries).values("article_id"))
        )
    elif connection.vendor == "sqlite" and (
        expression := search_sqlite.match_expression(normalized)
    ):
        ways.append(
            Q(
                pk__in=ArticleSearchText.objects.filter(
                    document__match=expression
                ).values("article_id")
            )
        )
    found = None
    for way in ways:
        ids = within.filter(way).values("pk")
        if first is not None:
            # A slice in a union: SQLite wants it inside a statement of its own.
            ids = Article.all_objects.filter(pk__in=ids[:first]).values("pk")
        found = ids if found is None else found.union(ids)
    return found
