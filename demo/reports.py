"""
The PDFs of the demo's reports, written with fpdf2: a cover, the summary and
contents, the text under its headings, a figure with notes, the authors and a
back cover, with running heads and page numbers.

Pages are filled by a fixed budget of characters, not by measuring text, so the
page count (which the importer reads from the file) is a function of the text
alone, whichever typeface is installed. The text is set in DejaVu when Debian's
``fonts-dejavu-core`` is there, otherwise in the PDF core fonts.
"""

import html
import io
import re
from datetime import UTC, datetime

from artwork import draw_chart, font_path, mix, seeded
from fpdf import FPDF

INSTITUTE = "The Meridian Institute for Near East Policy"
WEBSITE = "meridian-institute.example"
#: Characters of body text a page holds at most (a heading counts as 200).
PAGE_BUDGET = 1400
HEADING_COST = 200
MARGIN = 28
INK = (28, 36, 48)
MUTED = (96, 102, 112)

_BLOCK = re.compile(r"<(p|h2|h3|h4|blockquote)>(.*?)</\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r'<a href="([^"]+)"[^>]*>(.*?)</a>', re.DOTALL)


class ReportPdf(FPDF):
    def __init__(self, article, fonts):
        super().__init__(format="A4", unit="mm")
        self.article = article
        self.faces = fonts
        #: The cover and the back cover carry no running head and no page number.
        self.quiet = {1, page_count(article)}
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_title(article["title"])
        self.set_author(INSTITUTE)
        self.set_creator(INSTITUTE)
        self.set_producer(INSTITUTE)
        self.set_creation_date(datetime(2026, 11, 1, tzinfo=UTC))
        self.set_lang("en")

    def use(self, family, style="", size=11):
        self.set_font(self.faces[family], style, size)

    def header(self):
        if self.page_no() in self.quiet:
            return
        self.use("sans", "", 8)
        self.set_text_color(*MUTED)
        self.set_xy(MARGIN, 12)
        self.cell(0, 5, self.text(_short(self.article["title"])), align="L")
        self.set_xy(MARGIN, 12)
        self.cell(0, 5, self.text(INSTITUTE), align="R")
        self.set_draw_color(*mix(MUTED, (255, 255, 255), 0.5))
        self.line(MARGIN, 18.5, 210 - MARGIN, 18.5)

    def footer(self):
        if self.page_no() in self.quiet:
            return
        self.use("sans", "", 9)
        self.set_text_color(*MUTED)
        self.set_xy(MARGIN, 297 - 16)
        self.cell(0, 5, str(self.page_no()), align="C")

    def text(self, value: str) -> str:
        """The text as the chosen fonts can set it (the core fonts know Latin-1 only)."""
        if self.faces["unicode"]:
            return value
        for wide, narrow in _LATIN1.items():
            value = value.replace(wide, narrow)
        return value.encode("latin-1", "replace").decode("latin-1")

    def lines(self, height, text, **options):
        """A block of text across the measure; the next one starts below it."""
        options.setdefault("align", "L")
        self.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT", **options)

    def paragraph(self, markdown_text, size=12.5, height=7.4, style=""):
        self.use("serif", style, size)
        self.set_text_color(*INK)
        self.lines(height, self.text(markdown_text), markdown=True, align="J")
        self.ln(3)
        self.check_fits()

    def heading(self, title, size=14):
        self.ln(2)
        self.use("sans", "B", size)
        self.set_text_color(*INK)
        self.lines(7.5, self.text(title))
        self.ln(2)

    def check_fits(self):
        if self.get_y() > 297 - 20:
            raise ValueError(
                f'report "{self.article["slug"]}": page {self.page_no()} overflows'
            )


_LATIN1 = {
    "—": "--",
    "–": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "…": "...",
    "❖": "*",
}


def _fonts(pdf: FPDF) -> dict:
    styles = {
        "": "serif",
        "B": "serif-bold",
        "I": "serif-italic",
        "BI": "serif-bolditalic",
    }
    paths = {
        "serif": {s: font_path(name) for s, name in styles.items()},
        "sans": {"": font_path("sans"), "B": font_path("sans-bold")},
    }
    if all(path for faces in paths.values() for path in faces.values()):
        for family, faces in paths.items():
            for style, path in faces.items():
                pdf.add_font(f"demo-{family}", style, str(path))
        return {"serif": "demo-serif", "sans": "demo-sans", "unicode": True}
    return {"serif": "Times", "sans": "Helvetica", "unicode": False}


def _short(title, limit=70):
    return title if len(title) <= limit else title[: limit - 1].rsplit(" ", 1)[0] + "…"


def _markdown(fragment: str) -> str:
    """Inline HTML of the body as fpdf2's markdown: **bold**, __italic__, plain links."""
    fragment = re.sub(r"</?(strong|b)>", "**", fragment)
    fragment = re.sub(r"</?(em|i)>", "__", fragment)
    return html.unescape(_TAG.sub("", fragment)).strip()


def blocks(body: str) -> list[tuple[str, str]]:
    """The body as ("heading" | "paragraph", text) blocks."""
    found = []
    for tag, inner in _BLOCK.findall(body):
        kind = "heading" if tag in ("h2", "h3", "h4") else "paragraph"
        found.append((kind, _markdown(inner) if kind == "paragraph" else _plain(inner)))
    return found


def _plain(fragment):
    return html.unescape(_TAG.sub("", fragment)).strip()


def paginate(items: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Body blocks in pages of at most PAGE_BUDGET characters; a heading keeps its paragraph."""
    pages, page, used = [], [], 0
    for index, (kind, text) in enumerate(items):
        cost = HEADING_COST if kind == "heading" else len(text)
        following = (
            items[index + 1] if kind == "heading" and index + 1 < len(items) else None
        )
        need = cost + (len(following[1]) if following else 0)
        if page and used + need > PAGE_BUDGET:
            pages.append(page)
            page, used = [], 0
        page.append((kind, text))
        used += cost
    if page:
        pages.append(page)
    return pages


def page_count(article) -> int:
    """How many pages ``write_report`` makes for ``article``."""
    return 5 + len(paginate(blocks(article["body"])))


def write_report(article, authors: list[dict], kind_label: str) -> bytes:
    """The report's PDF; ``authors`` are the expert records, in byline order."""
    rng = seeded("report", article["slug"])
    pdf = ReportPdf(article, {})
    pdf.faces = _fonts(pdf)
    accent = rng.choice(((120, 46, 52), (44, 96, 140), (62, 112, 88), (86, 70, 140)))
    series, number = article.get("series", (kind_label, None))
    date = datetime.strptime(article["date"], "%Y-%m-%d %H:%M")
    names = [person["name"]["en"] for person in authors]

    # Cover.
    pdf.add_page()
    pdf.set_fill_color(*accent)
    pdf.rect(0, 0, 210, 120, style="F")
    pdf.use("sans", "B", 11)
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(MARGIN, 24)
    pdf.cell(0, 6, pdf.text(INSTITUTE.upper()))
    pdf.set_xy(MARGIN, 34)
    pdf.use("sans", "", 11)
    pdf.cell(0, 6, pdf.text(f"{series} {number}" if number else series))
    pdf.set_xy(MARGIN, 56)
    pdf.use("serif", "B", 26)
    pdf.lines(11, pdf.text(article["title"]))
    if article.get("subtitle"):
        pdf.ln(3)
        pdf.use("serif", "I", 14)
        pdf.lines(7, pdf.text(article["subtitle"]))
    figure = draw_chart(article, rng).resize((1200, 675))
    jpeg = io.BytesIO()
    figure.save(jpeg, "JPEG", quality=82)
    pdf.image(io.BytesIO(jpeg.getvalue()), x=MARGIN, y=136, w=210 - 2 * MARGIN)
    pdf.set_xy(MARGIN, 136 + (210 - 2 * MARGIN) * 9 / 16 + 12)
    pdf.use("sans", "B", 13)
    pdf.set_text_color(*INK)
    pdf.lines(7, pdf.text(", ".join(names)))
    pdf.use("sans", "", 11)
    pdf.set_text_color(*MUTED)
    pdf.cell(0, 7, date.strftime("%B %Y"))

    body_pages = paginate(blocks(article["body"]))
    headings = [text for page in body_pages for kind, text in page if kind == "heading"]

    # Summary and contents.
    pdf.add_page()
    pdf.set_y(34)
    pdf.heading("Summary", 16)
    pdf.paragraph(article["summary"], size=12.5, height=7.2, style="I")
    pdf.heading("Contents", 16)
    sections = headings or ["The argument"]
    contents = ["Summary", *sections, "Figure and notes", "About the authors"]
    pdf.use("sans", "", 11)
    pdf.set_text_color(*INK)
    starts = [
        3 + index
        for index, page in enumerate(body_pages)
        for kind, _text in page
        if kind == "heading"
    ] or [3]
    pages = [2, *starts, 3 + len(body_pages), 4 + len(body_pages)]
    for line, page in zip(contents, pages, strict=True):
        pdf.cell(150, 7.5, pdf.text(line))
        pdf.cell(0, 7.5, str(page), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.use("sans", "", 8.5)
    pdf.set_text_color(*MUTED)
    pdf.lines(4.5, pdf.text(
        f"© {date.year} {INSTITUTE}. All rights reserved. The views expressed are the "
        "authors' own. Figures in this report are illustrative."
    ))  # fmt: skip

    # The text.
    for page in body_pages:
        pdf.add_page()
        pdf.set_y(30)
        for kind, text in page:
            if kind == "heading":
                pdf.heading(text)
            else:
                pdf.paragraph(text)

    # A figure and the notes (the sources the text links to).
    pdf.add_page()
    pdf.set_y(30)
    pdf.heading("Figure 1", 13)
    second = draw_chart({**article, "topics": article["topics"][::-1]}, rng)
    jpeg = io.BytesIO()
    second.resize((1200, 675)).save(jpeg, "JPEG", quality=82)
    pdf.image(io.BytesIO(jpeg.getvalue()), x=MARGIN, w=210 - 2 * MARGIN)
    pdf.ln(4)
    pdf.use("sans", "", 9)
    pdf.set_text_color(*MUTED)
    pdf.lines(5, "Source: Meridian Institute calculations.")
    pdf.ln(6)
    pdf.heading("Notes", 13)
    pdf.use("sans", "", 9.5)
    pdf.set_text_color(*INK)
    links = [
        (href, _plain(label))
        for href, label in _LINK.findall(article["body"])
        if href.startswith("https://")
    ]
    for number_, (href, label) in enumerate(links, 1):
        pdf.lines(5.2, pdf.text(f"{number_}. {label}, {href}"))
        pdf.ln(1.5)

    # The authors.
    pdf.add_page()
    pdf.set_y(30)
    pdf.heading("About the authors", 16)
    for person in authors:
        pdf.use("sans", "B", 12)
        pdf.set_text_color(*INK)
        pdf.lines(7, pdf.text(person["name"]["en"]))
        pdf.paragraph(person["short_bio"]["en"], size=11)
    pdf.ln(6)
    pdf.use("sans", "", 10)
    pdf.set_text_color(*MUTED)
    pdf.lines(5.5, pdf.text(
        f"{INSTITUTE} is an independent, nonpartisan research institute. "
        "Its scholars write on the security, politics and economies of the Middle East "
        "and North Africa."
    ))  # fmt: skip

    # Back cover.
    pdf.add_page()
    pdf.set_fill_color(*accent)
    pdf.rect(0, 297 - 70, 210, 70, style="F")
    pdf.set_xy(MARGIN, 297 - 48)
    pdf.use("sans", "B", 12)
    pdf.set_text_color(255, 255, 255)
    pdf.cell(0, 6, pdf.text(INSTITUTE), new_x="LMARGIN", new_y="NEXT")
    pdf.use("sans", "", 10)
    pdf.cell(0, 6, WEBSITE)
    assert pdf.page_no() == page_count(article), (pdf.page_no(), page_count(article))
    return bytes(pdf.output())
