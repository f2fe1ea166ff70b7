"""
The search index on SQLite: an FTS5 virtual table, the embedded database's
counterpart of PostgreSQL's ``ArticleSearchEntry``.

``articles_search_text`` holds one row per article and language, with the same
four parts as PostgreSQL's weighted vector (title; subtitle and summary; body;
authors' and terms' names), already normalised by
``articles.search_index.normalize``. Its ``rank`` column is BM25 with the
weights PostgreSQL's ``SearchRank`` gives the parts (1, 0.4, 0.2, 0.1), set once
in the table's configuration. Words are stemmed by FTS5's ``porter``
tokenizer (English; other scripts pass through it unchanged).

``articles_search_words`` holds the same text as written (not normalised,
not stemmed), one row per row of the first table (same ``rowid``), for its
vocabulary (``articles_search_words_vocab``): the words the archive spells,
which "did you mean" chooses from (``articles.search_suggest``).

The tables are created by a migration (``0016_search_text``) and written only
by ``articles.search_index.update_search_vectors`` (through ``write()`` here).
"""

import re

from django.db import connection
from django.db.models import F, FilteredRelation, Lookup, Q, QuerySet, TextField

TABLE = "articles_search_text"
WORDS = "articles_search_words"
VOCABULARY = "articles_search_words_vocab"
#: The indexed parts, in the order of PostgreSQL's weights A, B, C, D.
PARTS = ("title", "summary", "body", "names")
#: PostgreSQL's default ``SearchRank`` weights for A, B, C and D.
WEIGHTS = (1.0, 0.4, 0.2, 0.1)

_TOKENIZE = "porter unicode61 remove_diacritics 2"


def create_tables(schema_editor) -> None:
    """The virtual tables, on SQLite only (the migration's forward step)."""
    if schema_editor.connection.vendor != "sqlite":
        return
    parts = ", ".join(PARTS)
    weights = ", ".join(str(w) for w in WEIGHTS)
    for statement in (
        (
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5({parts}, article_id UNINDEXED, "
            f"language UNINDEXED, tokenize = '{_TOKENIZE}')"
        ),
        f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('rank', 'bm25({weights})')",
        (
            f"CREATE VIRTUAL TABLE {WORDS} USING fts5(words, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        ),
        f"CREATE VIRTUAL TABLE {VOCABULARY} USING fts5vocab({WORDS}, 'row')",
    ):
        schema_editor.execute(statement)


def drop_tables(schema_editor) -> None:
    """The migration's backward step."""
    if schema_editor.connection.vendor != "sqlite":
        return
    for table in (VOCABULARY, WORDS, TABLE):
        schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


def write(article_ids: list, documents: list[tuple]) -> None:
    """
    Replace the rows of ``article_ids`` with ``documents``: tuples of
    (article id, language, title, summary, body, names, words), the four
    parts normalised and the words as written. Two statements and two per
    document.
    """
    ids = list(article_ids)
    if not ids:
        return
    marks = ", ".join(["%s"] * len(ids))
    parts = ", ".join(PARTS)
    values = ", ".join(["%s"] * len(PARTS))
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {WORDS} WHERE rowid IN "
            f"(SELECT rowid FROM {TABLE} WHERE article_id IN ({marks}))",
            ids,
        )
        cursor.execute(f"DELETE FROM {TABLE} WHERE article_id IN ({marks})", ids)
        for *document, words in documents:
            cursor.execute(
                f"INSERT INTO {TABLE}(article_id, language, {parts}) "
                f"VALUES (%s, %s, {values})",
                document,
            )
            cursor.execute(
                f"INSERT INTO {WORDS}(rowid, words) VALUES (last_insert_rowid(), %s)",
                [words],
            )


_WORD = re.compile(r"\w+")
# A "quoted phrase", a -word left out, or a word: PostgreSQL's websearch syntax.
_TERM = re.compile(r'(-?)"([^"]*)"|(-?)([^\s"]+)')


def match_expression(normalized: str) -> str:
    """
    An FTS5 query for ``normalized`` (already normalised text) read as
    PostgreSQL reads a ``websearch`` query: every word, "a phrase" as a
    phrase, -word left out. Every word is quoted, so that nothing the reader
    types is FTS5 syntax. "" when no word is asked for.
    """
    wanted, unwanted = [], []
    for neg_phrase, phrase, neg_word, word in _TERM.findall(normalized):
        words = _WORD.findall(phrase or word)
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        (unwanted if (neg_phrase or neg_word) else wanted).append(term)
    if not wanted:
        return ""
    return " ".join(wanted) + "".join(f" NOT {term}" for term in unwanted)


def words_starting(
    prefixes: list[str], lengths: tuple[int, int]
) -> list[tuple[str, int]]:
    """
    The archive's words (lowercase, as written) that start with one of
    ``prefixes`` and whose length is within ``lengths``, with the number
    of rows that contain them: ranges of the vocabulary, not a scan.
    """
    rows = []
    with connection.cursor() as cursor:
        for prefix in prefixes:
            cursor.execute(
                f"SELECT term, doc FROM {VOCABULARY} WHERE term >= %s AND term < %s "
                "AND length(term) BETWEEN %s AND %s",
                [prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1), *lengths],
            )
            rows += cursor.fetchall()
    return rows


class MatchField(TextField):
    """The FTS5 table's hidden column named after the table: ``field__match=…`` is ``MATCH``."""


@MatchField.register_lookup
class Match(Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


def _entry(language_code: str) -> FilteredRelation:
    """The article's row in ``language_code`` (one at most)."""
    return FilteredRelation(
        "search_texts", condition=Q(search_texts__language=language_code)
    )


def ranked(articles: QuerySet, normalized: str, language_code: str, limit: int):
    """
    The newest ``limit`` of ``articles`` whose row in ``language_code``
    contains every word of ``normalized``, best first (BM25 with the parts'
    weights), as PostgreSQL ranks its newest matches.
    """
    expression = match_expression(normalized)
    if not expression:
        return articles.none()
    newest = list(
        articles.alias(entry=_entry(language_code))
        .filter(entry__document__match=expression)
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)[:limit]
    )
    return (
        articles.model.objects.filter(pk__in=newest)
        .alias(entry=_entry(language_code))
        .filter(entry__document__match=expression)
        .annotate(rank=F("entry__rank"))
        .order_by("rank", "-published_at", "-pk")
    )
