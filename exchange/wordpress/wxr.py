"""
Reading a WordPress eXtended RSS export (WXR 1.0, 1.1 and 1.2), streaming.

``read_export`` walks the file with lxml's ``iterparse`` and frees each
``<item>`` once it is read; the items' texts (content and excerpt) go to a
temporary file (``TextStore``), so memory holds the compact records, neither
the XML tree nor the archive's text. The parser resolves no entity, loads no DTD and opens no network
connection: an export that declares ``<!ENTITY x SYSTEM "file:///etc/passwd">``
gets nothing from it.
"""

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

WP_NAMESPACES = ("http://wordpress.org/export/", "https://wordpress.org/export/")
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"


class WXRError(Exception):
    """The file cannot be read as a WordPress export."""


#: The post metas the import reads; others (page builders' data…) are not kept.
META_KEYS = {
    "_thumbnail_id",
    "_wp_attached_file",
    "_wp_attachment_image_alt",
    "_wp_trash_meta_status",
    "_wp_trash_meta_time",
    "_wpml_language",
    "_wpml_translation_group",
    "_wpml_import_language_code",
    "_wpml_import_translation_group",
    "_icl_lang_duplicate_of",
    "coauthors",
}


class TextStore:
    """The items' content and excerpt, in a temporary SQLite file deleted when closed."""

    def __init__(self):
        # "": a private on-disk database that SQLite deletes on close.
        self.db = sqlite3.connect("")
        self.db.execute("CREATE TABLE text (id TEXT PRIMARY KEY, content, excerpt)")

    def put(self, item_id: str, content: str, excerpt: str):
        self.db.execute(
            "INSERT OR REPLACE INTO text VALUES (?, ?, ?)", (item_id, content, excerpt)
        )

    def get(self, item_id: str) -> tuple[str, str]:
        row = self.db.execute(
            "SELECT content, excerpt FROM text WHERE id = ?", (item_id,)
        ).fetchone()
        return (row[0], row[1]) if row else ("", "")

    def close(self):
        self.db.close()


@dataclass
class Author:
    id: str
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Term:
    """A category, a tag or a term of another taxonomy (``wp:term``)."""

    id: str
    taxonomy: str  # "category", "post_tag", "language", "post_translations", …
    slug: str
    name: str
    parent: str = ""  # the parent's slug
    description: str = ""


@dataclass
class ItemTerm:
    domain: str
    slug: str
    name: str


@dataclass
class Item:
    id: str
    type: str  # post, page, attachment, nav_menu_item, …
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date: str = ""  # site time, "2013-01-11 20:22:19"
    date_gmt: str = ""
    modified_gmt: str = ""
    name: str = ""  # the slug
    status: str = ""
    parent: str = "0"
    menu_order: str = "0"
    sticky: bool = False
    password: str = ""
    attachment_url: str = ""
    terms: list[ItemTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    store: TextStore | None = field(default=None, repr=False, compare=False)

    def texts(self) -> tuple[str, str]:
        """(content, excerpt), from the store when they were put there."""
        if self.store is not None:
            return self.store.get(self.id)
        return self.content, self.excerpt

    def terms_of(self, domain: str) -> list[ItemTerm]:
        return [term for term in self.terms if term.domain == domain]


@dataclass
class Export:
    version: str = ""
    title: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    language: str = ""
    authors: list[Author] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)


def _local(element) -> tuple[str, str]:
    """(namespace, local name) of an element."""
    name = etree.QName(element)
    return name.namespace or "", name.localname


def _is_wp(namespace: str) -> bool:
    return namespace.startswith(WP_NAMESPACES) and "excerpt" not in namespace


