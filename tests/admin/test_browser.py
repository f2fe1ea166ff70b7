import os
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils.translation import get_language_info

from articles.models import Article

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
sync_api = pytest.importorskip("playwright.sync_api")

ARTIFACTS = os.path.join(os.path.dirname(__file__), "..", "..", "artifacts")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def browser_page():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        context = browser.new_context(
            viewport={"width": 1280, "height": 1600}, locale="en-US"
        )
        yield context.new_page()
        browser.close()


def log_in(page, live_server, django_user_model):
    django_user_model.objects.create_superuser("editor", "e@example.org", "pw-editor-1")
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-editor-1")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))


def is_local(url, live_server):
    return urlsplit(url).hostname == urlsplit(live_server.url).hostname


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_article_form_in_chromium(live_server, django_user_model, browser_page):
    """
    The article form works offline under the CSP: the language tabs switch,
    Arabic is right to left, and each language's body has a prose editor whose
    text is saved.
    """
    page = browser_page
    requests, failures, console = [], [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and failures.append(urlsplit(response.url).path)
        ),
    )
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: console.append(f"page error: {error}"))
    log_in(page, live_server, django_user_model)

    page.goto(live_server.url + reverse("admin:articles_article_add"))
    english_body = page.locator(".field-body_en .ProseMirror[contenteditable=true]")
    arabic_body = page.locator(".field-body_ar .ProseMirror[contenteditable=true]")
    english_body.wait_for()
    arabic_body.wait_for(state="attached")

    # English first: its rows show, the Arabic ones wait behind their tabs.
    assert page.locator("#id_title_en").is_visible()
    assert not page.locator("#id_title_ar").is_visible()
    assert not arabic_body.is_visible()
    page.select_option("#id_type", label="Brief Analysis")
    page.fill("#id_title_en", "Oil and the Gulf")
    english_body.click()
    page.keyboard.type("Exports rose in the spring.")
    page.screenshot(path=screenshot("admin-article-add-en.png"), full_page=True)

    panel = page.locator(".field-title_ar").get_attribute("id")
    tab = page.locator(f"[role=tab][aria-controls='{panel}']")
    assert tab.inner_text() == get_language_info("ar")["name_local"]
    tab.click()
    assert not page.locator("#id_title_en").is_visible()
    assert page.locator("#id_title_ar").is_visible()
    assert arabic_body.is_visible()  # every field switched, not only the title
    assert (
        page.eval_on_selector("#id_title_ar", "e => getComputedStyle(e).direction")
        == "rtl"
    )
    assert arabic_body.get_attribute("dir") == "rtl"
    assert arabic_body.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert english_body.evaluate("e => getComputedStyle(e).direction") == "ltr"
    page.fill("#id_title_ar", "النفط والخليج")
    arabic_body.click()
    page.keyboard.type("ارتفعت الصادرات في الربيع.")
    page.screenshot(path=screenshot("admin-article-add-ar.png"), full_page=True)

    page.click("input[name=_save]")
    page.wait_for_url(live_server.url + reverse("admin:articles_article_changelist"))
    article = Article.objects.get()
    assert article.title_ar == "النفط والخليج"
    assert article.slug_ar == "alnft-walkhlyj"
    assert article.body_en == "<p>Exports rose in the spring.</p>"
    assert article.body_ar == "<p>ارتفعت الصادرات في الربيع.</p>"

    assert [url for url in requests if not is_local(url, live_server)] == []
    # The browser asks for /favicon.ico on its own; the site has none yet.
    assert set(failures) <= {"/favicon.ico"}
    assert [
        text for text in console if not text.startswith("Failed to load resource")
    ] == []


def screenshot(name):
    os.makedirs(ARTIFACTS, exist_ok=True)
    return os.path.join(ARTIFACTS, name)
