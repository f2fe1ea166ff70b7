"""
Issue 15: the demo institute's main page types in Chromium, at 390 and 1280 px,
in English and Arabic. Each is screenshotted into artifacts/screenshots/ (not
committed; the path is printed) for a person to look at, and audited with
axe-core: no serious or critical violation.
"""

import pytest
from django.conf import settings
from django.utils import translation

from articles.models import Article
from experts.models import Expert
from taxonomy.models import Topic
from tests.browser import ARTIFACTS, audit, chromium
from tests.exchange.helpers import import_file

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CONTENT = settings.BASE_DIR / "demo" / "content.json"
SCREENSHOTS = ARTIFACTS / "screenshots"
VIEWPORTS = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 900},
}


@pytest.fixture
def pages(live_server, settings):
    """``{language: {page: (path, status)}}`` on the demo institute."""
    settings.ROOT_URLCONF = "tests.media_urls"
    result = import_file(CONTENT)
    assert result.ok, result.error + result.stderr
    pages = {}
    for language in ("en", "ar"):
        prefix = "/ar" if language == "ar" else ""
        with translation.override(language):
            article = (
                Article.objects.live("ar")
                .filter(type__slug="brief-analysis", available_en=True)
                .order_by("-published_at")
                .first()
            )
            expert = Expert.objects.filter(has_profile=True).order_by("pk").first()
            topic = Topic.objects.filter(parent=None).order_by("sort_order").first()
            word = "sanctions" if language == "en" else "إيران"
            pages[language] = {
                "home": (f"{prefix}/", 200),
                "article": (article.url_in(language), 200),
                "expert": (expert.get_absolute_url(), 200),
                "landing": (topic.get_absolute_url(), 200),
                "search": (f"{prefix}/search?q={word}", 200),
                "404": (f"{prefix}/policy-analysis/no-such-piece", 404),
            }
    return pages


@pytest.fixture
def browser(pages):
    # Started after the data exists (see tests/articles/test_browser.py).
    with chromium() as browser:
        yield browser


def failed_loads(page) -> list:
    """What the page fails to load from now on (images, styles, fonts, scripts), favicon aside."""
    failed = []

    def check(response):
        request = response.request
        if (
            response.status >= 400
            and request.resource_type != "document"
            and not request.url.endswith("/favicon.ico")
        ):
            failed.append((response.status, request.url))

    page.on("response", check)
    return failed


@pytest.mark.parametrize("language", ["en", "ar"])
def test_screenshots_and_accessibility(
    live_server, pages, browser, axe_script, language
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    failures = {}
    for size, viewport in VIEWPORTS.items():
        # Only axe-core's injection needs the CSP bypass.
        context = browser.new_context(viewport=viewport, bypass_csp=True)
        page = context.new_page()
        broken = failed_loads(page)
        for name, (path, status) in pages[language].items():
            response = page.goto(live_server.url + path)
            assert response.status == status, path
            page.evaluate("document.fonts.ready")
            shot = SCREENSHOTS / f"{name}-{language}-{size}.png"
            page.screenshot(path=str(shot), full_page=True)
            if violations := audit(page, axe_script):
                failures[f"{name}-{language}-{size}"] = violations
            if size == "phone" and name == "home":
                page.click(".site-menu__button")
                page.screenshot(path=str(SCREENSHOTS / f"menu-{language}-phone.png"))
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], (path, size, width)
        assert broken == []
        context.close()
    print(f"\nscreenshots: {SCREENSHOTS}")
    assert failures == {}
