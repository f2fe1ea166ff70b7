"""
Import of ``thinktank-exchange/1`` documents: the one write path for imported content.

``import_exchange`` works in two passes. The validation pass reads the whole
document and collects every problem into a list, each naming the record and
the field; nothing is written if the list is not empty. The write pass then
upserts the records by slug in one transaction, skipping those whose stored
values already equal the file's, so that importing a file twice changes
nothing the second time (not even ``updated_at``).
"""

import copy
import io
import json
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.db import models, transaction
from django.utils import translation
from modeltranslation.translator import translator
from PIL import Image, UnidentifiedImageError

from articles.exchange import schema
from articles.exchange.schema import FORMAT, SECTIONS, Invalid, Spec
from articles.models import Article, ArticleType, Authorship, Recommendation
from articles.search_index import update_search_vectors
from experts.models import Expert
from taxonomy.models import Region, Topic
from thinktank.i18n import language_codes, localized
from thinktank.slugs import propose_slug

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
    return {spec.key: spec for spec in SECTIONS[section]}


@dataclass
class Record:
    """One record of the document, from its raw JSON to the model instance it becomes."""

    section: str
    index: int
    raw: dict
    slug: str | None = None
    data: dict = field(default_factory=dict)  # exchange key -> parsed value
    bad_keys: set = field(default_factory=set)  # keys already reported
    instance: models.Model | None = None
    is_new: bool = True
    values: dict = field(default_factory=dict)  # model attname -> value
    changed: bool = False  # the plain field values differ from the stored ones
    files: dict = field(default_factory=dict)  # exchange key -> Upload
    current: dict = field(default_factory=dict)  # stored relations, as slugs

    @property
    def label(self) -> str:
        where = f"{self.section}[{self.index}]"
        return f'{where} (slug "{self.slug}")' if self.slug else where


@dataclass
class ImportSummary:
    counts: dict = field(default_factory=lambda: {s: Counter() for s in SECTIONS})
    dry_run: bool = False

    def __str__(self):
        parts = [
            f"{section}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            for section, c in self.counts.items()
        ]
        suffix = " (dry run: nothing was written)" if self.dry_run else ""
        return "; ".join(parts) + suffix


def load_document(path: Path) -> dict:
    """The JSON object in ``path``; raises ``ExchangeError`` if it cannot be read."""

    def no_duplicates(pairs):
        keys = [key for key, _value in pairs]
        for key in keys:
            if keys.count(key) > 1:
                raise ValueError(f'the key "{key}" appears twice in one object')
        return dict(pairs)

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ExchangeError(
            [f"{path}: cannot read the file: {error.strerror}"]
        ) from None
    except UnicodeDecodeError:
        raise ExchangeError([f"{path}: the file is not UTF-8 text"]) from None
    try:
        return json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as error:
        raise ExchangeError([f"{path}: not valid JSON: {error}"]) from None
    except ValueError as error:
        raise ExchangeError([f"{path}: {error}"]) from None


def import_exchange(
    document, *, base_dir: Path | None = None, dry_run: bool = False
) -> ImportSummary:
    """Validate ``document`` whole, then upsert it in one transaction; raises ``ExchangeError``."""
    importer = Importer(document, base_dir=Path(base_dir or "."), dry_run=dry_run)
    with translation.override(settings.LANGUAGE_CODE):
        importer.validate()
        if importer.errors:
            raise ExchangeError(importer.messages())
        return importer.write()


