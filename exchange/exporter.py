"""
Export to ``thinktank-exchange/1``.

Every record is written in the same form: every key of its kind (but the
extensions written only when true, ``Spec.only_when_true``), in the order of
``schema``, records sorted by slug, translated objects in the order of
``settings.LANGUAGES`` with empty languages left out, and date-times in UTC
(``+00:00``). Exporting, importing into an empty database and exporting again
gives the same bytes.
"""

import json
from datetime import UTC
from pathlib import Path, PurePath

from django.conf import settings
from django.db.models import Prefetch
from django.db.models.fields.files import FieldFile
from django.utils import translation

from articles.models import Article, ArticleType, Authorship, Recommendation
from core.i18n import in_default_language, language_codes, localized
from exchange import schema
from exchange.schema import FORMAT, SECTIONS, Spec
from experts.models import Expert
from taxonomy.models import Region, Topic


def export_exchange(
    *, out_dir: Path | None = None, warnings: list | None = None
) -> str:
    """The whole site as a JSON document; files go under ``out_dir`` unless it is None."""
    exporter = Exporter(
        out_dir=out_dir, warnings=warnings if warnings is not None else []
    )
    with translation.override(settings.LANGUAGE_CODE):
        document = exporter.document()
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


class Exporter:
    def __init__(self, *, out_dir: Path | None, warnings: list):
        self.out_dir = out_dir
        self.warnings = warnings
        #: (model label, pk) of a library record -> the path it was written to.
        self.written = {}

    def document(self) -> dict:
        # The base managers include records in the trash: a backup keeps them,
        # with their ``deleted_at``, and bylines may still name them.
        querysets = {
            "article_types": ArticleType._base_manager.all(),
            "topics": Topic._base_manager.select_related("parent"),
            "regions": Region._base_manager.select_related("parent"),
            "experts": Expert._base_manager.select_related("headshot").prefetch_related(
                "topics", "regions"
            ),
            "articles": Article._base_manager.select_related(
                "type", "lead_image", "pdf"
            ).prefetch_related(
                "topics",
                "regions",
                Prefetch("authorships", Authorship.objects.select_related("expert")),
                Prefetch(
                    "recommendation_links",
                    Recommendation.objects.select_related("recommended"),
                ),
            ),
        }
        document = {"format": FORMAT}
        for section, queryset in querysets.items():
            slug_field = (
                localized("slug", language_codes()[0])
                if section == "articles"
                else "slug"
            )
            objects = sorted(queryset, key=lambda obj: getattr(obj, slug_field) or "")
            document[section] = [self.record(section, obj) for obj in objects]
        return document

    def record(self, section: str, obj) -> dict:
        relations = self.relations(section, obj)
        record = {}
        for spec in SECTIONS[section]:
            value = (
                relations[spec.key] if spec.key in relations else self.value(spec, obj)
            )
            if spec.only_when_true and value is not True:
                continue
            record[spec.key] = value
        return record

    @staticmethod
    def relations(section: str, obj) -> dict:
        """The values of the keys that name other records, as slugs."""
        if section in ("topics", "regions"):
            return {"parent": obj.parent.slug if obj.parent else None}
        if section == "experts":
            return {
                "expertise": {
                    "topics": sorted(t.slug for t in obj.topics.all()),
                    "regions": sorted(r.slug for r in obj.regions.all()),
                }
            }
        if section == "articles":
            links = sorted(
                obj.recommendation_links.all(), key=lambda r: (r.order, r.pk)
            )
            return {
                "type": obj.type.slug,
                "authors": [a.expert.slug for a in obj.byline()],
                "topics": sorted(t.slug for t in obj.topics.all()),
                "regions": sorted(r.slug for r in obj.regions.all()),
                "recommended": [
                    in_default_language(link.recommended, "slug") for link in links
                ],
            }
        return {}

    def value(self, spec: Spec, obj):
        if spec.kind == schema.FILE_ATTR:
            return self.file_attr(spec, obj)
        if spec.kind in schema.TRANSLATED_KINDS:
            texts = {
                code: getattr(obj, localized(spec.field, code))
                for code in language_codes()
            }
            return {code: text for code, text in texts.items() if text}
        if spec.kind == schema.LANGUAGES:
            return obj.languages
        value = getattr(obj, spec.field)
        if spec.kind == schema.TEXT:
            return value or ""
        if spec.kind == schema.DATETIME:
            return value.astimezone(UTC).isoformat() if value else None
        if spec.kind == schema.DATE:
            return value.isoformat() if value else None
        if spec.kind == schema.FILE:
            return self.file(spec, obj, value)
        return value

    def file_attr(self, spec: Spec, obj):
        """An attribute of the record's library file (its focal point), or the default without one."""
        owner, name = spec.field.split(".")
        record = getattr(obj, owner)
        return spec.default if record is None else getattr(record, name)

    def file(self, spec: Spec, obj, field_file) -> str | None:
        """
        The file's path relative to the export, copied there unless writing to
        stdout. A library record is written once: the first record that names
        it gives the path, the others name the same path.
        """
        if not field_file:
            return None
        library_record = None
        if not isinstance(field_file, FieldFile):
            library_record, field_file = field_file, field_file.file
            key = (library_record._meta.label, library_record.pk)
            if key in self.written:
                return self.written[key]
        slug = (
            in_default_language(obj, "slug") if isinstance(obj, Article) else obj.slug
        )
        folder = schema.FILE_FOLDERS[spec.key]
        reference = f"{folder}/{slug}{PurePath(field_file.name).suffix.lower()}"

        try:
            with field_file.storage.open(field_file.name, "rb") as handle:
                content = handle.read()
        except OSError:
            self.warnings.append(
                f'{spec.key} of "{slug}": "{field_file.name}" is missing from storage; exported as null'
            )
            return None
        if self.out_dir is not None:
            target = self.out_dir / reference
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        if library_record is not None:
            self.written[key] = reference
        return reference
