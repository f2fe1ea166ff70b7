"""
Site search: ``/search?q=…`` in each language.

On PostgreSQL, the stored search entries (``ArticleSearchEntry``, kept by
``articles.search_index``) answer a ``websearch`` query, ranked with ``SearchRank`` (title > summary > body >
names) and with snippets from ``SearchHeadline``. On SQLite an FTS5 table
(``articles.search_sqlite``) answers with the same normalisation and weights,
ranked with BM25; another database falls back to a plain ``icontains``
search, newest first. Either way only ``Article.objects.live(language)`` is
searched.
"""

import html
import re

from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    Exists,
    F,
    FilteredRelation,
    Func,
    OuterRef,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles import search_sqlite
from articles.forms import ArticleFilterForm
from articles.models import Article, ArticleSearchEntry, ArticleSearchText, Authorship
from articles.search_index import normalize, plain_text, search_config, strip_marks
from core.i18n import language_codes, localized, localized_fields

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


def search_articles(
    text: str, *, language_code: str, articles: QuerySet[Article] | None = None
) -> QuerySet[Article]:
    """
    Live articles in ``language_code`` matching ``text``, best first, ready
    for cards. ``articles`` narrows the search (filters).
    The newest ``RANKED`` matches are ranked: when more match,
    ``is_capped()`` says so, and dates or filters reach older work.
    """
    text = " ".join((text or "").split())
    qs = Article.objects.live(language_code) if articles is None else articles
    if not text:
        return qs.none()
    if uses_full_text():
        query = _query(text, language_code, inline=True)
        # The newest ``RANKED`` matches are ranked, not every match: a word
        # most of the archive contains would otherwise be ranked (and
        # counted) over the whole archive on every search.
        newest = list(
            qs.alias(entry=_entry(language_code))
            .filter(entry__document=query)
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)[:RANKED]
        )
        qs = (
            Article.objects.filter(pk__in=newest)
            .alias(entry=_entry(language_code))
            .annotate(rank=SearchRank(F("entry__document"), query))
            .order_by("-rank", "-published_at", "-pk")
        )
    elif connection.vendor == "sqlite":
        qs = search_sqlite.ranked(qs, normalize(text), language_code, RANKED)
    else:
        qs = qs.filter(_contains(text, language_code)).newest_first()
    return qs.for_listing()


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


def attach_snippets(articles: list[Article], text: str, *, language_code: str):
    """Set ``article.snippet`` (safe HTML with <mark>ed matches) on one page of results: one query at most."""
    if not articles:
        return
    if not uses_full_text():
        for article in articles:
            source = article.summary or plain_text(article.body)
            article.snippet = _highlight_words(source, text.split())
        return
    summary = localized("summary", language_code)
    body = Func(
        F(localized("body", language_code)),
        Value("<[^>]+>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )
    # The index stores Arabic without the article ال; the headline reads the
    # text as written, so look for both forms.
    query = _query(text, language_code) | SearchQuery(
        text, config=search_config(language_code), search_type="websearch"
    )
    for word in normalize(text).split():
        if word.isalpha() and re.match("[\u0600-\u06ff]", word):
            query |= SearchQuery(f"ال{word}", config=search_config(language_code))
    headlines = dict(
        Article.objects.filter(pk__in=[a.pk for a in articles])
        .annotate(
            headline=SearchHeadline(
                Concat(F(summary), Value(" "), body, output_field=TextField()),
                query,
                config=search_config(language_code),
                start_sel=_START,
                stop_sel=_STOP,
                max_words=SNIPPET_WORDS,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        .values_list("pk", "headline")
    )
    for article in articles:
        article.snippet = _highlighted(headlines.get(article.pk) or "")


def admin_matches(text: str) -> QuerySet:
    """
    The ids of the articles, live or not, that an editor's search ``text``
    finds in either language: every word in a title or slug (a substring, as
    the admin's own search: PostgreSQL's trigram indexes answer it), or in
    one author's name, or the words in the article's full-text entry (title,
    summary, body, authors' and terms' names: the site search's index, GIN on
    PostgreSQL, FTS5 on SQLite). A union of indexed reads: no scan of the
    archive, whatever the number of matches.
    """
    words = strip_marks(" ".join((text or "").split())).split()
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
    found = (
        Article.all_objects.filter(titles)
        .values("pk")
        .union(Authorship.objects.filter(names).values("article_id"))
    )
    normalized = normalize(" ".join(words))
    if uses_full_text():
        entries = Q(
            *(
                Q(language=code, document=_query(" ".join(words), code))
                for code in language_codes()
            ),
            _connector=Q.OR,
        )
        found = found.union(
            ArticleSearchEntry.objects.filter(entries).values("article_id")
        )
    elif connection.vendor == "sqlite" and (
        expression := search_sqlite.match_expression(normalized)
    ):
        found = found.union(
            ArticleSearchText.objects.filter(document__match=expression).values(
                "article_id"
            )
        )
    return found
