"""
"Cite this": Chicago and APA text, BibTeX and RIS records of an article.

Every format is built from one ``Citation``: the authors in the byline's
order, the publication date and the article's public address in the page's
language (``settings.SITE_URL`` + its path), so that they agree with each
other and with the page's metadata.

An op-ed an outside outlet published is the outlet's work: it is cited as an
article in that periodical, on the outlet's date, at the outlet's address when
there is one (which is also its canonical address; see docs/discoverability.md).
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from articles.bylines import as_published
from articles.models import Article, TypeKind
from core.i18n import in_default_language, localized, site_name
from core.slugs import propose_slug


@dataclass(frozen=True)
class Author:
    name: str
    family: str
    given: str

    @property
    def inverted(self) -> str:
        """ "Carmi, Omer" (or the name as written when it cannot be split)."""
        return f"{self.family}, {self.given}" if self.given else self.name

    @property
    def initials(self) -> str:
        """ "O." for Omer, "J.-P." for Jean-Pierre."""
        return " ".join(
            "-".join(f"{part[0]}." for part in word.split("-") if part)
            for word in self.given.split()
        )


def _author(expert, language_code: str) -> Author:
    name = expert.name
    # The sort name ("Carmi, Omer") is written in the default language: only
    # there can it split a name into family and given names.
    if language_code == settings.LANGUAGE_CODE and ", " in (expert.sort_name or ""):
        family, given = expert.sort_name.split(", ", 1)
        return Author(name, family, given)
    return Author(name, name, "")


@dataclass(frozen=True)
class Citation:
    authors: list[Author]
    title: str
    kind: str
    type_name: str
    series: str
    number: int | None
    #: The day the work appeared, when known.
    published: date | None
    year: int
    #: The date as the outlet prints it, when it is not a day ("March–April 2022").
    date_text: str
    url: str
    publisher: str
    #: The periodical an op-ed appeared in; "" for work published here.
    container: str
    language_code: str
    summary: str
    slug: str

    @property
    def full_title(self) -> str:
        return self.title

    @property
    def date_iso(self) -> str:
        """ "2023-06-13", or "2022" when only the year is known."""
        return self.published.isoformat() if self.published else str(self.year)

    @property
    def series_label(self) -> str:
        """ "Policy Note 79", or "" without a series."""
        if not self.series:
            return ""
        return f"{self.series} {self.number}" if self.number else self.series


_OUTLET_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y-%m-%d")
_YEAR = re.compile(r"\b\d{4}\b")


def _appeared(article: Article) -> tuple[date | None, int, str]:
    """
    (day, year, words): when the work appeared. That is its publication date,
    or for an op-ed the outlet's date as the outlet prints it: a date
    ("September 7, 2021") gives the day; an issue ("March–April 2022") only
    the year, and its words.
    """
    ours = timezone.localdate(article.published_at)
    words = " ".join(article.outlet_date_text.split()) if article.is_outlet_work else ""
    if not words:
        return ours, ours.year, ""
    for pattern in _OUTLET_DATE_FORMATS:
        try:
            day = datetime.strptime(words, pattern).date()
        except ValueError:
            continue
        return day, day.year, ""
    if year := _YEAR.search(words):
        return None, int(year[0]), words
    return ours, ours.year, ""


def citation_for(article: Article, *, language_code: str) -> Citation:
    """The facts every format cites, as the ``language_code`` page shows them (byline prefetched)."""
    # A page asks several times (Scholar tags, JSON-LD, "Cite this"): work it out once.
    known = article.__dict__.setdefault("_citations", {})
    if language_code not in known:
        known[language_code] = _citation(article, language_code)
    return known[language_code]


def _citation(article: Article, language_code: str) -> Citation:
    with translation.override(language_code):
        title = article.title
        if article.subtitle:
            title = f"{title}: {article.subtitle}"
        day, year, date_text = _appeared(article)
        return Citation(
            # Authors as first published (articles.bylines), not as they are now.
            authors=[_author(as_published(a), language_code) for a in article.byline()],
            title=title,
            kind=article.type.kind,
            type_name=article.type.name,
            series=article.series,
            number=article.series_number,
            published=day,
            year=year,
            date_text=date_text,
            url=article.original_url
            or f"{settings.SITE_URL}{article.url_in(language_code)}",
            publisher=site_name(language_code),
            container=article.outlet_name if article.is_outlet_work else "",
            language_code=language_code,
            summary=article.summary or "",
            slug=getattr(article, localized("slug", language_code))
            or in_default_language(article, "slug"),
        )


# Marks that end a title or a name by themselves: no period follows them
# ("“Is Iran Next?” Policy Note 79.", not "Next?.").
_CLOSING_MARKS = (".", "?", "!", "؟", "…")


def _period(text: str) -> str:
    """The period that closes ``text``, or "" when it ends with a mark of its own."""
    return "" if text.rstrip().endswith(_CLOSING_MARKS) else "."


_LATIN_LETTER = re.compile("[A-Za-z]")


def _isolate(text: str) -> SafeString:
    """
    ``text``, escaped, in a ``<bdi>`` when it holds letters written in the other
    direction than the active language (a Latin series name in an Arabic
    citation), so that it does not reorder the punctuation around it.
    """
    right_to_left = translation.get_language_bidi()
    if text.isascii():
        # Latin letters are the only strongly directional characters of ASCII.
        mixed = right_to_left and _LATIN_LETTER.search(text) is not None
    else:
        other = ("L",) if right_to_left else ("R", "AL")
        mixed = any(unicodedata.bidirectional(char) in other for char in text)
    if mixed:
        return format_html("<bdi>{}</bdi>", text)
    return conditional_escape(text)


def _join(names: list[str], last_separator: str) -> SafeString:
    """Names isolated and joined with the language's comma, ``last_separator`` before the last."""
    parts = [_isolate(name) for name in names]
    if len(parts) <= 1:
        return mark_safe("".join(parts))
    separator = conditional_escape(pgettext("list separator", ", "))
    head = mark_safe(separator.join(parts[:-1]))
    return format_html("{}{}{}", head, last_separator, parts[-1])