def _text(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def _children(element) -> dict[str, str]:
    """The text of each child, keyed by local name (the wp: ones and the plain ones)."""
    values = {}
    for child in element:
        if not isinstance(child.tag, str):
            continue
        namespace, name = _local(child)
        if namespace.startswith(WP_NAMESPACES) and "excerpt" in namespace:
            name = f"excerpt:{name}"
        elif namespace == CONTENT_NAMESPACE:
            name = f"content:{name}"
        elif namespace == DC_NAMESPACE:
            name = f"dc:{name}"
        values.setdefault(name, child.text or "")
    return values


def _author(element) -> Author:
    v = _children(element)
    return Author(
        id=v.get("author_id", "").strip(),
        login=v.get("author_login", "").strip(),
        email=v.get("author_email", "").strip(),
        display_name=v.get("author_display_name", "").strip(),
        first_name=v.get("author_first_name", "").strip(),
        last_name=v.get("author_last_name", "").strip(),
    )


def _term(kind: str, element) -> Term:
    v = _children(element)
    if kind == "category":
        return Term(
            id=v.get("term_id", "").strip(),
            taxonomy="category",
            slug=v.get("category_nicename", "").strip(),
            name=v.get("cat_name", "").strip(),
            parent=v.get("category_parent", "").strip(),
            description=v.get("category_description", "").strip(),
        )
    if kind == "tag":
        return Term(
            id=v.get("term_id", "").strip(),
            taxonomy="post_tag",
            slug=v.get("tag_slug", "").strip(),
            name=v.get("tag_name", "").strip(),
            description=v.get("tag_description", "").strip(),
        )
    return Term(
        id=v.get("term_id", "").strip(),
        taxonomy=v.get("term_taxonomy", "").strip(),
        slug=v.get("term_slug", "").strip(),
        name=v.get("term_name", "").strip(),
        parent=v.get("term_parent", "").strip(),
        description=v.get("term_description", "").strip(),
    )


def _item(element) -> Item:
    v = _children(element)
    item = Item(
        id=v.get("post_id", "").strip(),
        type=v.get("post_type", "").strip(),
        title=v.get("title", "").strip(),
        link=v.get("link", "").strip(),
        guid=v.get("guid", "").strip(),
        creator=v.get("dc:creator", "").strip(),
        content=v.get("content:encoded", ""),
        excerpt=v.get("excerpt:encoded", ""),
        date=v.get("post_date", "").strip(),
        date_gmt=v.get("post_date_gmt", "").strip(),
        modified_gmt=v.get("post_modified_gmt", "").strip(),
        name=v.get("post_name", "").strip(),
        status=v.get("status", "").strip(),
        parent=v.get("post_parent", "0").strip() or "0",
        menu_order=v.get("menu_order", "0").strip() or "0",
        sticky=v.get("is_sticky", "0").strip() == "1",
        password=v.get("post_password", ""),
        attachment_url=v.get("attachment_url", "").strip(),
    )
    for child in element:
        if not isinstance(child.tag, str):
            continue
        namespace, name = _local(child)
        if name == "category" and not namespace:
            item.terms.append(
                ItemTerm(
                    domain=child.get("domain", ""),
                    slug=child.get("nicename", ""),
                    name=(child.text or "").strip(),
                )
            )
        elif name == "postmeta" and _is_wp(namespace):
            meta = _children(child)
            key = meta.get("meta_key", "").strip()
            if key in META_KEYS:
                item.meta[key] = meta.get("meta_value", "")
    return item


def read_export(
    path: Path,
    progress: Callable[[int], None] | None = None,
    store: TextStore | None = None,
) -> Export:
    """
    The export in ``path``; ``progress(items read)`` is called every 500
    items; with a ``store`` the items' texts are kept there, not in memory.
    """
    export = Export()
    seen_wp = False
    try:
        events = etree.iterparse(
            str(path),
            events=("end",),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=True,
            remove_comments=True,
            remove_pis=True,
        )
        for _event, element in events:
            if not isinstance(element.tag, str):
                continue
            namespace, name = _local(element)
            wp = _is_wp(namespace)
            seen_wp = seen_wp or wp
            parent = element.getparent()
            in_channel = parent is not None and _local(parent)[1] == "channel"
            if name == "item" and not namespace:
                item = _item(element)
                if store is not None:
                    store.put(item.id, item.content, item.excerpt)
                    item.content = item.excerpt = ""
                    item.store = store
                export.items.append(item)
                if progress and len(export.items) % 500 == 0:
                    progress(len(export.items))
            elif wp and in_channel and name == "author":
                export.authors.append(_author(element))
            elif wp and in_channel and name in ("category", "tag", "term"):
                export.terms.append(_term(name, element))
            elif wp and in_channel and name == "wxr_version":
                export.version = _text(element)
            elif wp and in_channel and name == "base_site_url":
                export.base_site_url = _text(element)
            elif wp and in_channel and name == "base_blog_url":
                export.base_blog_url = _text(element)
            elif in_channel and not namespace and name == "title":
                export.title = _text(element)
            elif in_channel and not namespace and name == "language":
                export.language = _text(element)
            else:
                continue
            # Read: free the element and the siblings before it.
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as error:
        raise WXRError(f"{path}: not well-formed XML: {error}") from None
    except OSError as error:
        raise WXRError(f"{path}: cannot read the file: {error}") from None
    if not seen_wp or not export.version:
        raise WXRError(
            f"{path}: not a WordPress export (no wp:wxr_version; "
            "write one with Tools › Export in WordPress)"
        )
    if export.version not in ("1.0", "1.1", "1.2"):
        raise WXRError(
            f"{path}: WXR version {export.version} is not supported (1.0, 1.1, 1.2)"
        )
    return export
