"""
Build the demo content: ``demo/content.json`` and ``demo/images/*.jpg``.

    .venv/bin/python demo/build_demo.py

The texts live beside this script (``data_terms.py``, ``data_experts.py``,
``articles_2021_2023.py``, ``articles_2024_2027.py``, ``articles_ar.py``); this
script checks them, turns them into a ``thinktank-exchange/1`` file and draws a
headshot for every expert with a profile. The output is deterministic: running
the script twice gives byte-identical files. ``make demo`` imports the result
with ``manage.py import_content demo/content.json``.
"""

import json
import os
import re
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thinktank.settings")

import django

django.setup()

from articles_2021_2023 import ARTICLES as EARLY
from articles_2024_2027 import ARTICLES as LATER
from articles_ar import ARABIC
from data_experts import EXPERTS
from data_terms import REGIONS, TOPICS
from PIL import Image, ImageDraw, ImageFont

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
            "headshot": f"images/{person['slug']}.jpg" if has_profile else None,
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
        if "pages" in article:
            record["page_count"] = article["pages"]
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


# Headshots ------------------------------------------------------------------

SIZE = (800, 1000)


def _mix(colour, other, amount):
    return tuple(
        round(c + (o - c) * amount) for c, o in zip(colour, other, strict=True)
    )


def draw_headshot(person) -> Image.Image:
    """A stylised head-and-shoulders portrait on the person's colour, with initials."""
    colour = person["colour"]
    width, height = SIZE
    image = Image.new("RGB", SIZE, colour)
    draw = ImageDraw.Draw(image)
    # A soft vertical gradient: lighter at the top.
    for y in range(height):
        draw.line(
            [(0, y), (width, y)],
            fill=_mix(colour, (255, 255, 255), 0.35 * (1 - y / height)),
        )
    # A soft disc behind the figure.
    draw.ellipse((100, 150, 700, 750), fill=_mix(colour, (255, 255, 255), 0.22))
    skin = _mix(colour, (240, 226, 210), 0.8)
    shade = _mix(skin, (0, 0, 0), 0.08)
    cloth = _mix(colour, (20, 24, 30), 0.55)
    hair = _mix(colour, (30, 26, 24), 0.7)
    if person.get("figure") == "long":
        draw.rounded_rectangle((258, 270, 542, 760), radius=140, fill=hair)
    # Shoulders and neck.
    draw.ellipse((80, 730, 720, 1370), fill=cloth)
    draw.rectangle((350, 600, 450, 760), fill=shade)
    draw.polygon([(350, 740), (400, 830), (450, 740)], fill=shade)
    # Head.
    draw.ellipse((275, 300, 525, 640), fill=skin)
    if person.get("figure") == "long":
        draw.chord((266, 282, 534, 520), 180, 360, fill=hair)
    else:
        draw.chord((272, 290, 528, 470), 180, 360, fill=hair)
    # Initials across the chest.
    initials = "".join(part[0] for part in person["name"]["en"].split()[:2]).upper()
    font = ImageFont.load_default(size=150)
    draw.text(
        (width / 2, 920),
        initials,
        font=font,
        fill=_mix(colour, (255, 255, 255), 0.85),
        anchor="mm",
    )
    return image


def write_images(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    written = []
    for person in EXPERTS:
        if not person.get("has_profile", True):
            continue
        path = folder / f"{person['slug']}.jpg"
        draw_headshot(person).save(path, "JPEG", quality=88, optimize=True)
        written.append(path)
    expected = {path.name for path in written}
    for stale in folder.glob("*.jpg"):
        if stale.name not in expected:
            stale.unlink()
    return written


def main():
    content = build_content()
    text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
    (HERE / "content.json").write_text(text, encoding="utf-8")
    images = write_images(HERE / "images")
    counts = {
        section: len(content[section])
        for section in ("topics", "regions", "experts", "articles")
    }
    arabic = sum("ar" in a["languages"] for a in content["articles"])
    print(
        f"Wrote demo/content.json ({counts}, {arabic} in Arabic) and {len(images)} headshots."
    )


if __name__ == "__main__":
    main()