def _long_date(c: Citation) -> SafeString:
    """ "June 13, 2023" ("13 يونيو 2023" in Arabic), or the outlet's words ("March–April 2022")."""
    if c.published is None:
        return _isolate(c.date_text)
    return conditional_escape(
        formats.date_format(c.published, pgettext("citation date", "F j, Y"))
    )


def _apa_date(c: Citation) -> SafeString:
    """ "2023, June 13" ("2023، 13 يونيو" in Arabic), or "2022, March–April"."""
    comma = pgettext("list separator", ", ")
    if c.published is None:
        rest = _YEAR.sub("", c.date_text).strip(" ,،")
        if not rest:
            return conditional_escape(str(c.year))
        return format_html("{}{}{}", c.year, comma, _isolate(rest))
    month_day = formats.date_format(c.published, pgettext("APA date", "F j"))
    return format_html("{}{}{}", c.year, comma, month_day)


def chicago(c: Citation) -> SafeString:
    """Chicago (notes and bibliography), bibliography entry."""
    with translation.override(c.language_code):
        names = [
            author.inverted if index == 0 else author.name
            for index, author in enumerate(c.authors)
        ]
        # The first name is inverted ("Carmi, Omer"), so even two names take
        # the serial comma: "Carmi, Omer, and Jane Roe".
        by = _join(names, pgettext("citation, before the last author", ", and "))
        if names:
            by = format_html("{}{} ", by, _period(names[-1]))
        comma = pgettext("list separator", ", ")
        title = format_html("{}{}", _isolate(c.full_title), _period(c.full_title))
        if c.container:
            # An article in a periodical: “Title.” <i>Outlet</i>, date. URL.
            return format_html(
                "{}“{}” <i>{}</i>{} {}. {}.",
                by,
                title,
                _isolate(c.container),
                comma.rstrip(),
                _long_date(c),
                _isolate(c.url),
            )
        # "Policy Note 79", not "Policy Note, Policy Note 79".
        kind = _isolate(c.series_label or c.type_name)
        if c.series_label and not c.series_label.startswith(c.type_name):
            kind = format_html(
                "{}{}{}", _isolate(c.type_name), comma, _isolate(c.series_label)
            )
        return format_html(
            "{}“{}” {}. {}{} {}. {}.",
            by,
            title,
            kind,
            _isolate(c.publisher),
            comma.rstrip(),
            _long_date(c),
            _isolate(c.url),
        )


