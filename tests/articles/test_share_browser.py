"""
Issue 15, item 10, in Chromium: the copy-link button copies the article's
canonical address and says so; without JavaScript the reader gets a plain
link to the same address instead. Both languages.
"""

import pytest

from tests.browser import chromium
from tests.factories import make_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def article(live_server, settings):
    # The canonical address is the live server's, so that the copy can be compared.
    settings.SITE_URL = live_server.url
    return make_article(
        "Oil & Sanctions: Who Pays?",
        title_ar="النفط والعقوبات: من يدفع الثمن؟",
        languages=("en", "ar"),
    )


@pytest.fixture
def browser(article):
    with chromium() as browser:
        yield browser


@pytest.mark.parametrize(
    "language, copied", [("en", "Link copied"), ("ar", "نُسخ الرابط")]
)
def test_copy_link_copies_the_canonical_address(
    live_server, article, browser, language, copied
):
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=live_server.url
    )
    page = context.new_page()
    url = live_server.url + article.url_in(language)
    page.goto(url)
    button = page.locator(".share__copy")
    assert button.is_visible()
    assert page.locator(".share__permalink").is_hidden()
    button.click()
    status = page.locator(".share__status")
    status.wait_for(state="visible")
    assert status.text_content() == copied
    assert page.evaluate("navigator.clipboard.readText()") == url


@pytest.mark.parametrize("language", ["en", "ar"])
def test_without_javascript_a_plain_link_to_the_address(
    live_server, article, browser, language
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    url = live_server.url + article.url_in(language)
    page.goto(url)
    assert page.locator(".share__copy").is_hidden()
    link = page.locator(".share__permalink")
    assert link.is_visible()
    assert link.get_attribute("href") == url
    for name in ("email", "x", "linkedin", "whatsapp"):
        assert page.locator(f".share__link--{name}").is_visible()
