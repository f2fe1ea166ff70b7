"""
The institute pages, the footer and the newsletter sign-up in a real browser
(Debian's Chromium): both directions, a phone's width, axe-core's audit, and
a sign-up sent from the footer without JavaScript. Screenshots land in
artifacts/.
"""

import pytest

from tests.browser import ARTIFACTS, audit, chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def browser(live_server):
    with chromium() as browser:
        yield browser


@pytest.mark.parametrize("language", ["en", "ar"])
def test_about_page_and_footer_in_a_browser(live_server, browser, axe_script, language):
    ARTIFACTS.mkdir(exist_ok=True)
    prefix = "/ar" if language == "ar" else ""
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    errors = []
    page.on("response", lambda r: r.status >= 400 and errors.append((r.status, r.url)))
    assert page.goto(f"{live_server.url}{prefix}/about").status == 200
    # The footer reads from the reading side: its first column (the institute)
    # starts at the left in English, at the right in Arabic.
    about = page.locator(".site-footer__about").bounding_box()
    follow = page.locator(".site-footer__follow").bounding_box()
    assert (about["x"] > follow["x"]) is (language == "ar")
    page.screenshot(
        path=str(ARTIFACTS / f"about-{language}-desktop.png"), full_page=True
    )
    assert audit(page, axe_script) == []

    page.set_viewport_size(PHONE)
    page.screenshot(path=str(ARTIFACTS / f"about-{language}-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert audit(page, axe_script) == []

    assert page.goto(f"{live_server.url}{prefix}/newsletter").status == 200
    page.screenshot(
        path=str(ARTIFACTS / f"newsletter-{language}-phone.png"), full_page=True
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert audit(page, axe_script) == []
    assert errors == []
    context.close()


def test_signing_up_from_the_footer_without_javascript(live_server, browser):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/ar/contact")
    page.fill("#newsletter-footer-email", "reader@example.org")
    with page.expect_navigation():
        page.click(".newsletter-form--footer button")
    assert page.url == f"{live_server.url}/ar/newsletter"
    assert page.locator("h1").inner_text() == "تفقّد بريدك الوارد"
    context.close()
