"""
Build the demo content: ``demo/content.json``, and the files it names.

    .venv/bin/python demo/build_demo.py          # content.json and the files
    .venv/bin/python demo/build_demo.py --files  # the files only

The texts live beside this script (``data_terms.py``, ``data_experts.py``,
``articles_2021_2023.py``, ``articles_2024_2027.py``, ``articles_ar.py``); this
script checks them and turns them into a ``thinktank-exchange/1`` file, which is
committed. The files it names are drawn in code (``artwork.py``: headshots, lead
images; ``reports.py``: the reports' PDFs) into ``images/`` and ``files/`` beside
it, which git ignores: ``make demo`` draws them before it imports
``content.json``. The output is deterministic: running the script twice gives
byte-identical files.
"""

import io
import json
import os
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thinktank.settings")

import django

django.setup()

import artwork
import reports
from articles_2021_2023 import ARTICLES as EARLY
from articles_2024_2027 import ARTICLES as LATER
from articles_ar import ARABIC
from data_experts import EXPERTS
from data_terms import REGIONS, TOPICS

from core.slugs import propose_slug

FORMAT = "thinktank-exchange/1"
TIME_ZONE = ZoneInfo("America/New_York")
ARTICLES = EARLY + LATER
#: Published work must predate this moment (the demo's "today" is late 2026).
PUBLISHED_BEFORE = datetime(2026, 11, 1, tzinfo=TIME_ZONE)
NOTE_MARK = " ❖"

#: Manual "Recommended" picks, in order, for some articles.
RECOMMENDED = {
    "saudi-iranian-detente-thaw-or-pause": [
        "energy-prices-gulf-leverage-after-ukraine",
        "reading-tehrans-enrichment-signals",
        "proliferation-pressure-points",
    ],
    "red-sea-shipping-under-fire": [
        "hormuz-seizures-iranian-naval-doctrine",
        "protecting-red-sea-corridor",
        "mapping-maritime-incidents-red-sea",
    ],
    "after-strikes-what-remains-iran-nuclear-program": [
        "iran-direct-strike-end-strategic-patience",
        "proliferation-pressure-points",
        "sanctions-relief-without-illusions",
    ],
    "syria-after-assad-first-ninety-days": [
        "rebuilding-syrias-state",
        "syria-earthquake-diplomacy-normalization-trap",
        "turkey-between-blocs",
    ],
    "lebanon-new-government-disarmament-question": [
        "hezbollah-calculus-northern-front",
        "lebanon-currency-collapse-limits-donor-patience",
        "syria-after-assad-first-ninety-days",
    ],
    "guardrails-ai-exports-gulf": [
        "arms-sales-alliance-management",
        "cyber-operations-gulf-attribution-without-deterrence",
        "after-kabul-gulf-partners-recalculating",
    ],
    "egypt-debt-swaps-politics-reform": [
        "egypt-wheat-problem-fiscal-problem",
        "gaza-reconstruction-financing-architecture",
        "red-sea-shipping-under-fire",
    ],
    "gulf-energy-transition-dividend": [
        "energy-prices-gulf-leverage-after-ukraine",
        "human-rights-conditionality-gulf-partnerships",
        "protecting-red-sea-corridor",
    ],
}

#: Article types whose pieces come with a PDF.
REPORT_TYPES = {"in-depth-report": "In-Depth Report", "policy-note": "Policy Note"}

_AR_LINK = re.compile(r'href="ar:([a-z0-9-]+)"')
_HREF = re.compile(r'href="([^"]+)"')


class DemoError(Exception):
    pass


def _clean_html(html: str) -> str:
    """One paragraph (or block) per line, no leading or trailing blank lines."""
    return "\n".join(line.strip() for line in html.strip().splitlines() if line.strip())


def _sort_name(name: str) -> str:
    first, _, last = name.rpartition(" ")
    return f"{last}, {first}" if first else name


def _published_at(local: str | None) -> str | None:
    if local is None:
        return None
    moment = datetime.strptime(local, "%Y-%m-%d %H:%M").replace(tzinfo=TIME_ZONE)
    return moment.isoformat()


def _terms(terms):
    return [
        {
            "slug": term["slug"],
            "name": term["name"],
            "description": term["description"],
            "parent": term["parent"],
            "sort_order": (index + 1) * 10,
        }
        for index, term in enumerate(terms)
    ]


def _experts():
    records = []
    for person in EXPERTS:
        has_profile = person.get("has_profile", True)
        record = {
            "slug": person["slug"],
            "name": person["name"],
            "position": person["position"],
            "status": person["status"],
            "short_bio": person["short_bio"],
            "bio": {code: _clean_html(html) for code, html in person["bio"].items()},
            "expertise": {"topics": person["topics"], "regions": person["regions"]},
            "headshot": headshot_path(person) if has_profile else None,
            "sort_name": _sort_name(person["name"]["en"]),
            "has_profile": has_profile,
            "affiliation_start": person.get("since"),
            "affiliation_end": person.get("until"),
        }
        records.append(record)
    return records


