"""
The write pass of an import: upsert the validated records in one transaction.

A record is saved only when something in it differs from what is stored, so a
second import of the same file changes nothing, not even ``updated_at``.
"""

import hashlib
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import transaction

from articles import bylines
from articles.models import Authorship, Recommendation
from articles.search_index import update_search_vectors
from exchange import schema
from exchange.files import library_file_field, stored_bytes
from exchange.records import (
    MODELS,
    Change,
    ImportSummary,
    Record,
    identity_field,
    specs,
)
from history import services as history, snapshot
from library.models import Image
from library.services import document_from_upload_created, image_from_upload_created


class Writer:
    """
    ``as_pending``: the changes to a live article (one whose edits need
    review, ``history.is_moderated``) are kept as its unpublished change, by
    ``user``, instead of being written to the live page.
    """

    def __init__(
        self,
        records: dict[str, list[Record]],
        *,
        dry_run: bool,
        as_pending: bool = False,
        user=None,
    ):
        self.records = records
        self.dry_run = dry_run
        self.as_pending = as_pending
        self.user = user
        self.stored_files: list[tuple] = []  # (storage, name) written so far
        self.summary = ImportSummary(dry_run=dry_run)
        self._pks: dict[tuple[str, str], int] = {}

    def write(self) -> ImportSummary:
        try:
            with transaction.atomic():
                self._write_records("article_types")
                self._write_terms("topics")
                self._write_terms("regions")
                self._write_records("experts")
                self._write_articles()
                self._keep_revisions()
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
                ._base_manager.values_list("pk", flat=True)
                .get(**{lookup: slug})
            )
        return self._pks[section, slug]

    def _save(self, record: Record, *, also_changed=()):
        """
        Save the record if anything in it differs from what is stored, and
        count it; ``also_changed``: the exchange keys of other changes (its
        relations, files, type or parent).
        """
        changed = record.is_new or record.changed or bool(also_changed)
        if changed:
            record.instance.save()
            record.written = True
        self._pks[record.section, record.slug] = record.instance.pk
        outcome = "created" if record.is_new else "updated" if changed else "unchanged"
        self._count(record, outcome, [*record.changed_keys, *also_changed])

    def _count(self, record: Record, outcome: str, keys=()):
        self.summary.counts[record.section][outcome] += 1
        if outcome != "unchanged":
            self.summary.changes.append(
                Change(record.section, record.label, outcome, list(dict.fromkeys(keys)))
            )

    def _set_foreign_key(self, record: Record, attname: str, pk: int | None) -> bool:
        if getattr(record.instance, attname) == pk:
            return False
        setattr(record.instance, attname, pk)
        return True

    def _write_records(self, section: str):
        for record in self.records[section]:
            files = self._write_files(record)
            relations = self._relation_changes(record)
            self._save(record, also_changed=[*files, *relations])
            self._write_relations(record, relations)

    def _write_terms(self, section: str):
        for record in _parents_first(self.records[section]):
            moved = False
            if "parent" in record.data:
                parent = record.data["parent"]
                parent_pk = self._pk(section, parent) if parent else None
                moved = self._set_foreign_key(record, "parent_id", parent_pk)
            self._save(record, also_changed=["parent"] if moved else [])

    def _write_articles(self):
        written, held = [], []
        for record in self.records["articles"]:
            retyped = self._set_foreign_key(
                record, "type_id", self._pk("article_types", record.data["type"])
            )
            files = self._write_files(record)
            relations = self._relation_changes(record)
            also = [*(["type"] if retyped else []), *files, *relations]
            if self._holds(record):
                self._pks[record.section, record.slug] = record.instance.pk
                held.append((record, relations, also))
                continue
            self._save(record, also_changed=also)
            written.append((record, relations))
        # Recommendations may name articles that come later in the file.
        for record, relations in written:
            self._write_relations(record, relations)
            # Published work keeps its byline as of its publication (citations).
            bylines.freeze(record.instance)
        for record, relations, also in held:
            self._hold(record, relations, also)
        # Authors and terms are written after the articles: index their names.
        update_search_vectors(record.instance.pk for record, _rel in written)

    def _holds(self, record: Record) -> bool:
        """Are the record's changes kept as an unpublished change (a live article, ``as_pending``)?"""
        if not self.as_pending or record.is_new:
            return False
        stored = type(record.instance)._base_manager.get(pk=record.instance.pk)
        return history.is_moderated(stored)

    def _hold(self, record: Record, relations: dict, also: list):
        """Keep the record's changes as its unpublished change, the live page untouched."""
        if not (record.changed or also):
            self._count(record, "unchanged")
            return
        instance = record.instance
        # The fields as the file has them; the relations as stored, then the file's.
        data = snapshot.take(instance)
        frozen = dict(instance.authorships.values_list("expert_id", "frozen"))
        for key, slugs in relations.items():
            if key == "authors":
                pks = [self._pk("experts", slug) for slug in slugs]
                data["authorships"] = [
                    [pk, n, frozen.get(pk, {})] for n, pk in enumerate(pks)
                ]
            elif key == "recommended":
                data["recommendations"] = [
                    [self._pk("articles", slug), n] for n, slug in enumerate(slugs)
                ]
            else:
                data[key] = sorted(self._pk(key, slug) for slug in slugs)
        history.ensure_baseline(instance, self.user)
        history.record_pending(instance, data, self.user, via="import_content")
        self._count(record, "pending", [*record.changed_keys, *also])

    def _keep_revisions(self):
        """A revision of every expert and article the import created or changed."""
        for section in ("experts", "articles"):
            for item in self.records[section]:
                if item.is_new or item.written:
                    history.record(item.instance, via="import_content")

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
                # An author who stays keeps the byline frozen at publication.
                frozen = dict(instance.authorships.values_list("expert_id", "frozen"))
                instance.authorships.all().delete()
                Authorship.objects.bulk_create(
                    Authorship(
                        article=instance,
                        expert_id=expert_id,
                        order=n,
                        frozen=frozen.get(expert_id, {}),
                    )
                    for n, expert_id in enumerate(
                        self._pk("experts", slug) for slug in slugs
                    )
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

    def _write_files(self, record: Record) -> list[str]:
        """Copy the record's files into storage unless the same bytes are stored; the keys changed."""
        changed = []
        for key, spec in specs(record.section).items():
            if spec.kind != schema.FILE or key not in record.data:
                continue
            field = record.instance._meta.get_field(spec.field)
            if library_file_field(field) is not None:
                if self._refer_to_library(record, key, field):
                    changed.append(key)
                continue
            field_file = getattr(record.instance, spec.field)
            if key not in record.files:  # null: the file is removed from the record
                if field_file:
                    setattr(record.instance, spec.field, "")
                    changed.append(key)
                continue
            upload = record.files[key]
            if field_file and stored_bytes(field_file) == upload.stored:
                continue
            changed.append(key)
            if not self.dry_run:
                field_file.save(
                    f"{record.slug}{PurePath(upload.name).suffix.lower()}",
                    ContentFile(upload.content),
                    save=False,
                )
                self.stored_files.append((field_file.storage, field_file.name))
        return changed

    def _refer_to_library(self, record: Record, key: str, field) -> bool:
        """
        Point the record's foreign key at the library record holding the
        file's bytes (found by their hash, or created), and set that record's
        attributes the file names (``FILE_ATTR``); True on change.
        """
        instance = record.instance
        current = getattr(instance, field.attname)
        if key not in record.files:  # null: the record no longer refers to one
            if current is not None:
                setattr(instance, field.attname, None)
                return True
            return False
        upload = record.files[key]
        digest = hashlib.sha256(upload.stored).hexdigest()
        model = field.related_model
        target = model._base_manager.filter(content_hash=digest).first()
        changed = target is None or target.pk != current
        if self.dry_run:
            return changed or self._attrs_differ(record, key, target)
        if target is None:
            values_for = getattr(instance, "library_values", None)
            values = values_for(field.name) if callable(values_for) else {}
            store = (
                image_from_upload_created
                if model is Image
                else document_from_upload_created
            )
            target, created = store(
                ContentFile(upload.content), name=upload.name, **values
            )
            if created:
                self.stored_files.append((target.file.storage, target.file.name))
        setattr(instance, field.name, target)
        attrs = self._file_attrs(record, key)
        if attrs and any(getattr(target, n) != v for n, v in attrs.items()):
            model._base_manager.filter(pk=target.pk).update(**attrs)
            for name, value in attrs.items():
                setattr(target, name, value)
            changed = True
        return changed

    @staticmethod
    def _file_attrs(record: Record, key: str) -> dict:
        """The ``FILE_ATTR`` values the record gives for its file ``key``."""
        attrs = {}
        for other, spec in specs(record.section).items():
            if spec.kind == schema.FILE_ATTR and other in record.data:
                owner, name = spec.field.split(".")
                if owner == key and record.data[other] is not None:
                    attrs[name] = record.data[other]
        return attrs

    def _attrs_differ(self, record: Record, key: str, target) -> bool:
        return target is not None and any(
            getattr(target, n) != v for n, v in self._file_attrs(record, key).items()
        )

    def _delete_stored_files(self):
        for storage, name in self.stored_files:
            storage.delete(name)


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