class Importer:
    def __init__(self, document, *, base_dir: Path, dry_run: bool):
        self.document = document
        self.base_dir = base_dir.resolve()
        self.dry_run = dry_run
        self.errors: list[tuple[tuple[int, int], str]] = []
        self.records: dict[str, list[Record]] = {section: [] for section in SECTIONS}
        self.known: dict[str, set[str]] = {}  # section -> slugs in the file or the DB
        self.stored_files: list[tuple] = []  # (storage, name) written so far
        self.summary = ImportSummary(dry_run=dry_run)
        self._pks: dict[tuple[str, str], int] = {}

    # Errors ---------------------------------------------------------------

    def error(self, record: Record | None, key: str | None, message: str):
        if record is None:
            self.errors.append(((-1, 0), message))
            return
        if key:
            record.bad_keys.add(key.split(".")[0])
        text = (
            f"{record.label}: {key}: {message}" if key else f"{record.label}: {message}"
        )
        position = (list(SECTIONS).index(record.section), record.index)
        if (position, text) not in self.errors:
            self.errors.append((position, text))

    def messages(self) -> list[str]:
        return [text for _position, text in sorted(self.errors, key=lambda e: e[0])]

    # Validation pass ------------------------------------------------------

    def validate(self):
        if not self._check_document():
            return
        for section in SECTIONS:
            raw_records = self.document.get(section, [])
            for index, raw in enumerate(
                raw_records if isinstance(raw_records, list) else []
            ):
                self._parse_record(section, index, raw)
        self._check_duplicates()
        self._load_existing()
        for record in self.records["articles"]:
            self._derive_article_slugs(record)
        self._check_path_slugs()
        self._collect_known()
        for records in self.records.values():
            for record in records:
                self._check_references(record)
                self._check_files(record)
                self._check_model(record)
        self._check_parent_cycles("topics")
        self._check_parent_cycles("regions")

    def _check_document(self) -> bool:
        if not isinstance(self.document, dict):
            self.error(None, None, "the file must hold one JSON object")
            return False
        if "format" not in self.document:
            self.error(None, None, f'"format" is missing; it must be "{FORMAT}"')
        elif self.document["format"] != FORMAT:
            self.error(
                None,
                None,
                f'format: "{self.document["format"]}" is not supported; this importer reads "{FORMAT}"',
            )
        for key in self.document:
            if key not in schema.TOP_LEVEL_KEYS:
                allowed = ", ".join(f'"{k}"' for k in schema.TOP_LEVEL_KEYS)
                self.error(
                    None, None, f'unknown top-level key "{key}" (allowed: {allowed})'
                )
        for section in SECTIONS:
            if not isinstance(self.document.get(section, []), list):
                self.error(None, None, f"{section}: must be a list of records")
        return True

    def _parse_record(self, section: str, index: int, raw):
        record = Record(section=section, index=index, raw=raw)
        self.records[section].append(record)
        if not isinstance(raw, dict):
            self.error(record, None, f"must be an object, not {schema.type_name(raw)}")
            record.raw = {}
            return
        slug = raw.get("slug")
        if isinstance(slug, dict):
            slug = slug.get(language_codes()[0])
        record.slug = slug if isinstance(slug, str) and slug else None
        section_specs = specs(section)
        for key in raw:
            if key not in section_specs:
                self.error(record, key, f"unknown field (not part of {FORMAT})")
        for key, spec in section_specs.items():
            if key not in raw:
                if spec.required:
                    self.error(record, key, "missing (required)")
                continue
            try:
                record.data[key] = schema.parse(spec, raw[key])
            except Invalid as problem:
                self.error(record, key, str(problem))

    def _check_duplicates(self):
        for records in self.records.values():
            first: dict[str, Record] = {}
            for record in records:
                if record.slug in first:
                    self.error(
                        record,
                        "slug",
                        f"the same slug as {first[record.slug].label}; a slug names one record",
                    )
                elif record.slug:
                    first[record.slug] = record

    def _load_existing(self):
        prefetch = {
            "experts": ["topics", "regions"],
            "articles": [
                "topics",
                "regions",
                "authorships__expert",
                "recommendation_links__recommended",
            ],
        }
        for section, records in self.records.items():
            lookup = identity_field(section)
            slugs = [r.slug for r in records if r.slug]
            found = {
                getattr(obj, lookup): obj
                for obj in MODELS[section]
                .objects.filter(**{f"{lookup}__in": slugs})
                .prefetch_related(*prefetch.get(section, []))
            }
            for record in records:
                existing = found.get(record.slug)
                record.is_new = existing is None
                record.instance = existing or MODELS[section]()
                if existing is not None:
                    record.current = self._stored_relations(section, existing)

    @staticmethod
    def _stored_relations(section: str, obj) -> dict:
        if section == "experts":
            return {
                "topics": sorted(t.slug for t in obj.topics.all()),
                "regions": sorted(r.slug for r in obj.regions.all()),
            }
        if section == "articles":
            authorships = sorted(obj.authorships.all(), key=lambda a: (a.order, a.pk))
            links = sorted(
                obj.recommendation_links.all(), key=lambda r: (r.order, r.pk)
            )
            return {
                "authors": [a.expert.slug for a in authorships],
                "topics": sorted(t.slug for t in obj.topics.all()),
                "regions": sorted(r.slug for r in obj.regions.all()),
                "recommended": [link.recommended.slug_en for link in links],
            }
        return {}

    def _derive_article_slugs(self, record: Record):
        """Fill the slugs the file leaves out the way ``Article.save()`` would, keeping stored ones."""
        if "slug" not in record.data:
            return
        slugs = dict(record.data["slug"])
        for code in language_codes():
            if slugs[code]:
                continue
            if "title" in record.data:
                title = record.data["title"][code]
            else:
                title = getattr(record.instance, localized("title", code))
            stored = (
                None
                if record.is_new
                else getattr(record.instance, localized("slug", code))
            )
            slugs[code] = (stored or propose_slug(title) or None) if title else None
        record.data["slug"] = slugs

    def _check_path_slugs(self):
        """Articles, topics and regions share /policy-analysis/: one slug, one record, per language."""
        claims: dict[str, list[tuple[Record, str | None]]] = {}
        for section in ("topics", "regions"):
            for record in self.records[section]:
                if record.slug and "slug" in record.data:
                    claims.setdefault(record.slug, []).append((record, None))
        for record in self.records["articles"]:
            for code, slug in record.data.get("slug", {}).items():
                if slug:
                    claims.setdefault(slug, []).append((record, code))
        for slug, holders in claims.items():
            for position, (record, code) in enumerate(holders):
                for other, other_code in holders[:position]:
                    if other is record:
                        continue
                    if other.section == record.section and other.slug == record.slug:
                        continue  # already reported as a duplicate
                    if code is None or other_code is None or code == other_code:
                        key = f"slug.{code}" if code else "slug"
                        self.error(
                            record,
                            key,
                            f'"{slug}" is also the slug of {other.label} in this file',
                        )
                        break

    def _collect_known(self):
        wanted: dict[str, set[str]] = {section: set() for section in SECTIONS}
        targets = {
            "type": "article_types",
            "authors": "experts",
            "topics": "topics",
            "regions": "regions",
            "recommended": "articles",
        }
        for section in ("topics", "regions"):
            for record in self.records[section]:
                if record.data.get("parent"):
                    wanted[section].add(record.data["parent"])
        for record in self.records["experts"]:
            for key, slugs in record.data.get("expertise", {}).items():
                wanted[key].update(slugs)
        for record in self.records["articles"]:
            for key, target in targets.items():
                value = record.data.get(key)
                wanted[target].update(
                    [value] if isinstance(value, str) else value or []
                )
        for section, slugs in wanted.items():
            lookup = identity_field(section)
            in_db = MODELS[section].objects.filter(**{f"{lookup}__in": slugs})
            self.known[section] = {
                r.slug for r in self.records[section] if r.slug
            } | set(in_db.values_list(lookup, flat=True))

    def _check_references(self, record: Record):
        """Every slug the record names must be in the file or the database."""
        checks = {
            "topics": self._check_term_references,
            "regions": self._check_term_references,
            "experts": self._check_expert_references,
            "articles": self._check_article_references,
        }
        if record.section in checks:
            checks[record.section](record)

    def _check_known(self, record: Record, key: str, target: str, slugs: list[str]):
        for slug in slugs:
            if slug not in self.known[target]:
                self.error(record, key, f'unknown {NOUNS[target]} "{slug}"')

    def _check_term_references(self, record: Record):
        parent = record.data.get("parent")
        if parent and parent == record.slug:
            self.error(record, "parent", "a term cannot be its own parent")
        elif parent:
            self._check_known(record, "parent", record.section, [parent])

    def _check_expert_references(self, record: Record):
        for key, slugs in record.data.get("expertise", {}).items():
            self._check_known(record, f"expertise.{key}", key, slugs)

    def _check_article_references(self, record: Record):
        data = record.data
        if data.get("type"):
            self._check_known(record, "type", "article_types", [data["type"]])
        elif "type" in data:
            self.error(record, "type", "must name an article type")
        self._check_known(record, "authors", "experts", data.get("authors", []))
        self._check_known(record, "topics", "topics", data.get("topics", []))
        self._check_known(record, "regions", "regions", data.get("regions", []))
        recommended = data.get("recommended", [])
        if record.slug in recommended:
            self.error(record, "recommended", "an article cannot recommend itself")
        others = [slug for slug in recommended if slug != record.slug]
        self._check_known(record, "recommended", "articles", others)

    def _check_parent_cycles(self, section: str):
        parents = dict(MODELS[section].objects.values_list("slug", "parent__slug"))
        records = [r for r in self.records[section] if r.slug and "parent" in r.data]
        parents.update({r.slug: r.data["parent"] for r in records})
        for record in records:
            seen, node = {record.slug}, parents.get(record.slug)
            while node is not None and node not in seen:
                seen.add(node)
                node = parents.get(node)
            if node == record.slug and record.data["parent"] != record.slug:
                self.error(
                    record, "parent", "the parents form a circle back to this term"
                )

    def _check_files(self, record: Record):
        """Read the files the record names and learn what the model field would keep of them."""
        for key, spec in specs(record.section).items():
            path = record.data.get(key) if spec.kind == schema.FILE else None
            content = self._read_file(record, key, path) if path else None
            if content is None:
                continue
            field = record.instance._meta.get_field(spec.field)
            if isinstance(field, models.ImageField) and not _is_image(content):
                self.error(record, key, f'"{path}" is not an image')
                continue
            try:
                record.files[key] = _probe_upload(
                    record.instance, field, path, content, self._model_values(record)
                )
            except ValidationError as error:
                for message in error.messages:
                    self.error(record, key, f'"{path}": {message}')

    def _read_file(self, record: Record, key: str, path: str) -> bytes | None:
        full = (self.base_dir / path).resolve()
        if PurePath(path).is_absolute() or not full.is_relative_to(self.base_dir):
            self.error(
                record, key, f'"{path}" must be a path inside the folder of the file'
            )
        elif not full.is_file():
            self.error(
                record, key, f'file not found: "{path}" (relative to {self.base_dir})'
            )
        else:
            return full.read_bytes()
        return None

    def _model_values(self, record: Record) -> dict:
        """The plain model fields that the record sets, by attname."""
        values = {}
        for key, value in record.data.items():
            spec = specs(record.section)[key]
            if spec.kind in schema.TRANSLATED_KINDS:
                values.update({localized(spec.field, c): v for c, v in value.items()})
            elif spec.kind == schema.LANGUAGES:
                values.update(
                    {localized("available", c): c in value for c in language_codes()}
                )
            elif spec.kind in (schema.REF, schema.REFS, schema.EXPERTISE, schema.FILE):
                continue
            elif key == "sort_name" and not value:
                continue  # Expert.save() derives it from the name
            elif key == "first_published_at" and value is None:
                continue  # Article.save() sets it on publication
            else:
                values[spec.field] = value
        for upload in record.files.values():
            # What the upload derives (a PDF's page count) wins over the file's value.
            values.update(
                {name: v for name, v in upload.derived.items() if name in values}
            )
        return values

    def _check_model(self, record: Record):
        """Run the model's own validation on the record as it will be stored."""
        instance = record.instance
        if instance is None or not record.raw:
            return
        record.values = self._model_values(record)
        record.changed = any(
            not _same(getattr(instance, name), value)
            for name, value in record.values.items()
        )
        for name, value in record.values.items():
            setattr(instance, name, value)
        model = type(instance)
        exclude = [
            f.name
            for f in model._meta.get_fields()
            if f.is_relation or isinstance(f, models.FileField)
        ]
        # Every exchanged model is translated; its untranslated base columns
        # only mirror the active language and are not validated on their own.
        exclude += list(translator.get_options_for_model(model).all_fields)
        try:
            with _files_as_imported(record):
                instance.full_clean(exclude=exclude, validate_unique=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                key = self._exchange_key(record.section, name)
                if key and key.split(".")[0] in record.bad_keys:
                    continue  # the file's value was reported already
                for message in messages:
                    self.error(record, key, message)

    @staticmethod
    def _exchange_key(section: str, name: str) -> str | None:
        if name == NON_FIELD_ERRORS:
            return NON_FIELD_KEYS.get(section)
        for spec in SECTIONS[section]:
            if name == spec.field:
                return spec.key
            for code in language_codes():
                if name == localized(spec.field, code):
                    return f"{spec.key}.{code}"
        return name

    # Write pass -----------------------------------------------------------

    def write(self) -> ImportSummary:
        try:
            with transaction.atomic():
                self._write_records("article_types")
                self._write_terms("topics")
                self._write_terms("regions")
                self._write_records("experts")
                self._write_articles()
                if self.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            self._delete_stored_files()
            raise
        return self.summary

    def _pk(self, section: str, slug: str) -> int:
        """The primary key of the record ``slug`` of ``section``, in the file or the DB."""
        if (section, slug) not in self._pks:
            lookup = identity_field(section)
            self._pks[section, slug] = (
                MODELS[section]
                .objects.values_list("pk", flat=True)
                .get(**{lookup: slug})
            )
        return self._pks[section, slug]

    def _save(self, record: Record, *, also_changed: bool = False):
        """Save the record if anything in it differs from what is stored, and count it."""
        changed = record.is_new or record.changed or also_changed
        if changed:
            record.instance.save()
        self._pks[record.section, record.slug] = record.instance.pk
        outcome = "created" if record.is_new else "updated" if changed else "unchanged"
        self.summary.counts[record.section][outcome] += 1

    def _set_foreign_key(self, record: Record, attname: str, pk: int | None) -> bool:
        if getattr(record.instance, attname) == pk:
            return False
        setattr(record.instance, attname, pk)
        return True

    def _write_records(self, section: str):
        for record in self.records[section]:
            files_changed = self._write_files(record)
            relations = self._relation_changes(record)
            self._save(record, also_changed=files_changed or bool(relations))
            self._write_relations(record, relations)

    def _write_terms(self, section: str):
        for record in _parents_first(self.records[section]):
            moved = False
            if "parent" in record.data:
                parent = record.data["parent"]
                parent_pk = self._pk(section, parent) if parent else None
                moved = self._set_foreign_key(record, "parent_id", parent_pk)
            self._save(record, also_changed=moved)

    def _write_articles(self):
        pending = []
        for record in self.records["articles"]:
            retyped = self._set_foreign_key(
                record, "type_id", self._pk("article_types", record.data["type"])
            )
            files_changed = self._write_files(record)
            relations = self._relation_changes(record)
            self._save(record, also_changed=retyped or files_changed or bool(relations))
            pending.append((record, relations))
        # Recommendations may name articles that come later in the file.
        for record, relations in pending:
            self._write_relations(record, relations)
        # Authors and terms are written after the articles: index their names.
        update_search_vectors(record.instance.pk for record, _rel in pending)

    def _relation_changes(self, record: Record) -> dict[str, list[str]]:
        """The relations whose stored slugs differ from the file's: key -> slugs."""
        if record.section == "experts":
            wanted = record.data.get("expertise", {})
        elif record.section == "articles":
            keys = ("authors", "topics", "regions", "recommended")
            wanted = {key: record.data[key] for key in keys if key in record.data}
        else:
            return {}
        changes = {}
        for key, slugs in wanted.items():
            ordered = key in ("authors", "recommended")
            stored = record.current.get(key, [])
            if (slugs if ordered else sorted(slugs)) != stored:
                changes[key] = slugs
        return changes

    def _write_relations(self, record: Record, changes: dict[str, list[str]]):
        instance = record.instance
        for key, slugs in changes.items():
            if key == "authors":
                instance.authorships.all().delete()
                Authorship.objects.bulk_create(
                    Authorship(
                        article=instance, expert_id=self._pk("experts", slug), order=n
                    )
                    for n, slug in enumerate(slugs)
                )
            elif key == "recommended":
                instance.recommendation_links.all().delete()
                Recommendation.objects.bulk_create(
                    Recommendation(
                        article=instance,
                        recommended_id=self._pk("articles", slug),
                        order=n,
                    )
                    for n, slug in enumerate(slugs)
                )
            else:
                getattr(instance, key).set([self._pk(key, slug) for slug in slugs])

    def _write_files(self, record: Record) -> bool:
        """Copy the record's files into storage unless the same bytes are stored; True on change."""
        changed = False
        for key, spec in specs(record.section).items():
            if spec.kind != schema.FILE or key not in record.data:
                continue
            field_file = getattr(record.instance, spec.field)
            if key not in record.files:  # null: the file is removed from the record
                if field_file:
                    setattr(record.instance, spec.field, "")
                    changed = True
                continue
            upload = record.files[key]
            if field_file and _stored_bytes(field_file) == upload.stored:
                continue
            changed = True
            if not self.dry_run:
                field_file.save(
                    f"{record.slug}{PurePath(upload.name).suffix.lower()}",
                    ContentFile(upload.content),
                    save=False,
                )
                self.stored_files.append((field_file.storage, field_file.name))
        return changed

    def _delete_stored_files(self):
        for storage, name in self.stored_files:
            storage.delete(name)


@dataclass
class Upload:
    """A file named by a record: its bytes, and what the model field would store."""

    name: str
    content: bytes
    stored: bytes  # the bytes the field keeps (safe-upload fields re-encode images)
    derived: dict  # fields the upload sets on the record (a PDF's page count)


def _probe_upload(instance, field, path: str, content: bytes, values: dict) -> Upload:
    """
    Save ``content`` through ``field`` into memory, on a copy of ``instance``
    that already carries the record's ``values``.

    The field may check, re-encode and rename what it stores and derive other
    fields from it; probing learns all of that without writing anything, so that
    the write pass can tell whether the stored file is already the same.
    Raises the field's ``ValidationError`` for a file it refuses.
    """
    scratch = copy.copy(instance)
    for name, value in values.items():
        setattr(scratch, name, value)
    before = {f.attname: getattr(scratch, f.attname) for f in _plain_fields(instance)}
    probe = field.attr_class(scratch, field, None)
    probe.storage = InMemoryStorage()
    probe.save(PurePath(path).name, ContentFile(content), save=False)
    with probe.storage.open(probe.name, "rb") as handle:
        stored = handle.read()
    derived = {
        name: getattr(scratch, name)
        for name, value in before.items()
        if getattr(scratch, name) != value
    }
    return Upload(PurePath(path).name, content, stored, derived)


@contextmanager
def _files_as_imported(record: Record):
    """
    Let ``clean()`` see the record's file fields as the import will leave them.

    Only the names are put in place, straight into ``__dict__``: the image
    descriptors would otherwise open a file that is not stored yet.
    """
    instance, saved = record.instance, {}
    for key, spec in specs(record.section).items():
        if (
            spec.kind == schema.FILE
            and key in record.data
            and not key in record.bad_keys
        ):
            attname = instance._meta.get_field(spec.field).attname
            saved[attname] = instance.__dict__.get(attname)
            upload = record.files.get(key)
            instance.__dict__[attname] = f"pending/{upload.name}" if upload else ""
    try:
        yield
    finally:
        instance.__dict__.update(saved)


def _plain_fields(instance):
    return [
        f
        for f in instance._meta.concrete_fields
        if not f.is_relation and not isinstance(f, models.FileField)
    ]


def _is_image(content: bytes) -> bool:
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        return False
    return True


def _same(stored, wanted) -> bool:
    """Equal as stored: NULL and "" are the same empty text."""
    if isinstance(stored, str) or isinstance(wanted, str):
        return (stored or "") == (wanted or "")
    return stored == wanted


def _stored_bytes(field_file) -> bytes | None:
    try:
        with field_file.storage.open(field_file.name, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _parents_first(records: list[Record]) -> list[Record]:
    """Terms ordered so that a parent named in the file is written before its children."""
    by_slug = {record.slug: record for record in records}
    ordered, seen = [], set()

    def visit(record):
        if id(record) in seen:
            return
        seen.add(id(record))
        parent = by_slug.get(record.data.get("parent"))
        if parent is not None:
            visit(parent)
        ordered.append(record)

    for record in records:
        visit(record)
    return ordered
