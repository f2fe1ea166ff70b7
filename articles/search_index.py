"""
The stored full-text index of articles, one ``tsvector`` column per language.

On PostgreSQL, migration ``articles.0003_search_vectors`` adds the columns
``search_vector_<code>`` with a GIN index on each. They are not model fields:
they exist on PostgreSQL only, and the SQLite fallback in ``articles.search``
needs none. ``Article.save()`` refreshes an article's vectors;
``manage.py update_search_index`` rebuilds them all (run it after renaming an
expert, a topic or a region, whose names are indexed with each article).

Weights: title A, subtitle and summary B, body C, authors' and terms' names D.
Text is normalised in Python before it reaches the database (``normalize``),
and queries go through the same function, so that Arabic matches with or
without diacritics and with or without the article prefix ال.
"""

import html
import re

from django.apps import apps
from django.db import connection, connections
from django.db.models import Prefetch

from thinktank.i18n import language_codes, localized, localized_fields

#: PostgreSQL text-search configuration per language; others use "simple".
SEARCH_CONFIGS = {"en": "english", "ar": "arabic"}

# Tashkeel (fathatan … sukun), the superscript alef and the tatweel.
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_ALEF_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
# The article ال, alone or after the clitics و ف ب ك, and لل (ل + ال), when at
# least three letters remain: الله and والي keep their letters.
_ARABIC_ARTICLE = re.compile(r"(?<!\w)(?:[وفبك]?ال|لل)(?=\w{3})")


def search_config(language_code: str) -> str:
    """The PostgreSQL text-search configuration for ``language_code``."""
    return SEARCH_CONFIGS.get(language_code, "simple")


def vector_column(language_code: str) -> str:
    """The name of the stored vector column of ``language_code``."""
    return f"search_vector_{language_code}"


def strip_marks(text: str) -> str:
    """Text without Arabic tashkeel and tatweel (what the SQLite fallback can safely fold)."""
    return _ARABIC_MARKS.sub("", text or "")


def normalize(text: str) -> str:
    """
    Text as the index stores it: Arabic without tashkeel or tatweel, one alef,
    and without the article ال (the ``arabic`` snowball stemmer otherwise
    stems العقوبات and عقوبات differently). Other scripts pass unchanged.
    """
    text = _ARABIC_MARKS.sub("", text or "").translate(_ALEF_FORMS)
    return _ARABIC_ARTICLE.sub("", text)


_TAG = re.compile(r"<[^>]*>")


def plain_text(value: str) -> str:
    """
    Rich text (HTML) as words. Stored rich text is sanitized (no comments,
    scripts or stray ``<``), so taking the tags out is enough; Django's
    ``strip_tags`` parses it instead, ten times slower over an archive.
    """
    return html.unescape(_TAG.sub("", value or ""))


def _documents(article, code: str) -> list[str]:
    """The four weighted parts (A, B, C, D) of ``article`` in ``code``."""
    if not getattr(article, localized("title", code)):
        return ["", "", "", ""]

    def name(obj):
        own, default = getattr(obj, localized("name", code)), obj.name_en
        return f"{own} {default}" if own and own != default else (own or default)

    names = [name(a.expert) for a in article.authorships.all()]
    names += [name(term) for term in (*article.topics.all(), *article.regions.all())]
    parts = [
        getattr(article, localized("title", code)),
        f"{getattr(article, localized('subtitle', code)) or ''} {getattr(article, localized('summary', code)) or ''}",
        plain_text(getattr(article, localized("body", code))),
        " ".join(names),
    ]
    return [normalize(part or "") for part in parts]


def update_search_vectors(article_ids) -> int:
    """
    Recompute the stored vectors of the given articles (PostgreSQL only); returns how many.

    One statement per ``VECTOR_BATCH`` articles (``UPDATE … FROM (VALUES …)``),
    whether one article was saved or the whole archive is being indexed.
    """
    if connection.vendor != "postgresql":
        return 0
    Article = apps.get_model("articles", "Article")
    ids = list(article_ids)
    codes = language_codes()
    count = 0
    for start in range(0, len(ids), VECTOR_BATCH):
        articles = _indexed(
            Article._base_manager.filter(pk__in=ids[start : start + VECTOR_BATCH])
        )
        rows = []
        for article in articles:
            row = [article.pk]
            for code in codes:
                row += _documents(article, code)
            rows.append(row)
        if rows:
            _write_vectors(Article._meta.db_table, codes, rows)
        count += len(rows)
    return count


def _indexed(articles):
    """``articles`` with only what the documents read: the texts, and the names of authors and terms."""
    names = localized_fields("name")
    texts = [
        localized(name, code)
        for name in ("title", "subtitle", "summary", "body")
        for code in language_codes()
    ]
    authorships = (
        apps.get_model("articles", "Authorship")
        .objects.select_related("expert")
        .only("article_id", "expert_id", *(f"expert__{name}" for name in names))
    )
    terms = {
        relation: apps.get_model("taxonomy", model).objects.only(*names)
        for relation, model in (("topics", "Topic"), ("regions", "Region"))
    }
    return articles.only("pk", *texts).prefetch_related(
        Prefetch("authorships", queryset=authorships),
        *(Prefetch(relation, queryset=qs) for relation, qs in terms.items()),
    )


#: Articles whose vectors one statement writes.
VECTOR_BATCH = 500


def _write_vectors(table: str, codes: list[str], rows: list[list]) -> None:
    parts = [f"{code}_{weight}" for code in codes for weight in "abcd"]
    assignments = ", ".join(
        f"{vector_column(code)} = "
        + " || ".join(
            f"setweight(to_tsvector('{search_config(code)}'::regconfig, v.{code}_{weight}), "
            f"'{weight.upper()}')"
            for weight in "abcd"
        )
        for code in codes
    )
    row_sql = "(" + ", ".join(["%s::bigint", *["%s::text"] * len(parts)]) + ")"
    sql = (
        f"UPDATE {table} a SET {assignments}"
        f" FROM (VALUES {', '.join([row_sql] * len(rows))}) AS v(id, {', '.join(parts)})"
        " WHERE a.id = v.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])


def ensure_search_columns(using: str = "default") -> None:
    """
    Give every language in ``settings.LANGUAGES`` its vector column and GIN index.

    Migration 0003 created the columns of the languages there were then; a
    language added later gets its column here, after ``migrate``.
    """
    conn = connections[using]
    if conn.vendor != "postgresql":
        return
    with conn.cursor() as cursor:
        for code in language_codes():
            column = vector_column(code)
            cursor.execute(
                f"ALTER TABLE articles_article ADD COLUMN IF NOT EXISTS {column} tsvector"
            )
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS articles_article_search_{code}_gin "
                f"ON articles_article USING GIN ({column})"
            )
