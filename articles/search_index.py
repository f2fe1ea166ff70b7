"""
The stored full-text index of articles: one ``ArticleSearchEntry`` per
article and language, a weighted ``tsvector`` with a GIN index.

The entries exist on PostgreSQL; on SQLite the same four parts go to an
FTS5 table instead (``articles.search_sqlite``). ``update_search_vectors()``
is the one way either is written: ``Article.save()`` refreshes an
article's entries, the admin again once its authors and terms are saved, and
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
from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Prefetch, Value

from articles import search_sqlite
from core.i18n import in_default_language, language_codes, localized, localized_fields

#: PostgreSQL text-search configuration per language, unless the setting
#: ``SEARCH_CONFIGS`` says otherwise; a language in neither uses "simple".
DEFAULT_SEARCH_CONFIGS = {"en": "english", "ar": "arabic"}

# Tashkeel (fathatan … sukun), the superscript alef and the tatweel.
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
# One alef; taa marbuta as haa and alef maqsura as yaa, as readers often type them.
_LETTER_FORMS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"}
)
# The article ال, alone or after the clitics و ف ب ك, and لل (ل + ال), when at
# least three letters remain: الله and والي keep their letters.
_ARABIC_ARTICLE = re.compile(r"(?<!\w)(?:[وفبك]?ال|لل)(?=\w{3})")


def search_config(language_code: str) -> str:
    """The PostgreSQL text-search configuration for ``language_code``."""
    configs = getattr(settings, "SEARCH_CONFIGS", DEFAULT_SEARCH_CONFIGS)
    return configs.get(language_code, "simple")


def strip_marks(text: str) -> str:
    """Text without Arabic tashkeel and tatweel (what the SQLite fallback can safely fold)."""
    return _ARABIC_MARKS.sub("", text or "")


def normalize(text: str) -> str:
    """
    Text as the index stores it, on PostgreSQL and SQLite alike: Arabic
    without tashkeel or tatweel, one alef, taa marbuta as haa (ة → ه), alef
    maqsura as yaa (ى → ي), and without the article ال (the ``arabic`` snowball stemmer otherwise
    stems العقوبات and عقوبات differently). Other scripts pass unchanged.
    """
    text = _ARABIC_MARKS.sub("", text or "").translate(_LETTER_FORMS)
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
    """The four weighted parts (A, B, C, D) of ``article`` in ``code``, normalised."""
    return [normalize(part) for part in _texts(article, code)]


def _texts(article, code: str) -> list[str]:
    """The four parts of ``article`` in ``code`` as written (rich text as words)."""
    if not getattr(article, localized("title", code)):
        return ["", "", "", ""]

    def name(obj):
        own = getattr(obj, localized("name", code))
        default = in_default_language(obj, "name")
        return f"{own} {default}" if own and own != default else (own or default)

    names = [name(a.expert) for a in article.authorships.all()]
    names += [name(term) for term in (*article.topics.all(), *article.regions.all())]
    parts = [
        getattr(article, localized("title", code)),
        f"{getattr(article, localized('subtitle', code)) or ''} {getattr(article, localized('summary', code)) or ''}",
        plain_text(getattr(article, localized("body", code))),
        " ".join(names),
    ]
    return [part or "" for part in parts]


def document(article, code: str):
    """The weighted vector expression of ``article`` in ``code``, or None when it has no title there."""
    parts = _documents(article, code)
    if not parts[0]:
        return None
    config = search_config(code)
    vector = None
    for weight, part in zip("ABCD", parts, strict=True):
        piece = SearchVector(Value(part), config=config, weight=weight)
        vector = piece if vector is None else vector + piece
    return vector


#: Articles whose entries one pass reads and writes.
VECTOR_BATCH = 500


def update_search_vectors(article_ids, registry=apps) -> int:
    """
    Recompute the search entries of the given articles (on SQLite, their rows
    of the FTS5 table): one per language the article has a title in, none for the others. Returns
    how many articles were indexed. ``registry``: the models to use (a
    migration's, when it fills the entries). A few statements per
    ``VECTOR_BATCH`` articles, whether one article was saved or the whole
    archive is being indexed.
    """
    if connection.vendor not in ("postgresql", "sqlite"):
        return 0
    index = _index_batch if connection.vendor == "postgresql" else _write_texts
    ids = list(article_ids)
    count = 0
    for start in range(0, len(ids), VECTOR_BATCH):
        count += index(ids[start : start + VECTOR_BATCH], registry)
    return count


def _write_texts(ids: list, registry) -> int:
    """SQLite: the same four parts, as rows of the FTS5 table."""
    Article = registry.get_model("articles", "Article")
    articles = list(_indexed(Article._base_manager.filter(pk__in=ids), registry))
    search_sqlite.write(
        ids,
        [
            (
                article.pk,
                code,
                *[normalize(part) for part in texts],
                strip_marks(" ".join(texts)),
            )
            for article in articles
            for code in language_codes()
            if (texts := _texts(article, code))[0]
        ],
    )
    return len(articles)


def _index_batch(ids: list, registry) -> int:
    Article = registry.get_model("articles", "Article")
    Entry = registry.get_model("articles", "ArticleSearchEntry")
    articles = list(_indexed(Article._base_manager.filter(pk__in=ids), registry))
    entries = [
        Entry(article_id=article.pk, language=code, document=vector)
        for article in articles
        for code in language_codes()
        if (vector := document(article, code)) is not None
    ]
    kept = {(entry.article_id, entry.language) for entry in entries}
    # Entries of languages an article no longer has, and of articles deleted since.
    gone = [
        pk
        for pk, article_id, language in Entry.objects.filter(
            article_id__in=ids
        ).values_list("pk", "article_id", "language")
        if (article_id, language) not in kept
    ]
    if gone:
        Entry.objects.filter(pk__in=gone).delete()
    Entry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["article", "language"],
        update_fields=["document"],
    )
    return len(articles)


def _indexed(articles, registry):
    """``articles`` with only what the documents read: the texts, and the names of authors and terms."""
    names = localized_fields("name")
    texts = [
        localized(name, code)
        for name in ("title", "subtitle", "summary", "body")
        for code in language_codes()
    ]
    authorships = (
        registry.get_model("articles", "Authorship")
        .objects.select_related("expert")
        .only("article_id", "expert_id", *(f"expert__{name}" for name in names))
    )
    terms = {
        relation: registry.get_model("taxonomy", model).objects.only(*names)
        for relation, model in (("topics", "Topic"), ("regions", "Region"))
    }
    return articles.only("pk", *texts).prefetch_related(
        Prefetch("authorships", queryset=authorships),
        *(Prefetch(relation, queryset=qs) for relation, qs in terms.items()),
    )


def drop_deleted(sender, instance, **kwargs):
    """``post_delete`` receiver: a deleted article's entries go too."""
    update_search_vectors([instance.pk])
