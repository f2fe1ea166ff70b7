"""
WordPress post content → thinktank's rich text.

Block-editor comments are removed and the blocks' HTML kept (paragraphs,
headings, lists, quotes, tables pass the allow-list as they are); images become
figures of the library (``<figure data-image>``), embeds become allow-listed
embeds or a link; the classic editor's ``[caption]``, ``[gallery]`` and
``[embed]`` shortcodes are converted and its line breaks turned into paragraphs
(``wpautop``); other shortcodes are left out and reported. Links to imported
posts become internal links by reference (``data-ref``). The result goes
through ``core.richtext.sanitize_html`` like every other body.
"""

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from lxml import etree, html as lxml_html

from core.richtext import embed_allowed, embed_hosts, sanitize_html

_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[^>]*?-->", re.DOTALL)
_EMBED_BLOCK = re.compile(
    r"<!--\s*wp:(?:core-)?embed(?:/[\w-]+)?\s+(\{.*?\})\s*-->(.*?)"
    r"<!--\s*/wp:(?:core-)?embed(?:/[\w-]+)?\s*-->",
    re.DOTALL,
)
_DYNAMIC_BLOCK = re.compile(r"<!--\s*wp:([a-z][\w/-]*)(\s+\{.*?\})?\s*/-->", re.DOTALL)
_HARMLESS_DYNAMIC = {"more", "nextpage", "core/more", "core/nextpage", "separator"}
_SHORTCODE = re.compile(r"\[(/?)([a-zA-Z][\w-]*)((?:\s[^\]]*)?)\]")
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
_WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
_BLOCK_TAGS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|"
    "form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|"
    "article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe"
)
_BLOCK_START = re.compile(rf"^\s*</?(?:{_BLOCK_TAGS})\b", re.IGNORECASE)
_URL_LINE = re.compile(r"^\s*(https?://[^\s<>\"']+)\s*$", re.MULTILINE)


@dataclass
class Figure:
    """A library image as a body shows it."""

    pk: int
    alt: str = ""


@dataclass
class Context:
    """What the clean-up needs to know about the rest of the import."""

    #: attachment id or image URL → the library image, or None
    image: Callable[[str], Figure | None] = lambda key: None
    #: a URL → (new href, data-ref or "") for links to imported content, or None
    link: Callable[[str], tuple[str, str] | None] = lambda url: None
    #: the ids of the images attached to a post (``[gallery]`` without ids)
    attached: Callable[[], list[str]] = list


@dataclass
class Result:
    html: str
    notes: list[str] = field(default_factory=list)


def youtube_id(url: str) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    if host == "youtu.be":
        return parts.path.strip("/").split("/")[0] or None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parts.path == "/watch":
            return (parse_qs(parts.query).get("v") or [None])[0]
        for prefix in ("/embed/", "/shorts/", "/v/"):
            if parts.path.startswith(prefix):
                return parts.path.removeprefix(prefix).split("/")[0] or None
    return None


def embed_markup(url: str, title: str = "") -> str:
    """An allow-listed embed of ``url``, or a paragraph linking to it."""
    url = html.unescape(url.strip())
    video = youtube_id(url)
    if video and "www.youtube-nocookie.com" in embed_hosts():
        url = f"https://www.youtube-nocookie.com/embed/{video}"
    if embed_allowed(url):
        return (
            f'<iframe src="{html.escape(url)}" '
            f'title="{html.escape(title or url)}"></iframe>'
        )
    safe = html.escape(url)
    return f'<p><a href="{safe}">{safe}</a></p>'


def _attrs(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _ATTRIBUTE.finditer(text or "")
    }


def _blocks(text: str, notes: list[str]) -> str:
    def embed(match):
        try:
            url = json.loads(match.group(1)).get("url", "")
        except ValueError:
            url = ""
        return f"\n\n{embed_markup(url)}\n\n" if url else match.group(2)

    text = _EMBED_BLOCK.sub(embed, text)

    def dynamic(match):
        name = match.group(1)
        if name not in _HARMLESS_DYNAMIC and not name.startswith("core/separator"):
            notes.append(f"block {name} left out (it is drawn by WordPress)")
        return ""

    text = _DYNAMIC_BLOCK.sub(dynamic, text)
    return _BLOCK_COMMENT.sub("", text)


def _shortcodes(text: str, context: Context, notes: list[str]) -> str:
    """[caption], [gallery] and [embed] converted; other shortcodes left out, their content kept."""
    closed = {m.group(2).lower() for m in _SHORTCODE.finditer(text) if m.group(1)}
    out, position, dropped = [], 0, []
    for match in list(_SHORTCODE.finditer(text)):
        if match.start() < position:
            continue
        closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3)
        is_shortcode = name in closed or "=" in attrs or attrs.rstrip().endswith("/")
        known = name in ("caption", "wp_caption", "gallery", "embed")
        if not (is_shortcode or known):
            continue  # "[sic]", "[1]": WordPress shows them as written
        out.append(text[position : match.start()])
        position = match.end()
        end = None
        if not closing and name in closed:
            end = re.compile(
                rf"\[/{re.escape(match.group(2))}\]", re.IGNORECASE
            ).search(text, match.end())
        inner = text[match.end() : end.start()] if end else ""
        if name in ("caption", "wp_caption") and not closing:
            values = _attrs(attrs)
            caption = values.get("caption", "")
            # The caption is the text after the image in the shortcode.
            body = re.sub(r"^\s*(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", "", inner)
            image = inner[: len(inner) - len(body)]
            caption = caption or body.strip()
            out.append(
                f"\n\n<figure>{image}<figcaption>{caption}</figcaption></figure>\n\n"
            )
        elif name == "gallery" and not closing:
            ids = [
                i.strip() for i in _attrs(attrs).get("ids", "").split(",") if i.strip()
            ]
            ids = ids or context.attached()
            out.append(
                "".join(f'\n\n<figure><img data-wp-id="{i}"></figure>\n\n' for i in ids)
            )
        elif name == "embed" and not closing:
            out.append(f"\n\n{embed_markup(inner.strip())}\n\n")
        elif not closing:
            dropped.append(name)
            out.append(_shortcodes(inner, context, notes) if end else "")
        if end is not None:
            position = end.end()
    out.append(text[position:])
    for name in dict.fromkeys(dropped):
        notes.append(f"shortcode [{name}] left out")
    return "".join(out)


