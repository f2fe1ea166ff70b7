"""
The stored full-text index of articles: one ``ArticleSearchEntry`` per
article and language, a weighted ``tsvector`` with a GIN index.

The entries exist on PostgreSQL only; the SQLite fallback in
``articles.search`` needs none. ``update_search_vectors()`` is the one way
they are written (through the ORM): ``Article.save()`` refreshes an
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
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Value
from django.utils.html import strip_tags

from thinktank.i18n import language_codes, localized

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


def plain_text(value: str) -> str:
    """Rich text (HTML) as words."""
    return html.unescape(strip_tags(value or ""))


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


def update_search_vectors(article_ids, registry=apps) -> int:
    """
    Recompute the search entries of the given articles (PostgreSQL only): one
    per language the article has a title in, none for the others. Returns
    how many articles were indexed. ``registry``: the models to use (a
    migration's, when it fills the entries).
    """
    if connection.vendor != "postgresql":
        return 0
    Article = registry.get_model("articles", "Article")
    Entry = registry.get_model("articles", "ArticleSearchEntry")
    ids = list(article_ids)
    articles = Article._base_manager.filter(pk__in=ids).prefetch_related(
        "authorships__expert", "topics", "regions"
    )
    count = 0
    for article in articles:
        entries = [
            Entry(article_id=article.pk, language=code, document=vector)
            for code in language_codes()
            if (vector := document(article, code)) is not None
        ]
        Entry.objects.filter(article_id=article.pk).exclude(
            language__in=[entry.language for entry in entries]
        ).delete()
        Entry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["article", "language"],
            update_fields=["document"],
        )
        count += 1
    # Entries of articles deleted since go with them.
    Entry.objects.filter(article_id__in=ids).exclude(
        article_id__in=[article.pk for article in articles]
    ).delete()
    return count


def drop_deleted(sender, instance, **kwargs):
    """``post_delete`` receiver: a deleted article's entries go too."""
    update_search_vectors([instance.pk])
