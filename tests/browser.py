"""
Debian's Chromium through Playwright, for what a browser must show: one way to
start it, sign in to the admin and keep screenshots.
"""

import contextlib
import os

from django.conf import settings
from django.urls import reverse
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in the test's thread.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ARTIFACTS = settings.BASE_DIR / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(playwright):
    """A fresh Chromium from ``playwright`` (``sync_playwright()``'s handle)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@contextlib.contextmanager
def chromium():
    """A fresh Chromium, closed after."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def chromium_page(viewport=None, locale="en-US"):
    """
    A page in a fresh Chromium. The ORM must not be used inside: Playwright runs
    this code in a greenlet with its own context, where Django would open (and
    leave open) a second database connection.
    """
    with chromium() as browser:
        context = browser.new_context(
            viewport=viewport or {"width": 1280, "height": 1600}, locale=locale
        )
        yield context.new_page()


def log_in(page, live_server, username="editor", password="pw-editor-1"):
    """Sign in to the admin through its login form."""
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))


def screenshot(name):
    """Where the screenshot ``name`` is kept (artifacts/)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


def audit(page, axe_script):
    """axe-core's serious and critical violations on the current page."""
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