def wpautop(text: str) -> str:
    """Paragraphs from blank lines, <br> from single line breaks (WordPress's wpautop, simplified)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pieces = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _BLOCK_START.match(chunk):
            pieces.append(chunk)
        else:
            pieces.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk) + "</p>")
    return "\n".join(pieces)


def _top(element, root):
    while element.getparent() is not root:
        element = element.getparent()
    return element


def _remove_keep_tail(element):
    parent, tail = element.getparent(), element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _only_child(element) -> bool:
    """Is ``element`` the whole content of its parent (no text, no other element)?"""
    parent = element.getparent()
    return (
        len(parent) == 1
        and not (parent.text or "").strip()
        and not (element.tail or "").strip()
    )


def _images(root, context: Context, notes: list[str]):
    for img in list(root.iter("img")):
        if img.getparent() is None:
            continue
        key = img.get("data-wp-id") or ""
        if not key and (found := _WP_IMAGE_CLASS.search(img.get("class", ""))):
            key = found.group(1)
        figure = (context.image(key) if key else None) or context.image(
            img.get("src", "")
        )
        container = img
        if container.getparent().tag == "a" and _only_child(container):
            container = container.getparent()
        caption = ""
        while container.getparent() is not root and container.getparent().tag in (
            "figure",
            "p",
            "div",
        ):
            if container.getparent().tag != "figure" and not _only_child(container):
                break
            container = container.getparent()
            if container.tag == "figure":
                captions = container.findall(".//figcaption")
                caption = " ".join(c.text_content().strip() for c in captions)
                break
        if figure is None:
            src = img.get("src", "")
            if not src:
                _remove_keep_tail(container)
                continue
            notes.append(f"image {src} is not in the import: kept as a link")
            link = etree.Element("a", href=src)
            link.text = img.get("alt") or src.rsplit("/", 1)[-1]
            link.tail = container.tail
            container.getparent().replace(container, link)
            continue
        new = etree.Element("figure")
        new.set("data-image", str(figure.pk))
        alt = img.get("alt")
        if alt:
            new.set("data-alt", alt)
        if caption:
            new.set("data-caption", caption)
        if container.getparent() is root:
            new.tail = container.tail
            root.replace(container, new)
        else:
            top = _top(container, root)
            _remove_keep_tail(container)
            new.tail = top.tail
            top.tail = None
            top.addnext(new)


def _links(root, context: Context):
    for a in root.iter("a"):
        href = a.get("href")
        if not href:
            continue
        target = context.link(href)
        if target is None:
            continue
        new_href, ref = target
        a.set("href", new_href)
        if ref:
            a.set("data-ref", ref)


def _serialize(root) -> str:
    parts = [html.escape(root.text or "", quote=False)]
    parts += [lxml_html.tostring(child, encoding="unicode") for child in root]
    return "".join(parts)


def clean_content(text: str, context: Context) -> Result:
    """The post content as thinktank's sanitized body, and what was left out."""
    notes: list[str] = []
    text = text or ""
    is_blocks = "<!-- wp:" in text
    text = _blocks(text, notes)
    text = _shortcodes(text, context, notes)
    if not is_blocks:
        text = _URL_LINE.sub(lambda m: f"\n\n{embed_markup(m.group(1))}\n\n", text)
        text = wpautop(text)
    if not text.strip():
        return Result("", notes)
    root = lxml_html.fragment_fromstring(text, create_parent="div")
    _images(root, context, notes)
    _links(root, context)
    cleaned = sanitize_html(_serialize(root)) or ""
    # Paragraphs left empty by what was taken out of them go too.
    cleaned = re.sub(r"<p>(\s|<br>|&nbsp;|\u00a0)*</p>", "", cleaned).strip()
    return Result(cleaned, list(dict.fromkeys(notes)))


def plain_text(text: str) -> str:
    """The text of an HTML fragment, entities decoded, spaces collapsed."""
    if not (text or "").strip():
        return ""
    root = lxml_html.fragment_fromstring(text, create_parent="div")
    return " ".join(root.text_content().split())


def summary_of(excerpt: str, body: str, limit: int = 300) -> str:
    """The excerpt as plain text, else the body's first paragraph, cut at a word."""
    text = plain_text(_SHORTCODE.sub("", _BLOCK_COMMENT.sub("", excerpt or "")))
    if not text and body:
        root = lxml_html.fragment_fromstring(body, create_parent="div")
        for p in root.iter("p"):
            text = " ".join(p.text_content().split())
            if text:
                break
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
