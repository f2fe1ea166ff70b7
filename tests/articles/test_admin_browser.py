"""The article form in Debian's Chromium, served by the live server under the site's CSP."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils.translation import get_language_info

from articles.models import Article, Status
from tests.browser import chromium_page, log_in, screenshot
from tests.factories import make_article, make_topic


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-editor-1"
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_article_form_in_chromium(live_server, editor):
    """
    The article form works offline under the CSP: the language tabs switch,
    Arabic is right to left, and each language's body has a prose editor whose
    text is saved.
    """
    requests, failures, console = [], [], []
    with chromium_page() as page:
        page.on("request", lambda request: requests.append(request.url))
        page.on(
            "response",
            lambda response: (
                response.status >= 400 and failures.append(urlsplit(response.url).path)
            ),
        )
        page.on("console", lambda message: console.append(message.text))
        page.on("pageerror", lambda error: console.append(f"page error: {error}"))

        log_in(page, live_server)
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
        assert page.get_by_role("tablist", name="Title", exact=True).count() == 1
        tab.click()
        assert not page.locator("#id_title_en").is_visible()
        assert page.locator("#id_title_ar").is_visible()
        assert arabic_body.is_visible()  # every field switched, not only the title
        direction = "e => getComputedStyle(e).direction"
        assert page.locator("#id_title_ar").evaluate(direction) == "rtl"
        assert arabic_body.get_attribute("dir") == "rtl"
        assert arabic_body.evaluate(direction) == "rtl"
        assert english_body.evaluate(direction) == "ltr"
        page.fill("#id_title_ar", "النفط والخليج")
        arabic_body.click()
        page.keyboard.type("ارتفعت الصادرات في الربيع.")
        page.screenshot(path=screenshot("admin-article-add-ar.png"), full_page=True)

        page.click("input[name=_save]")
        page.wait_for_url(
            live_server.url + reverse("admin:articles_article_changelist")
        )

    host = urlsplit(live_server.url).hostname
    assert [url for url in requests if urlsplit(url).hostname != host] == []
    # The browser asks for /favicon.ico by itself; the site has none yet.
    assert set(failures) <= {"/favicon.ico"}
    # CSP violations and script errors show on the console.
    assert [
        text for text in console if not text.startswith("Failed to load resource")
    ] == []

    article = Article.objects.get()
    assert article.title_ar == "النفط والخليج"
    assert article.slug_ar == "alnft-walkhlyj"
    assert article.body_en == "<p>Exports rose in the spring.</p>"
    assert article.body_ar == "<p>ارتفعت الصادرات في الربيع.</p>"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_arabic_error_opens_the_arabic_tab(live_server, editor):
    """After a refused save, the tabs open on the language with the error, marked as such."""
    make_topic("Oil", slug="alnft-walkhlyj")
    with chromium_page() as page:
        log_in(page, live_server)
        page.goto(live_server.url + reverse("admin:articles_article_add"))
        page.select_option("#id_type", label="Brief Analysis")
        page.fill("#id_title_en", "Oil and the Gulf")
        page.locator(".mt-tab[data-mt-lang=ar]").first.click()
        # The Arabic slug proposed from this title is the topic's.
        page.fill("#id_title_ar", "النفط والخليج")
        page.click("input[name=_save]")
        page.wait_for_selector(".errornote")

        slug_row = page.locator(".field-slug_ar")
        assert slug_row.is_visible()
        assert not page.locator(".field-slug_en").is_visible()
        assert 'topic "Oil"' in slug_row.locator(".errorlist").inner_text()
        assert page.locator("#id_slug_ar").input_value() == "alnft-walkhlyj"
        tab = page.locator(
            f"[role=tab][aria-controls='{slug_row.get_attribute('id')}']"
        )
        assert tab.get_attribute("aria-selected") == "true"
        assert "mt-tab-error" in tab.get_attribute("class").split()
        page.screenshot(path=screenshot("admin-article-slug-clash.png"), full_page=True)
    assert not Article.objects.exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_leaving_unsaved_edits_asks_first(live_server, editor):
    """
    Defect 6: with unsaved edits, leaving the change page asks first (under
    the CSP); untouched, or when a workflow button saves the edits, it does not.
    """
    article = make_article("Dams on the Tigris", status=Status.DRAFT)
    url = live_server.url + reverse("admin:articles_article_change", args=[article.pk])
    home = live_server.url + reverse("admin:index")
    dialogs, console = [], []
    with chromium_page() as page:
        page.on("console", lambda message: console.append(message.text))
        page.on("pageerror", lambda error: console.append(f"page error: {error}"))

        def answer(dialog):
            dialogs.append(dialog.type)
            dialog.dismiss()  # "Stay on this page"

        page.on("dialog", answer)
        log_in(page, live_server)

        # Positive control: nothing typed, the page is left without a question.
        page.goto(url)
        page.click("#id_title_en")
        page.click(f"a[href='{reverse('admin:index')}']")
        page.wait_for_url(home)
        assert dialogs == []

        # An edit, then a link: the browser asks, and the editor stays.
        page.goto(url)
        page.click("#id_title_en")
        page.keyboard.type(" after the drought")
        with page.expect_event("dialog"):
            page.click(f"a[href='{reverse('admin:index')}']")
        assert dialogs == ["beforeunload"]
        assert page.url == url
        assert (
            page.input_value("#id_title_en") == "Dams on the Tigris after the drought"
        )

        # A workflow button submits the form: no question, and the edit is saved.
        page.click("button[name='CHANGE_FORM-action'][value='submit']")
        page.wait_for_selector(".messagelist")
        assert dialogs == ["beforeunload"]
    assert [text for text in console if "Failed to load resource" not in text] == []
    article.refresh_from_db()
    assert article.title_en == "Dams on the Tigris after the drought"
    assert article.status == Status.IN_REVIEW