def apa(c: Citation) -> SafeString:
    """APA (7th edition) reference."""
    with translation.override(c.language_code):
        names = [f"{a.family}, {a.initials}" if a.given else a.name for a in c.authors]
        by = _join(names, pgettext("APA, before the last author", ", & "))
        when = _apa_date(c)
        url = _isolate(c.url)
        if c.container:
            # An article in a periodical: the periodical is in italics, not the title.
            title = format_html("{}{}", _isolate(c.full_title), _period(c.full_title))
            outlet = _isolate(c.container)
            if by:
                return format_html(
                    "{} ({}). {} <i>{}</i>. {}", by, when, title, outlet, url
                )
            return format_html("{} ({}). <i>{}</i>. {}", title, when, outlet, url)
        title = format_html("<i>{}</i>", _isolate(c.full_title))
        if c.series_label:
            title = format_html("{} ({}).", title, _isolate(c.series_label))
        else:
            title = format_html("{}{}", title, _period(c.full_title))
        publisher = _isolate(c.publisher)
        if by:
            return format_html("{} ({}). {} {}. {}", by, when, title, publisher, url)
        return format_html("{} ({}). {}. {}", title, when, publisher, url)


_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")
_MONTHS = [
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
]


def _bibtex_escape(text: str) -> str:
    text = text.replace("\\", r"\textbackslash{}")
    text = _BIBTEX_SPECIAL.sub(r"\\\1", text)
    return text.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def bibtex_key(c: Citation) -> str:
    """``carmi2023sanctions``: first author's family name, year, first long title word (ASCII)."""
    family = propose_slug(c.authors[0].family).replace("-", "") if c.authors else ""
    words = [w for w in propose_slug(c.title).split("-") if len(w) > 3]
    return f"{family or 'anon'}{c.year}{words[0] if words else ''}"


def bibtex(c: Citation) -> str:
    """A BibTeX record: ``@techreport`` for reports, ``@article`` for an outlet's op-ed, ``@misc`` otherwise."""
    if c.container:
        entry = "article"
    else:
        entry = "techreport" if c.kind == TypeKind.REPORT else "misc"
    fields = []
    if c.authors:
        fields.append(
            (
                "author",
                " and ".join(_bibtex_escape(a.inverted) for a in c.authors),
            )
        )
    # Double braces keep the title's capitals as written.
    fields.append(("title", "{" + _bibtex_escape(c.full_title) + "}"))
    if entry == "article":
        fields.append(("journal", _bibtex_escape(c.container)))
    elif entry == "techreport":
        fields.append(("institution", _bibtex_escape(c.publisher)))
        fields.append(("type", _bibtex_escape(c.series or c.type_name)))
        if c.number:
            fields.append(("number", str(c.number)))
    else:
        fields.append(("publisher", _bibtex_escape(c.publisher)))
        fields.append(("howpublished", _bibtex_escape(c.series_label or c.type_name)))
    fields.append(("year", str(c.year)))
    if c.published:
        fields.append(("month", _MONTHS[c.published.month - 1]))
    fields += [
        ("date", c.date_iso),
        ("url", c.url),
        (
            "langid",
            {"en": "english", "ar": "arabic"}.get(c.language_code, c.language_code),
        ),
    ]
    lines = [f"@{entry}{{{bibtex_key(c)},"]
    for name, value in fields:
        value = value if name == "month" else "{" + value + "}"
        lines.append(f"  {name} = {value},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris(c: Citation) -> str:
    """An RIS record (CRLF line ends, as the format asks)."""
    types = {TypeKind.REPORT: "RPRT", TypeKind.TESTIMONY: "HEAR"}
    kind = "NEWS" if c.container else types.get(c.kind, "ELEC")
    lines = [("TY", kind)]
    lines += [("AU", author.inverted) for author in c.authors]
    lines.append(("TI", c.full_title))
    if c.container:
        lines.append(("T2", c.container))
    lines += [
        ("PY", str(c.year)),
        # RIS dates are YYYY/MM/DD/other: an issue keeps its words in "other".
        (
            "DA",
            c.published.strftime("%Y/%m/%d")
            if c.published
            else f"{c.year}///{c.date_text}",
        ),
    ]
    if not c.container:
        lines.append(("PB", c.publisher))
    if c.series:
        lines.append(("T3", c.series))
    if c.number:
        lines.append(("SN", str(c.number)))
    lines.append(("M3", c.type_name))
    if c.summary:
        lines.append(("AB", " ".join(c.summary.split())))
    lines += [("UR", c.url), ("LA", c.language_code), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


FORMATS = {
    "bib": (bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (ris, "application/x-research-info-systems; charset=utf-8"),
}
