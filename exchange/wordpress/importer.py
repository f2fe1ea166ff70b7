"""
``import_wordpress``: a WordPress export (WXR) into thinktank, all or nothing.

The export is read (``wxr``), turned into a ``thinktank-exchange/1`` document
and written by the exchange importer (``exchange.importer.import_exchange``):
articles, experts, topics and regions get exactly the checks, the idempotence
and the revisions of any exchange import. Attachments go into the media library
(``library.services``, one record per content), pages into the institute pages
(``pages.Page``, checked with ``full_clean()``), and every old address into a
redirect (``core.redirects.record_move``). ``WordPressItem`` remembers what each
WordPress item became, so a second import updates rather than duplicates.

Everything runs in one transaction: a problem anywhere (reported with the
item's kind, id and title) leaves the database as it was, and a dry run rolls
back at the end. What is left out on purpose (an unknown shortcode, a missing
file, a draft's old address) is a *note*: reported, not an error.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qsl, unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation

from articles.models import Article, ArticleType
from core.i18n import default_language, language_codes, localized
from core.models import Redirect, RedirectKind, normalise_old_path
from core.redirects import record_move
from core.slugs import propose_slug, slug_owner
from core.urls import slug_url
from exchange.importer import import_exchange
from exchange.models import WordPressItem
from exchange.records import ExchangeError
from exchange.schema import FORMAT
from exchange.wordpress.content import (
    Context,
    Figure,
    clean_content,
    plain_text,
    summary_of,
)
from exchange.wordpress.mapping import Mapping, load_mapping
from exchange.wordpress.wxr import (
    Export,
    Item,
    Term,
    TextStore,
    WXRError,
    read_export,
)
from experts.models import Expert
from history import services as history
from library.models import Document, Image
from library.services import (
    document_from_upload_created,
    image_from_upload_created,
    track_created,
)
from pages.models import Page, route_taken
from taxonomy.models import Region, Topic

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
DOCUMENT_SUFFIXES = {".pdf"}
STATUSES = {
    "publish": "published",
    "future": "scheduled",
    "draft": "draft",
    "pending": "in_review",
    "private": "draft",
}
SKIPPED_STATUSES = {"auto-draft", "inherit"}
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.[a-z0-9]+$)", re.IGNORECASE)
_EXCHANGE_LABEL = re.compile(r'^(\w+)\[(\d+)\](?: \(slug "[^"]*"\))?: ')
VIA = "import_wordpress"
#: Articles per exchange import (memory holds one batch's texts).
BATCH = 200


class WordPressImportError(Exception):
    def __init__(self, messages: list[str], report=None):
        super().__init__("\n".join(messages))
        self.messages = messages
        self.report = report


@dataclass
class Report:
    dry_run: bool = False
    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    notes: list[str] = field(default_factory=list)
    internal_links: int = 0

    def lines(self) -> list[str]:
        lines = []
        for kind, counter in self.counts.items():
            parts = [
                f"{counter[o]} {o}"
                for o in ("created", "updated", "unchanged", "matched", "skipped")
                if counter[o]
            ]
            lines.append(f"{kind}: {', '.join(parts) or 'none'}")
        lines.append(f"internal links: {self.internal_links}")
        if self.dry_run:
            lines.append("dry run: nothing was written")
        return lines


def label(item: Item) -> str:
    return f'{item.type} {item.id} "{plain_text(item.title)}"'


def wp_slug(value: str) -> str:
    """A WordPress slug (maybe percent-encoded) as ours, or "" when it cannot be one."""
    slug = unquote(value or "").strip().lower()
    return slug if _SLUG.fullmatch(slug) else ""


def upload_path(url: str) -> str:
    """The path of a file URL inside the uploads folder (``2013/03/image.jpg``)."""
    path = unquote(urlsplit(url or "").path)
    if "/uploads/" in path:
        path = path.split("/uploads/", 1)[1]
    return path.lstrip("/")


def file_key(url: str) -> str:
    """The uploads path of a file URL without WordPress's size suffix: the key of an attachment."""
    return _SIZE_SUFFIX.sub("", upload_path(url)).lower()


