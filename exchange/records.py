"""The records of an exchange document as the importer sees them, and what it reports."""

import json
from collections import Counter
from dataclasses import dataclass, field

from django.db import models

from articles.models import Article, ArticleType
from core.i18n import language_codes, localized
from exchange.schema import SECTIONS, Spec
from experts.models import Expert
from taxonomy.models import Region, Topic

MODELS = {
    "article_types": ArticleType,
    "topics": Topic,
    "regions": Region,
    "experts": Expert,
    "articles": Article,
}
NOUNS = {
    "article_types": "article type",
    "topics": "topic",
    "regions": "region",
    "experts": "expert",
    "articles": "article",
}
# The exchange field that a model's record-wide (constraint) errors belong to.
NON_FIELD_KEYS = {"experts": "affiliation_end", "articles": "published_at"}


class ExchangeError(Exception):
    """The document cannot be imported; ``messages`` lists every problem."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


def identity_field(section: str) -> str:
    """The model field that identifies a record of ``section`` (articles: the default-language slug)."""
    return localized("slug", language_codes()[0]) if section == "articles" else "slug"


def specs(section: str) -> dict[str, Spec]:
    """The section's field declarations by exchange key."""
    return {spec.key: spec for spec in SECTIONS[section]}


@dataclass
class Record:
    """One record of the document, from its raw JSON to the model instance it becomes."""

    section: str
    index: int
    raw: dict
    slug: str | None = None  # as looked up: without NUL characters
    written_slug: str | None = None  # as the file writes it, for messages
    data: dict = field(default_factory=dict)  # exchange key -> parsed value
    bad_keys: set = field(default_factory=set)  # keys already reported
    instance: models.Model | None = None
    is_new: bool = True
    values: dict = field(default_factory=dict)  # model attname -> value
    changed: bool = False  # the plain field values differ from the stored ones
    changed_keys: list = field(default_factory=list)  # exchange keys of those values
    files: dict = field(default_factory=dict)  # exchange key -> Upload
    current: dict = field(default_factory=dict)  # stored relations, as slugs
    written: bool = False  # saved by this import

    @property
    def label(self) -> str:
        where = f"{self.section}[{self.index}]"
        # JSON's quoting: a quote, a backslash or a control character in the
        # slug is escaped, not printed raw into the terminal.
        slug = json.dumps(self.written_slug or self.slug, ensure_ascii=False)
        return f"{where} (slug {slug})" if self.slug else where


@dataclass
class Change:
    """What an import does to one record: created, updated or kept as an unpublished change, and which fields."""

    section: str
    label: str
    outcome: str  # "created", "updated" or "pending"
    keys: list = field(default_factory=list)  # exchange keys ("title.ar", "authors")


@dataclass
class ImportSummary:
    counts: dict = field(default_factory=lambda: {s: Counter() for s in SECTIONS})
    dry_run: bool = False
    #: Every record the import creates or changes, in the file's order by section.
    changes: list = field(default_factory=list)

    def __str__(self):
        parts = [
            f"{section}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            + (f", {c['pending']} kept as unpublished changes" if c["pending"] else "")
            for section, c in self.counts.items()
        ]
        suffix = " (dry run: nothing was written)" if self.dry_run else ""
        return "; ".join(parts) + suffix
