"""
The validation pass of an import: read the whole document and collect every problem.

Each problem names the record (its section, index and slug) and the exchange
field. The pass leaves every record with a model instance carrying the file's
values, checked by the model's own ``full_clean()``, ready for the write pass.
"""

from pathlib import Path, PurePath

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from modeltranslation.translator import translator

from core.i18n import in_default_language, language_codes, localized
from core.slugs import propose_slug
from exchange import schema
from exchange.files import files_as_imported, probe_upload
from exchange.records import (
    MODELS,
    NON_FIELD_KEYS,
    NOUNS,
    Record,
    identity_field,
    specs,
)
from exchange.schema import FORMAT, SECTIONS, Invalid


class Validator:
    def __init__(self, document, *, base_dir: Path):
        self.document = document
        self.base_dir = base_dir.resolve()
        self.errors: list[tuple[tuple[int, int], str]] = []
        self.records: dict[str, list[Record]] = {section: [] for section in SECTIONS}
        self.known: dict[str, set[str]] = {}  # section -> slugs in the file or the DB

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
        if isinstance(slug, str) and slug:
            # PostgreSQL cannot even compare text holding a NUL character
            # (reported with the field below): look the rest of it up.
            record.written_slug = slug
            record.slug = slug.replace(schema.NUL, "") or None
        section_specs = specs(section)
        for key in raw:
            if key not in section_specs:
                self.error(record, key, f"unknown field (not part of {FORMAT})")
        for key, spec in section_specs.items():
            if key not in raw:
                if spec.required:
                    self.error(record, key, "missing (required)")
                continue
            value = raw[key]
            problem = schema.nul_problem(value)
            if problem:
                self.error(record, key, problem)
                # Check the rest as if the NUL were not there: one error, no echoes.
                value = schema.without_nul(value)
            try:
                record.data[key] = schema.parse(spec, value)
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
                ._base_manager.filter(**{f"{lookup}__in": slugs})
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
                "recommended": [
                    in_default_language(link.recommended, "slug") for link in links
                ],
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
            in_db = MODELS[section]._base_manager.filter(**{f"{lookup}__in": slugs})
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
        parents = dict(
            MODELS[section]._base_manager.values_list("slug", "parent__slug")
        )
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
            # The field's own checks, as in the admin: type from the bytes,
            # pixel count before decoding (decompression bombs), PDF content.
            field = record.instance._meta.get_field(spec.field)
            try:
                record.files[key] = probe_upload(
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

    @staticmethod
    def _published_in_columns(record: Record) -> dict[str, str]:
        """``{code: column}`` of the languages the record says it is published in, if it says."""
        for key, spec in specs(record.section).items():
            if spec.kind == schema.LANGUAGES and key in record.data:
                return {code: localized(spec.field, code) for code in language_codes()}
        return {}

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
            elif spec.kind in (
                schema.REF,
                schema.REFS,
                schema.EXPERTISE,
                schema.FILE,
                schema.FILE_ATTR,
            ):
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
        changed = [
            name
            for name, value in record.values.items()
            if not _same(getattr(instance, name), value)
        ]
        record.changed = bool(changed)
        record.changed_keys = list(
            dict.fromkeys(self._exchange_key(record.section, name) for name in changed)
        )
        published_in = self._published_in_columns(record)
        for name, value in record.values.items():
            if name not in published_in.values():
                setattr(instance, name, value)
        for code, column in published_in.items():
            # The languages it is published in, set as the workflow sets them.
            instance.publish_in(code, record.values[column])
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
            with files_as_imported(record):
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


def _same(stored, wanted) -> bool:
    """Equal as stored: NULL and "" are the same empty text."""
    if isinstance(stored, str) or isinstance(wanted, str):
        return (stored or "") == (wanted or "")
    return stored == wanted