class WordPressImport:
    def __init__(self, export: Export, mapping: Mapping, uploads: Path | None, tz):
        self.export = export
        self.mapping = mapping
        self.uploads = uploads
        self.tz = tz
        self.site = (export.base_blog_url or export.base_site_url).rstrip("/")
        self.hosts = {
            urlsplit(u).hostname
            for u in (export.base_site_url, export.base_blog_url)
            if u and urlsplit(u).hostname
        }
        self.base_path = urlsplit(
            export.base_blog_url or export.base_site_url
        ).path.rstrip("/")
        self.errors: list[str] = []
        self.report = Report()
        self.items = {item.id: item for item in export.items}
        # Files may be served from another host (a CDN, files.wordpress.com).
        self.hosts |= {
            urlsplit(i.attachment_url).hostname
            for i in export.items
            if i.attachment_url and urlsplit(i.attachment_url).hostname
        }
        rows = WordPressItem.objects.filter(site=self.site)
        self.known = {(row.kind, row.wp_id): (row.model, row.object_id) for row in rows}
        #: The authors and terms this import created (the others were the site's).
        self.created_keys = {(row.kind, row.wp_id) for row in rows if row.created}
        self.images: dict[str, Figure] = {}  # attachment id or file key → figure
        self.files: dict[
            str, tuple[str, int, str]
        ] = {}  # attachment id → (model, pk, path)
        self.claimed: dict[str, set[str]] = defaultdict(set)  # language → slugs
        self.article_slug: dict[str, dict[str, str]] = {}  # post id → {code: slug}
        self.page_slug: dict[str, dict[str, str]] = {}
        self.terms: dict[
            tuple[str, str], tuple[str, str]
        ] = {}  # (taxonomy, wp slug) → (kind, slug)
        self.experts: dict[str, str] = {}  # author login → expert slug
        #: post ids whose body links to a post not stored yet
        self.unresolved: set[str] = set()
        self.public: set[str] = set()  # the ids of the items readers will see

    # The items ----------------------------------------------------------

    def note(self, text: str):
        self.report.notes.append(text)

    def count(self, kind: str, outcome: str, n: int = 1):
        self.report.counts[kind][outcome] += n

    def language_of(self, item: Item) -> str:
        code = ""
        for term in item.terms_of("language"):
            code = term.slug
        code = (
            code
            or item.meta.get("_wpml_import_language_code")
            or item.meta.get("_wpml_language", "")
        )
        if not code:
            return default_language()
        code = (
            self.mapping.languages.get(code, code)
            .replace("_", "-")
            .split("-")[0]
            .lower()
        )
        return code

    def group_of(self, item: Item) -> str:
        for term in item.terms_of("post_translations"):
            return f"pll:{term.slug}"
        for key in (
            "_wpml_import_translation_group",
            "_wpml_translation_group",
            "_icl_lang_duplicate_of",
        ):
            if item.meta.get(key):
                return f"wpml:{item.meta[key]}"
        return f"item:{item.id}"

    def groups(self, post_type: str) -> list[dict[str, Item]]:
        """The translation groups of the items of ``post_type``: {language: item}, default language first."""
        groups: dict[str, dict[str, Item]] = {}
        for item in self.export.items:
            if item.type != post_type:
                continue
            if item.status in SKIPPED_STATUSES:
                self.count(f"{post_type}s", "skipped")
                continue
            code = self.language_of(item)
            if code not in language_codes():
                self.note(
                    f"{label(item)}: language {code} is not one of the site's ({', '.join(language_codes())}): not imported"
                )
                self.count(f"{post_type}s", "skipped")
                continue
            group = groups.setdefault(self.group_of(item), {})
            if code in group:
                self.note(
                    f"{label(item)}: a second {code} version of {label(group[code])}: imported on its own"
                )
                groups[f"item:{item.id}"] = {code: item}
            else:
                group[code] = item
        result = []
        for group in groups.values():
            if default_language() not in group:
                for item in group.values():
                    self.note(
                        f"{label(item)}: no {default_language()} version, which the site needs: not imported"
                    )
                    self.count(f"{post_type}s", "skipped")
                continue
            result.append(
                dict(sorted(group.items(), key=lambda kv: kv[0] != default_language()))
            )
        return result

    def date(self, item: Item) -> datetime | None:
        if item.date_gmt and not item.date_gmt.startswith("0000"):
            return datetime.fromisoformat(item.date_gmt).replace(tzinfo=UTC)
        if item.date and not item.date.startswith("0000"):
            return datetime.fromisoformat(item.date).replace(tzinfo=self.tz)
        return None

    def stored(self, kind: str, wp_id: str, model):
        found = self.known.get((kind, wp_id))
        if found is None:
            return None
        return model._base_manager.filter(pk=found[1]).first()

    def remember(self, kind: str, wp_id: str, record, created: bool = True):
        model = record._meta.label_lower
        if self.known.get((kind, wp_id)) == (model, record.pk):
            return
        WordPressItem.objects.update_or_create(
            site=self.site,
            kind=kind,
            wp_id=wp_id,
            defaults={"model": model, "object_id": record.pk, "created": created},
        )
        if created:
            self.created_keys.add((kind, wp_id))
        self.known[kind, wp_id] = (model, record.pk)

    def claim(self, slug: str, code: str, owner=None, limit: int = 120) -> str:
        """``slug``, or ``slug-2``…, free in /policy-analysis/ for ``code`` (``owner`` may keep its own)."""
        slug = slug[:limit].strip("-") or "item"
        candidate, n = slug, 1
        while candidate in self.claimed[code] or (
            (holder := slug_owner(candidate, code)) is not None and holder != owner
        ):
            n += 1
            candidate = f"{slug[: limit - len(str(n)) - 1]}-{n}"
        self.claimed[code].add(candidate)
        return candidate

    # Attachments ------------------------------------------------------------

    def attachments(self):
        items = [i for i in self.export.items if i.type == "attachment"]
        if items and self.uploads is None:
            self.note(
                f"no uploads folder given (--uploads): {len(items)} attachments not imported"
            )
            self.count("attachments", "skipped", len(items))
            return
        for item in items:
            relative = item.meta.get("_wp_attached_file") or upload_path(
                item.attachment_url
            )
            relative = unquote(relative).lstrip("/")
            path = (self.uploads / relative).resolve()
            suffix = PurePosixPath(relative).suffix.lower()
            if not path.is_relative_to(self.uploads) or not path.is_file():
                self.note(
                    f"{label(item)}: file {relative} not found in {self.uploads}: not imported (files are never fetched)"
                )
                self.count("attachments", "skipped")
                continue
            if suffix not in IMAGE_SUFFIXES | DOCUMENT_SUFFIXES:
                self.note(
                    f"{label(item)}: {suffix or 'this'} files are not kept by the media library: not imported"
                )
                self.count("attachments", "skipped")
                continue
            title = plain_text(item.title)[:255] or PurePosixPath(relative).stem
            alt = plain_text(item.meta.get("_wp_attachment_image_alt", ""))[:300]
            content = ContentFile(path.read_bytes(), name=path.name)
            try:
                if suffix in IMAGE_SUFFIXES:
                    values = {"title": title}
                    if alt:
                        values[localized("alt", default_language())] = alt
                    caption = plain_text(item.texts()[1])[:500]
                    if caption:
                        values[localized("caption", default_language())] = caption
                    record, created = image_from_upload_created(
                        content, name=path.name, **values
                    )
                else:
                    record, created = document_from_upload_created(
                        content, name=path.name, title=title
                    )
            except ValidationError as error:
                self.note(
                    f"{label(item)}: {relative}: {' '.join(error.messages)}: not imported"
                )
                self.count("attachments", "skipped")
                continue
            self.count("attachments", "created" if created else "unchanged")
            self.remember("attachment", item.id, record)
            model = "image" if isinstance(record, Image) else "document"
            self.files[item.id] = (model, record.pk, relative)
            if model == "image":
                figure = Figure(record.pk, alt)
                self.images[item.id] = figure
                self.images[file_key(item.attachment_url or relative)] = figure

    def image(self, key: str) -> Figure | None:
        if key.isdigit():
            return self.images.get(key)
        return self.images.get(file_key(key)) if self.is_local(key) else None

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return not parts.netloc or parts.hostname in self.hosts

    # Authors, categories, tags ----------------------------------------------

    def authors(self, groups):
        used: dict[str, str] = {}  # login → name, in the order met
        for group in groups:
            for item in group.values():
                for login, name in self.bylines(item):
                    used.setdefault(login, name)
        by_login = {a.login: a for a in self.export.authors}
        records = []
        for login, fallback_name in used.items():
            author = by_login.get(login)
            slug = wp_slug(
                login.replace(" ", "-").replace(".", "-").replace("_", "-")
            ) or propose_slug(fallback_name or login)
            existing = self.stored("author", login, Expert)
            if existing is None:
                match = Expert._base_manager.filter(slug=slug).first()
                if match is None and author and author.email:
                    match = Expert._base_manager.filter(
                        email__iexact=author.email
                    ).first()
                if match is not None:
                    # An expert of the site already: named, never changed.
                    self.experts[login] = match.slug
                    self.remember("author", login, match, created=False)
                    self.count("experts", "matched")
                    continue
            elif not self.known_created("author", login):
                self.experts[login] = existing.slug
                self.count("experts", "matched")
                continue
            name = fallback_name
            if author:
                name = (
                    author.display_name
                    or " ".join(p for p in (author.first_name, author.last_name) if p)
                    or login
                )
            slug = existing.slug if existing else slug
            self.experts[login] = slug
            if any(r["slug"] == slug for r in records):
                continue  # two logins, one person
            self._created_authors.add(login)
            records.append(
                {
                    "slug": slug,
                    "name": {default_language(): plain_text(name)[:120] or login},
                }
            )
        return records

    def known_created(self, kind, wp_id) -> bool:
        return (kind, wp_id) in self.created_keys

    def bylines(self, item: Item) -> list[tuple[str, str]]:
        """(login, name) of the item's authors in byline order: Co-Authors Plus terms, else the creator."""
        names = []
        for term in item.terms_of("author"):
            login = term.slug.removeprefix("cap-")
            names.append((login, term.name))
        if not names and item.meta.get("coauthors"):
            names = [
                (n.strip(), n.strip())
                for n in item.meta["coauthors"].split(",")
                if n.strip()
            ]
        if not names and item.creator:
            names = [(item.creator, item.creator)]
        return list(dict.fromkeys(names))

    def taxonomy(self):
        declared = {
            (t.taxonomy, t.slug): t
            for t in self.export.terms
            if t.taxonomy in ("category", "post_tag")
        }
        for item in self.export.items:
            for term in item.terms:
                if (
                    term.domain in ("category", "post_tag")
                    and (term.domain, term.slug) not in declared
                ):
                    declared[term.domain, term.slug] = Term(
                        id="", taxonomy=term.domain, slug=term.slug, name=term.name
                    )
        existing_regions = set(Region._base_manager.values_list("slug", flat=True))
        records = {"topics": {}, "regions": {}}
        for (taxonomy, wp), term in declared.items():
            kind = self.mapping.kind_of(taxonomy, wp)
            if taxonomy == "post_tag" and wp in existing_regions and kind == "skip":
                kind = "region"
            if kind == "skip":
                self.count(
                    "categories" if taxonomy == "category" else "tags", "skipped"
                )
                continue
            section = f"{kind}s"
            model = Topic if kind == "topic" else Region
            slug = (
                self.mapping.rename.get(wp)
                or wp_slug(wp)
                or propose_slug(term.name)
                or f"term-{term.id}"
            )
            existing = self.stored(taxonomy, wp, model)
            if existing is not None:
                slug = existing.slug
            self.terms[taxonomy, wp] = (section, slug)
            other = model._base_manager.filter(slug=slug).first()
            if other is not None and not self.known_created(taxonomy, wp):
                self.claimed["*"].add(slug)
                self._site_terms.add((taxonomy, wp))
                continue  # the site's own term: referred to, not changed
            if slug in records[section]:
                continue
            if existing is None and slug_owner(slug) is not None and other is None:
                slug = self.claim(slug, "*", limit=60)
                self.terms[taxonomy, wp] = (section, slug)
            self.claimed["*"].add(slug)
            records[section][slug] = {
                "slug": slug,
                "name": {default_language(): term.name[:100] or slug},
                "description": {default_language(): plain_text(term.description)}
                if term.description
                else {},
                "_parent": (taxonomy, term.parent),
                "_label": f'{"category" if taxonomy == "category" else "tag"} {term.slug} "{term.name}"',
            }
        for section, by_slug in records.items():
            for record in by_slug.values():
                parent = self.terms.get(record.pop("_parent"))
                record["parent"] = (
                    parent[1]
                    if parent and parent[0] == section and parent[1] != record["slug"]
                    else None
                )
        return records

    # Posts ------------------------------------------------------------------

    def link(self, url: str):
        """Where a link of a body goes now: (href, data-ref) for an imported item, else None."""
        if not self.is_local(url):
            return None
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        wp_id = query.get("p") or query.get("page_id") or query.get("attachment_id")
        path = unquote(parts.path).rstrip("/")
        if not wp_id:
            # As WordPress does, a post found by its slug when the date is wrong.
            wp_id = self.by_path.get(path) or self.by_name.get(path.rsplit("/", 1)[-1])
        if wp_id and wp_id in self.article_slug:
            owner = self.group_owner.get(wp_id, wp_id)
            code = self.language_of(self.items[wp_id])
            href = slug_url(
                "policy_analysis",
                self.article_slug[owner].get(code)
                or self.article_slug[owner][default_language()],
                code,
            )
            found = self.known.get(("post", owner))
            if found is None:
                self.unresolved.add(self.current)
                return href, ""
            self.report.internal_links += 1
            return href, f"article:{found[1]}"
        if wp_id and wp_id in self.page_slug:
            owner = self.group_owner.get(wp_id, wp_id)
            code = self.language_of(self.items[wp_id])
            slug = (
                self.page_slug[owner].get(code)
                or self.page_slug[owner][default_language()]
            )
            return slug_url("page", slug, code), ""
        if wp_id and wp_id in self.files and self.files[wp_id][0] == "document":
            return url, f"document:{self.files[wp_id][1]}"
        return None

    def body(self, item: Item) -> tuple[str, list[str]]:
        self.current = self.group_owner.get(item.id, item.id)
        context = Context(
            image=self.image,
            link=self.link,
            attached=lambda: [
                i.id
                for i in self.export.items
                if i.type == "attachment"
                and i.parent == item.id
                and i.id in self.images
            ],
        )
        result = clean_content(item.texts()[0], context)
        return result.html, result.notes

    def article_slugs(self, groups):
        self.group_owner = {}
        for group in groups:
            primary = group[default_language()]
            for item in group.values():
                self.group_owner[item.id] = primary.id
            stored = self.stored("post", primary.id, Article)
            slugs = {}
            for code, item in group.items():
                if stored is not None and getattr(stored, localized("slug", code)):
                    slugs[code] = getattr(stored, localized("slug", code))
                    self.claimed[code].add(slugs[code])
                    continue
                base = (
                    wp_slug(item.name)
                    or propose_slug(plain_text(item.title))
                    or f"post-{item.id}"
                )
                slugs[code] = self.claim(base, code, owner=stored)
                if slugs[code] != base and wp_slug(item.name):
                    self.note(
                        f"{label(item)}: the address {base} is taken: imported as {slugs[code]}"
                    )
            self.article_slug[primary.id] = slugs
            for item in group.values():
                self.article_slug.setdefault(item.id, slugs)

    def article(self, group: dict[str, Item]) -> dict:
        primary = group[default_language()]
        status = STATUSES.get(primary.status)
        deleted_at = None
        if primary.status == "trash":
            status = STATUSES.get(
                primary.meta.get("_wp_trash_meta_status", ""), "draft"
            )
            when = primary.meta.get("_wp_trash_meta_time", "")
            deleted_at = (
                datetime.fromtimestamp(int(when), UTC)
                if when.isdigit()
                else self.date(primary) or datetime(1970, 1, 1, tzinfo=UTC)
            ).isoformat()
        elif status is None:
            status = "draft"
            self.note(f"{label(primary)}: status {primary.status} imported as a draft")
        if primary.status == "private":
            self.note(f"{label(primary)}: private: imported as a draft")
        if primary.password and status in ("published", "scheduled"):
            # Readers needed a password: it stays out of their sight.
            status = "draft"
            self.note(f"{label(primary)}: protected by a password: imported as a draft")
        published_at = self.date(primary)
        record = {
            "slug": self.article_slug[primary.id],
            "type": self.mapping.article_type,
            "title": {},
            "summary": {},
            "body": {},
            "status": status,
            "published_at": published_at.isoformat()
            if published_at and status in ("published", "scheduled")
            else None,
            "deleted_at": deleted_at,
        }
        languages, authors, topics, regions = [], [], set(), set()
        for code, item in group.items():
            title = plain_text(item.title)[:300]
            if not title:
                title = f"Untitled ({item.id})"
                self.note(f"{label(item)}: no title: imported as “{title}”")
            record["title"][code] = title
            body, notes = self.body(item)
            for text in notes:
                self.note(f"{label(item)}: {text}")
            record["body"][code] = body
            if not body and status in ("published", "scheduled"):
                if code == default_language():
                    status = record["status"] = "draft"
                    record["published_at"] = None
                    self.note(f"{label(item)}: no content: imported as a draft")
                else:
                    self.note(
                        f"{label(item)}: no content: this language is not published"
                    )
                    continue
            record["summary"][code] = summary_of(item.texts()[1], body) or title
            if not body:
                pass
            elif item.status in ("publish", "future") or (
                item.status == "trash"
                and item.meta.get("_wp_trash_meta_status") in ("publish", "future")
            ):
                languages.append(code)
            for login, _name in self.bylines(item):
                if login in self.experts and self.experts[login] not in authors:
                    authors.append(self.experts[login])
            for term in item.terms:
                target = self.terms.get((term.domain, term.slug))
                if target:
                    (topics if target[0] == "topics" else regions).add(target[1])
        # Sticky in WordPress (any language version): featured on the home
        # page. Written either way, so that unsticking it and importing again
        # stops featuring it.
        record["featured"] = any(item.sticky for item in group.values())
        record["languages"] = languages if status in ("published", "scheduled") else []
        if record["deleted_at"] is None:
            # The versions readers will see: only they get their old addresses.
            self.public.update(group[code].id for code in record["languages"])
        record["authors"] = authors
        record["topics"] = sorted(topics)
        record["regions"] = sorted(regions)
        thumbnail = primary.meta.get("_thumbnail_id", "")
        if thumbnail:
            found = self.files.get(thumbnail)
            if found and found[0] == "image":
                record["lead_image"] = found[2]
                alts = {}
                for code, item in group.items():
                    own = self.files.get(item.meta.get("_thumbnail_id", ""))
                    attachment = (
                        self.items.get(item.meta.get("_thumbnail_id", ""))
                        if own
                        else None
                    )
                    alt = ""
                    if attachment is not None:
                        alt = plain_text(
                            attachment.meta.get("_wp_attachment_image_alt", "")
                        ) or plain_text(attachment.title)
                    alts[code] = (alt or record["title"][code])[:300]
                record["lead_image_alt"] = alts
            else:
                self.note(
                    f"{label(primary)}: featured image {thumbnail} was not imported: no lead image"
                )
        return record

    # Pages ------------------------------------------------------------------

    def page_slugs(self, groups):
        for group in groups:
            primary = group[default_language()]
            for item in group.values():
                self.group_owner[item.id] = primary.id
            stored = self.stored("page", primary.id, Page)
            slugs = {}
            for code, item in group.items():
                column = localized("slug", code)
                if stored is not None and getattr(stored, column):
                    slugs[code] = getattr(stored, column)
                    continue
                base = (
                    wp_slug(item.name)
                    or propose_slug(plain_text(item.title))
                    or f"page-{item.id}"
                )[:80]
                candidate, n = base, 1
                while (
                    candidate in self.claimed[f"page:{code}"]
                    or route_taken(candidate)
                    or Page._base_manager.filter(**{column: candidate})
                    .exclude(pk=getattr(stored, "pk", None))
                    .exists()
                ):
                    n += 1
                    candidate = f"{base[:76]}-{n}"
                if candidate != base:
                    self.note(
                        f"{label(item)}: the address /{base} is taken: imported as /{candidate}"
                    )
                self.claimed[f"page:{code}"].add(candidate)
                slugs[code] = candidate
            self.page_slug[primary.id] = slugs
            for item in group.values():
                self.page_slug.setdefault(item.id, slugs)

    def page(self, group: dict[str, Item]):
        primary = group[default_language()]
        page = self.stored("page", primary.id, Page) or Page()
        values = {}
        for code in language_codes():
            item = group.get(code)
            values[localized("title", code)] = (
                plain_text(item.title)[:200] if item else ""
            )
            values[localized("slug", code)] = (
                self.page_slug[primary.id].get(code) if item else None
            )
            if item:
                body, notes = self.body(item)
                for text in notes:
                    self.note(f"{label(item)}: {text}")
            values[localized("body", code)] = body if item else ""
            values[localized("description", code)] = (
                summary_of(item.texts()[1], "") if item else ""
            )
            values[localized("published", code)] = bool(
                item
                and item.status == "publish"
                and not item.password
                and values[localized("body", code)]
            )
            if values[localized("published", code)] and primary.status != "trash":
                self.public.add(item.id)
            if (
                item
                and item.status == "publish"
                and not values[localized("body", code)]
            ):
                self.note(f"{label(item)}: no content: imported unpublished")
        if primary.status == "trash":
            when = primary.meta.get("_wp_trash_meta_time", "")
            values["deleted_at"] = (
                datetime.fromtimestamp(int(when), UTC)
                if when.isdigit()
                else datetime(1970, 1, 1, tzinfo=UTC)
            )
        else:
            values["deleted_at"] = None
        if not values[localized("title", default_language())]:
            values[localized("title", default_language())] = f"Untitled ({primary.id})"
        changed = page.pk is None or any(
            getattr(page, k) != v for k, v in values.items()
        )
        if not changed:
            self.count("pages", "unchanged")
            return page
        for key, value in values.items():
            setattr(page, key, value)
        try:
            page.full_clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.errors.append(f"{label(primary)}: {name}: {message}")
            return None
        created = page.pk is None
        page.save()
        history.record(page, via=VIA)
        self.count("pages", "created" if created else "updated")
        for item in group.values():
            self.remember("page", item.id, page)
        return page

    # Redirects ----------------------------------------------------------------

    def old_path(self, url: str) -> str | None:
        if not url or not self.is_local(url):
            return None
        parts = urlsplit(url)
        path = unquote(parts.path) or "/"
        return normalise_old_path(f"{path}?{parts.query}" if parts.query else path)

    def redirects(self, moves: list[tuple[str, str, str, str]]):
        """``moves``: (old path, new path, language, whose) → redirects, the first claim of a path wins."""
        seen = {}
        for old, new, code, whose in moves:
            old = re.sub(r"^/{2,}", "/", old) if old else old
            if not old or not new or old == new or old.rstrip("/") == new:
                continue
            if old in seen:
                if seen[old] != new:
                    self.note(f"{whose}: {old} already redirects for {seen[old]}: kept")
                continue
            seen[old] = new
            try:
                Redirect(
                    old_path=old, new_path=new, language=code, kind=RedirectKind.MANUAL
                ).full_clean(validate_unique=False)
            except ValidationError as error:
                self.note(
                    f"{whose}: no redirect from {old}: {' '.join(error.messages)}"
                )
                continue
            stored = (
                Redirect.objects.filter(old_path=old)
                .values_list("new_path", "language")
                .first()
            )
            if stored == (new, code):
                self.count("redirects", "unchanged")
                continue
            record_move(old, new, language=code, kind=RedirectKind.MANUAL)
            self.count("redirects", "updated" if stored else "created")

    def post_moves(self, groups, kind: str, viewname: str, slugs: dict) -> list:
        moves = []
        for group in groups:
            primary = group[default_language()]
            for code, item in group.items():
                if item.id not in self.public:
                    continue
                new = slug_url(viewname, slugs[primary.id][code], code)
                whose = label(item)
                query = "page_id" if kind == "page" else "p"
                moves.append((self.old_path(item.link), new, code, whose))
                moves.append((f"{self.base_path}/?{query}={item.id}", new, code, whose))
                if kind == "post" and wp_slug(item.name):
                    local = self.date(item)
                    if local is not None:
                        local = local.astimezone(self.tz)
                        moves.append(
                            (
                                f"{self.base_path}/{local:%Y/%m/%d}/{unquote(item.name)}/",
                                new,
                                code,
                                whose,
                            )
                        )
                    moves.append(
                        (f"{self.base_path}/{unquote(item.name)}/", new, code, whose)
                    )
                elif kind == "page":
                    moves.append(
                        (f"{self.base_path}/{unquote(item.name)}/", new, code, whose)
                    )
                self.by_path[unquote(urlsplit(item.link).path).rstrip("/")] = item.id
        return moves

    # The whole import ---------------------------------------------------------

    def run(self):
        self.by_path: dict[str, str] = {}
        self.by_name = {
            unquote(i.name): i.id
            for i in self.export.items
            if i.type == "post" and i.name
        }
        self.group_owner: dict[str, str] = {}
        self._created_authors, self._site_terms = set(), set()
        skipped = Counter(
            i.type
            for i in self.export.items
            if i.type not in ("post", "page", "attachment")
        )
        for kind, n in sorted(skipped.items()):
            self.note(f"{n} {kind} items not imported (thinktank has no such content)")
        if not ArticleType.objects.filter(slug=self.mapping.article_type).exists():
            self.errors.append(
                f'article_type: unknown article type "{self.mapping.article_type}"'
            )
            return
        self.attachments()
        post_groups, page_groups = self.groups("post"), self.groups("page")
        # Old addresses first: links between posts are recognised by them.
        for group in post_groups + page_groups:
            for item in group.values():
                self.by_path[unquote(urlsplit(item.link).path).rstrip("/")] = item.id
        terms = self.taxonomy()
        self.article_slugs(post_groups)
        self.page_slugs(page_groups)
        experts = self.authors(post_groups)
        document = {
            "format": FORMAT,
            "topics": list(terms["topics"].values()),
            "regions": list(terms["regions"].values()),
            "experts": experts,
        }
        term_labels = {
            (section, n): record.pop("_label")
            for section in ("topics", "regions")
            for n, record in enumerate(document[section])
        }
        if not self.exchange(document, term_labels):
            return  # the articles would only repeat that their terms are unknown
        self.remember_terms_and_authors()
        # Articles by batches, each one exchange import inside the one
        # transaction: memory holds one batch's texts, not the archive's.
        failed = False
        for start in range(0, len(post_groups), BATCH):
            groups = post_groups[start : start + BATCH]
            labels = {
                ("articles", n): label(group[default_language()])
                for n, group in enumerate(groups)
            }
            articles = [self.article(group) for group in groups]
            if self.exchange({"format": FORMAT, "articles": articles}, labels):
                self.remember_articles(groups)
            else:
                failed = True
        if failed:
            return
        if self.unresolved:
            # Links to posts created by this import: their numbers are known now.
            pending = [
                g for g in post_groups if g[default_language()].id in self.unresolved
            ]
            for start in range(0, len(pending), BATCH):
                second = []
                for group in pending[start : start + BATCH]:
                    primary = group[default_language()]
                    second.append(
                        {
                            "slug": self.article_slug[primary.id],
                            "type": self.mapping.article_type,
                            "title": {
                                code: plain_text(item.title)[:300]
                                or f"Untitled ({item.id})"
                                for code, item in group.items()
                            },
                            "body": {
                                code: self.body(item)[0] for code, item in group.items()
                            },
                        }
                    )
                if not self.exchange(
                    {"format": FORMAT, "articles": second}, {}, count=False
                ):
                    return
        for group in page_groups:
            self.page(group)
        moves = self.post_moves(
            post_groups, "post", "policy_analysis", self.article_slug
        )
        moves += self.post_moves(page_groups, "page", "page", self.page_slug)
        moves += self.term_moves(terms) + self.author_moves() + self.attachment_moves()
        self.redirects(moves)

    def exchange(self, document, labels, count=True) -> bool:
        try:
            summary = import_exchange(document, base_dir=self.uploads or Path("."))
        except ExchangeError as error:
            for message in error.messages:
                match = _EXCHANGE_LABEL.match(message)
                if match and (match.group(1), int(match.group(2))) in labels:
                    message = f"{labels[match.group(1), int(match.group(2))]}: {message[match.end() :]}"
                self.errors.append(message)
            return False
        if count:
            for section in ("articles", "experts", "topics", "regions"):
                for outcome, n in summary.counts[section].items():
                    self.count({"articles": "posts"}.get(section, section), outcome, n)
        return True

    def remember_articles(self, groups):
        en = default_language()
        slugs = {self.article_slug[group[en].id][en]: group for group in groups}
        column = localized("slug", en)
        found = Article._base_manager.filter(**{f"{column}__in": list(slugs)})
        for article in found:
            for item in slugs[getattr(article, column)].values():
                self.remember("post", item.id, article)

    def remember_terms_and_authors(self):
        for login, slug in self.experts.items():
            if login in self._created_authors:
                self.remember("author", login, Expert._base_manager.get(slug=slug))
        for (taxonomy, wp), (section, slug) in self.terms.items():
            model = Topic if section == "topics" else Region
            created = (taxonomy, wp) not in self._site_terms
            self.remember(taxonomy, wp, model._base_manager.get(slug=slug), created)

    def term_moves(self, terms) -> list:
        moves = []
        declared = {(t.taxonomy, t.slug): t for t in self.export.terms}
        for (taxonomy, wp), (_section, slug) in self.terms.items():
            new = slug_url("policy_analysis", slug, default_language())
            term = declared.get((taxonomy, wp))
            whose = f"{'category' if taxonomy == 'category' else 'tag'} {wp}"
            if taxonomy == "category":
                chain, node, seen = [wp], term, {wp}
                while node is not None and node.parent and node.parent not in seen:
                    seen.add(node.parent)
                    chain.insert(0, node.parent)
                    node = declared.get(("category", node.parent))
                moves.append(
                    (
                        f"{self.base_path}/category/{'/'.join(unquote(s) for s in chain)}/",
                        new,
                        "",
                        whose,
                    )
                )
                if term is not None and term.id:
                    moves.append((f"{self.base_path}/?cat={term.id}", new, "", whose))
            else:
                moves.append((f"{self.base_path}/tag/{unquote(wp)}/", new, "", whose))
                moves.append((f"{self.base_path}/?tag={wp}", new, "", whose))
        return moves

    def author_moves(self) -> list:
        moves = []
        by_login = {a.login: a for a in self.export.authors}
        for login, slug in self.experts.items():
            new = slug_url("experts:detail", slug, default_language())
            nicename = re.sub(r"[^a-z0-9_-]+", "-", login.lower()).strip("-")
            moves.append(
                (f"{self.base_path}/author/{nicename}/", new, "", f"author {login}")
            )
            author = by_login.get(login)
            if author and author.id:
                moves.append(
                    (
                        f"{self.base_path}/?author={author.id}",
                        new,
                        "",
                        f"author {login}",
                    )
                )
        return moves

    def attachment_moves(self) -> list:
        moves = []
        for item in self.export.items:
            if item.type != "attachment" or item.id not in self.files:
                continue
            model, pk, _relative = self.files[item.id]
            record = (Image if model == "image" else Document)._base_manager.get(pk=pk)
            target = record.file.url
            parent = self.items.get(item.parent)
            if (
                parent is not None
                and parent.id in self.article_slug
                and parent.id in self.public
            ):
                owner = self.group_owner.get(parent.id, parent.id)
                code = self.language_of(parent)
                page_target = slug_url(
                    "policy_analysis", self.article_slug[owner][code], code
                )
            else:
                page_target = target
            whose = label(item)
            moves.append((self.old_path(item.link), page_target, "", whose))
            moves.append(
                (f"{self.base_path}/?attachment_id={item.id}", page_target, "", whose)
            )
            moves.append((self.old_path(item.attachment_url), target, "", whose))
        return moves


