"""
"Did you mean": when a search finds nothing, the same search with its
misspelt words replaced by the closest words the archive uses, offered only
when that search finds something.

A word is misspelt when it finds nothing alone. Its candidates are words as
written in the archive that look alike once normalised
(``articles.search_index.normalize``): on SQLite, ranges of the FTS5
vocabulary (``articles.search_sqlite``); on PostgreSQL, the words of titles
of live work that pg_trgm finds similar, on the trigram indexes of the titles
(migration 0014). Nothing runs unless a search found nothing.
"""

import difflib
import re
from collections import Counter

from django.db import connection, transaction
from django.db.models.functions import Upper

from articles import search_sqlite
from articles.models import Article
from articles.search import finds as search_finds
from articles.search_index import normalize, strip_marks
from core.i18n import localized

#: How alike (difflib's ratio of the normalised words) a candidate must be.
CUTOFF = 0.75
#: Words of a query looked at, at most.
WORDS = 5
#: Titles read for candidates on PostgreSQL, at most.
TITLES = 50
#: How alike (pg_trgm's word similarity) a title's word must be to be read.
TRIGRAM_THRESHOLD = 0.3

_WORD = re.compile(r"\w+")
_ALEFS = "اأإآ"


def suggest(text: str, *, language_code: str, articles=None) -> str | None:
    """Another spelling of ``text`` that finds live work (within ``articles``), or None."""
    words = _WORD.findall(strip_marks(text or "").lower())[:WORDS]
    if not words:
        return None

    def finds(query):
        return search_finds(query, language_code=language_code, articles=articles)

    corrected, changed = [], False
    for word in words:
        better = None if finds(word) else _closest(word, language_code)
        corrected.append(better or word)
        changed = changed or better is not None
    if not changed:
        return None
    suggestion = " ".join(corrected)
    return suggestion if finds(suggestion) else None


def _closest(word: str, language_code: str) -> str | None:
    target = normalize(word)
    best, best_key = None, None
    for candidate, count in _candidates(word, language_code):
        seen = normalize(candidate)
        if seen == target:
            continue
        ratio = difflib.SequenceMatcher(None, target, seen).ratio()
        if ratio < CUTOFF:
            continue
        key = (ratio, count, candidate)
        if best_key is None or key > best_key:
            best, best_key = candidate, key
    return best


def _candidates(word: str, language_code: str) -> list[tuple[str, int]]:
    """(word as written, how often) pairs that may be what ``word`` meant."""
    if connection.vendor == "sqlite":
        firsts = _ALEFS if word[0] in _ALEFS else word[0]
        prefixes = [*firsts]
        if re.match("[\u0600-\u06ff]", word):
            prefixes += [f"ال{first}" for first in firsts]
        return search_sqlite.words_starting(prefixes, (len(word) - 2, len(word) + 4))
    if connection.vendor != "postgresql":
        return []
    title = localized("title", language_code)
    # pg_trgm's default (0.6) misses two swapped letters in a short word.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
            [str(TRIGRAM_THRESHOLD)],
        )
        titles = list(
            Article.objects.live(language_code)
            .alias(upper_title=Upper(title))
            .filter(upper_title__trigram_word_similar=word.upper())
            .order_by()
            .values_list(title, flat=True)[:TITLES]
        )
    counts = Counter(
        found
        for value in titles
        for found in _WORD.findall(strip_marks(value).lower())
        if abs(len(found) - len(word)) <= 4
    )
    return list(counts.items())
