"""
Issue 15, item 4: the compact phone header in Chromium, with and without
JavaScript, in both languages; and the desktop header, unchanged.

On a 390 px phone the header is one row (the institute's name and a menu
toggle). Without JavaScript the toggle is a checkbox's label; with it, a button
whose aria-expanded follows the menu, which Escape and a click outside close,
handing focus back to the control that opened it. One menu is open at a time.
"""

import pytest

from tests.browser import chromium
from tests.factories import make_article, make_region, make_topic

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
#: The phone header's height, closed: one row of the name (two lines at most) and the toggle.
PHONE_HEADER_MAX = 80
LANGUAGES = ["en", "ar"]


@pytest.fixture
def site(live_server):
    energy = make_topic("Energy")
    make_topic("Oil", parent=energy)
    gulf = make_region("Gulf States")
    make_region("Saudi Arabia", parent=gulf)
    make_article(languages=("en", "ar"), topics=[energy], regions=[gulf])
    return live_server


@pytest.fixture
def browser(site):
    # Started after the data exists (see tests/articles/test_browser.py).
    with chromium() as browser:
        yield browser


def home(site, language):
    return site.url + ("/ar/" if language == "ar" else "/")


def open_page(browser, url, *, viewport=PHONE, javascript=True):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    page = context.new_page()
    assert page.goto(url).status == 200
    return page


def header_height(page) -> float:
    return page.locator(".site-header").bounding_box()["height"]


def focused(page, selector) -> bool:
    return page.evaluate(f"document.activeElement.matches({selector!r})")


def menu_shown(page) -> bool:
    return (
        page.locator("#site-menu").is_visible()
        and page.locator(".site-nav").is_visible()
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_phone_header_is_one_compact_row(site, browser, language, javascript):
    page = open_page(browser, home(site, language), javascript=javascript)
    assert header_height(page) <= PHONE_HEADER_MAX
    assert page.locator(".site-header__brand").is_visible()
    assert not menu_shown(page)
    assert not page.locator(".search-box--header").is_visible()
    toggle = ".site-menu__button" if javascript else ".site-menu__toggle"
    other = ".site-menu__toggle" if javascript else ".site-menu__button"
    assert page.locator(toggle).is_visible()
    assert page.locator(other).is_hidden()
    # The toggle sits on the name's row, at its end (right in English, left in Arabic).
    brand = page.locator(".site-header__brand").bounding_box()
    box = page.locator(toggle).bounding_box()
    assert box["y"] < brand["y"] + brand["height"]
    assert (box["x"] < brand["x"]) is (language == "ar")
    # Nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_label_opens_and_closes_the_menu(
    site, browser, language
):
    page = open_page(browser, home(site, language), javascript=False)
    page.click(".site-menu__toggle")
    assert menu_shown(page)
    assert page.locator(".search-box--header").is_visible()
    assert page.locator(".language-switcher").is_visible()
    # The menus open as details, no script needed.
    page.locator(".term-menu summary").first.click()
    assert page.locator(".term-menu__list").first.is_visible()
    page.click(".site-menu__toggle")
    assert not menu_shown(page)
    # From the keyboard: the checkbox takes focus and Space toggles it.
    page.focus(".site-menu__state")
    page.keyboard.press("Space")
    assert menu_shown(page)
    page.keyboard.press("Space")
    assert not menu_shown(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_with_javascript_a_button_opens_it_and_escape_or_a_click_outside_closes_it(
    site, browser, language
):
    page = open_page(browser, home(site, language))
    button = page.locator(".site-menu__button")
    assert button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-controls") == "site-menu"

    button.click()
    assert menu_shown(page)
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert not menu_shown(page)
    assert button.get_attribute("aria-expanded") == "false"
    assert focused(page, ".site-menu__button")

    # From the keyboard, then a click outside (on the page's text).
    page.keyboard.press("Enter")
    assert menu_shown(page)
    page.locator("main").click(position={"x": 20, "y": 300})
    assert not menu_shown(page)
    assert button.get_attribute("aria-expanded") == "false"

    # One menu open at a time; Escape closes the innermost first.
    button.click()
    issues, regions = page.locator(".term-menu summary").all()
    issues.click()
    assert page.locator(".term-menu details").nth(0).get_attribute("open") == ""
    regions.click()
    assert page.locator(".term-menu details").nth(0).get_attribute("open") is None
    assert page.locator(".term-menu details").nth(1).get_attribute("open") == ""
    page.keyboard.press("Escape")
    assert page.locator(".term-menu details[open]").count() == 0
    assert focused(page, ".term-menu:nth-child(5) summary")
    assert menu_shown(page)
    page.keyboard.press("Escape")
    assert not menu_shown(page)
    assert focused(page, ".site-menu__button")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_desktop_header_keeps_its_row(site, browser, language):
    page = open_page(browser, home(site, language), viewport=DESKTOP)
    assert page.locator(".site-menu__button").is_hidden()
    assert page.locator(".site-menu__toggle").is_hidden()
    for part in (".site-nav", ".search-box--header", ".language-switcher"):
        assert page.locator(part).is_visible()
    # Two rows, as before the phone menu: the name and the navigation, then the
    # search box and the language switcher (111 px in English, 120 in Arabic).
    assert header_height(page) <= 125

    def middle(selector):
        box = page.locator(selector).bounding_box()
        return box["y"] + box["height"] / 2

    assert abs(middle(".site-header__brand") - middle(".site-nav")) < 10
    assert abs(middle(".search-box--header") - middle(".language-switcher")) < 10
    assert middle(".search-box--header") > middle(".site-nav") + 20

    # The drop-downs: one open at a time, Escape and a click outside close them.
    issues, regions = page.locator(".term-menu summary").all()
    issues.click()
    regions.click()
    assert page.locator(".term-menu details[open]").count() == 1
    page.keyboard.press("Escape")
    assert page.locator(".term-menu details[open]").count() == 0
    issues.click()
    page.locator("main").click(position={"x": 20, "y": 300})
    assert page.locator(".term-menu details[open]").count() == 0