def import_wordpress(
    path: Path,
    *,
    uploads: Path | None = None,
    mapping: Path | None = None,
    dry_run: bool = False,
    progress=None,
) -> Report:
    """Import the export in ``path`` in one transaction; raises ``WordPressImportError`` listing every problem."""
    store = TextStore()
    try:
        return _import(path, store, uploads, mapping, dry_run, progress)
    finally:
        store.close()


def _import(path, store, uploads, mapping, dry_run, progress) -> Report:
    errors = []
    try:
        export = read_export(Path(path), progress, store)
    except WXRError as error:
        raise WordPressImportError([str(error)]) from None
    rules, mapping_errors = load_mapping(mapping)
    errors += mapping_errors
    try:
        tz = ZoneInfo(rules.time_zone or settings.TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        errors.append(f'time_zone: unknown time zone "{rules.time_zone}"')
    if uploads is not None and not Path(uploads).is_dir():
        errors.append(f"{uploads}: the uploads folder does not exist")
    if errors:
        raise WordPressImportError(errors)
    uploads = Path(uploads).resolve() if uploads is not None else None
    importer = WordPressImport(export, rules, uploads, tz)
    importer.report.dry_run = dry_run
    rolled_back = True
    with track_created() as created, translation.override(settings.LANGUAGE_CODE):
        try:
            with transaction.atomic():
                importer.run()
                if importer.errors:
                    raise WordPressImportError(importer.errors, importer.report)
                if dry_run:
                    transaction.set_rollback(True)
                else:
                    rolled_back = False
        finally:
            if rolled_back:
                for record in created:
                    record.file.storage.delete(record.file.name)
    return importer.report