def _author_note(article, language, experts):
    if "author_note" in article:  # given as is ("" for none)
        return article["author_note"]
    lines = [experts[slug]["note"][language] for slug in article["authors"]]
    return " ".join(lines) + NOTE_MARK


def _articles(experts):
    arabic_slugs = {
        slug: propose_slug(texts["title"]) for slug, texts in ARABIC.items()
    }

    def arabic_href(match):
        target = match.group(1)
        if target not in arabic_slugs:
            raise DemoError(f'Arabic link to "{target}", which has no Arabic version')
        return f'href="/ar/policy-analysis/{arabic_slugs[target]}"'

    records = []
    for article in ARTICLES:
        slug = article["slug"]
        status = article.get("status", "published")
        record = {
            "slug": {"en": slug},
            "type": article["type"],
            "title": {"en": article["title"]},
            "subtitle": {"en": article["subtitle"]} if article.get("subtitle") else {},
            "summary": {"en": article["summary"]},
            "body": {"en": _clean_html(article["body"])},
            "author_note": {"en": _author_note(article, "en", experts)},
            "published_at": _published_at(article["date"]),
            "status": status,
            "languages": ["en"],
            "authors": article["authors"],
            "topics": article["topics"],
            "regions": article["regions"],
            "recommended": RECOMMENDED.get(slug, []),
        }
        if slug in ARABIC:
            texts = ARABIC[slug]
            record["slug"]["ar"] = arabic_slugs[slug]
            record["title"]["ar"] = texts["title"]
            record["summary"]["ar"] = texts["summary"]
            record["body"]["ar"] = _AR_LINK.sub(arabic_href, _clean_html(texts["body"]))
            record["author_note"]["ar"] = _author_note(article, "ar", experts)
            record["languages"] = ["en", "ar"]
        if not record["author_note"]["en"]:
            record["author_note"] = {}
        if "series" in article:
            record["series"], record["series_number"] = article["series"]
        if article["type"] in REPORT_TYPES:
            record["pdf"] = pdf_path(article)
            record["page_count"] = reports.page_count(article)
        if artwork.lead_image_kind(article):
            record["lead_image"] = lead_image_path(article)
            record["lead_image_alt"] = artwork.lead_image_alt(
                article, record["languages"]
            )
        if "outlet" in article:
            record["outlet_name"] = article["outlet"]["name"]
            record["outlet_url"] = article["outlet"]["url"]
            record["outlet_date_text"] = article["outlet"]["date"]
        if "venue" in article:
            record["venue"] = {"en": article["venue"]}
            record["hearing_date"] = article["hearing_date"]
        records.append(record)
    return records


def _check(content):
    """Refuse demo content that would import but read wrongly."""
    errors = []
    topics = {t["slug"] for t in content["topics"]}
    regions = {r["slug"] for r in content["regions"]}
    experts = {e["slug"] for e in content["experts"]}
    articles = {a["slug"]["en"]: a for a in content["articles"]}
    live = {slug for slug, a in articles.items() if a["status"] == "published"}
    live_ar = {
        a["slug"]["ar"]
        for slug, a in articles.items()
        if slug in live and "ar" in a["languages"]
    }
    path_slugs = [*topics, *regions, *articles]
    if len(path_slugs) != len(set(path_slugs)):
        errors.append("a slug is used twice under /policy-analysis/")
    for term in content["topics"] + content["regions"]:
        if term["parent"] and term["parent"] not in (topics | regions):
            errors.append(f"{term['slug']}: unknown parent {term['parent']}")
    for expert in content["experts"]:
        if not set(expert["expertise"]["topics"]) <= topics:
            errors.append(f"{expert['slug']}: unknown expertise topic")
        if not set(expert["expertise"]["regions"]) <= regions:
            errors.append(f"{expert['slug']}: unknown expertise region")
    for slug, a in articles.items():
        where = f"article {slug}"
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
            errors.append(f"{where}: slug is not plain ASCII")
        if not set(a["authors"]) <= experts or not 1 <= len(a["authors"]) <= 3:
            errors.append(f"{where}: authors {a['authors']}")
        if not set(a["topics"]) <= topics or not set(a["regions"]) <= regions:
            errors.append(f"{where}: unknown topic or region")
        for other in a["recommended"]:
            if other not in live or other == slug:
                errors.append(
                    f"{where}: recommends {other}, which is not another live article"
                )
        if a["status"] == "published":
            moment = datetime.fromisoformat(a["published_at"])
            if not datetime(2021, 1, 1, tzinfo=TIME_ZONE) <= moment < PUBLISHED_BEFORE:
                errors.append(f"{where}: published_at {a['published_at']} out of range")
        for code, body in a["body"].items():
            hrefs = _HREF.findall(body)
            internal = [
                h
                for h in hrefs
                if h.startswith(("/policy-analysis/", "/ar/policy-analysis/"))
            ]
            external = [h for h in hrefs if h.startswith("https://")]
            if (
                "<strong>" not in body
                or "<em>" not in body
                or not internal
                or not external
            ):
                errors.append(
                    f"{where} [{code}]: body lacks a lead-in, emphasis or links"
                )
            for href in internal:
                target = href.rsplit("/", 1)[1]
                known = live_ar if href.startswith("/ar/") else live | topics | regions
                if target not in known or target in (slug, a["slug"].get("ar")):
                    errors.append(
                        f"{where} [{code}]: link {href} is not another live page"
                    )
        for code, note in a["author_note"].items():
            if not note.endswith(NOTE_MARK):
                errors.append(
                    f"{where} [{code}]: author note does not end with the mark"
                )
    if errors:
        raise DemoError("\n".join(errors))


def build_content():
    experts = {person["slug"]: person for person in EXPERTS}
    content = {
        "format": FORMAT,
        "topics": _terms(TOPICS),
        "regions": _terms(REGIONS),
        "experts": _experts(),
        "articles": _articles(experts),
    }
    _check(content)
    for section in ("topics", "regions", "experts"):
        content[section].sort(key=lambda record: record["slug"])
    content["articles"].sort(key=lambda record: record["slug"]["en"])
    return content


# Files ------------------------------------------------------------------------


def headshot_path(person) -> str:
    return f"images/{person['slug']}.jpg"


def lead_image_path(article) -> str:
    extension = "png" if artwork.lead_image_kind(article) == "chart" else "jpg"
    return f"images/articles/{article['slug']}.{extension}"


def pdf_path(article) -> str:
    return f"files/{article['slug']}.pdf"


def draw_headshot(person) -> bytes:
    out = io.BytesIO()
    artwork.draw_headshot(person).save(out, "JPEG", quality=86, optimize=True)
    return out.getvalue()


def draw_lead_image(article) -> bytes:
    out = io.BytesIO()
    image = artwork.draw_lead_image(article)
    if lead_image_path(article).endswith(".png"):
        image.save(out, "PNG", compress_level=6)
    else:
        image.save(out, "JPEG", quality=84, optimize=True)
    return out.getvalue()


def write_report(article) -> bytes:
    experts = {person["slug"]: person for person in EXPERTS}
    authors = [experts[slug] for slug in article["authors"]]
    return reports.write_report(article, authors, REPORT_TYPES[article["type"]])


def files() -> dict:
    """Every file ``content.json`` names: {path relative to demo/: function drawing its bytes}."""
    found = {}
    for person in EXPERTS:
        if person.get("has_profile", True):
            found[headshot_path(person)] = (draw_headshot, person)
    for article in ARTICLES:
        if artwork.lead_image_kind(article):
            found[lead_image_path(article)] = (draw_lead_image, article)
        if article["type"] in REPORT_TYPES:
            found[pdf_path(article)] = (write_report, article)
    return found


#: Written last by ``write_files``: the files beside it are complete.
STAMP = ".complete"


def write_files(folder: Path = HERE) -> list[Path]:
    """
    Draw every file into ``folder`` (``images/``, ``images/articles/``,
    ``files/``), remove files of those folders that nothing names any more, and
    write the stamp ``files/.complete`` last.
    """
    wanted = files()
    stamp = folder / "files" / STAMP
    stamp.unlink(missing_ok=True)
    written = []
    for relative, (draw, record) in wanted.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(draw(record))
        written.append(path)
    for sub in ("images", "images/articles", "files"):
        for stale in (folder / sub).glob("*.*"):
            if stale.relative_to(folder).as_posix() not in wanted:
                stale.unlink()
    stamp.write_text("\n".join(sorted(wanted)) + "\n", encoding="utf-8")
    return written


def main(argv):
    if "--files" not in argv:
        content = build_content()
        text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
        (HERE / "content.json").write_text(text, encoding="utf-8")
        counts = {
            section: len(content[section])
            for section in ("topics", "regions", "experts", "articles")
        }
        arabic = sum("ar" in a["languages"] for a in content["articles"])
        print(f"Wrote demo/content.json ({counts}, {arabic} in Arabic).")
    written = write_files()
    kinds = Counter(path.parent.name for path in written)
    print(
        f"Drew {kinds['images']} headshots, {kinds['articles']} lead images and "
        f"{kinds['files']} report PDFs into demo/images/ and demo/files/."
    )


if __name__ == "__main__":
    main(sys.argv[1:])
