"""The rich-text editor in Chromium: its tools, spellcheck, word count, leave-page warning and autosave."""

import pytest
from django.urls import reverse

from articles.models import Article
from history.models import Revision, RevisionKind
from tests.browser import chromium_page, log_in, screenshot
from tests.factories import make_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-editor-1"
    )


def test_editor_tools_warning_and_one_autosave(live_server, editor, settings):
    settings.RICHTEXT_AUTOSAVE_SECONDS = 1
    article = make_article(
        "Water and power",
        languages=("en", "ar"),
        body_en="<p>Flows fell by a third in two years.</p>",
    )
    change = reverse("admin:articles_article_change", args=[article.pk])
    dialogs, console = [], []
    with chromium_page() as page:
        # (The browser's own favicon request is no resource of the page: its
        # 404 reaches the console only; the page's answers are checked below.)
        page.on(
            "console",
            lambda m: (
                m.type == "error"
                and not m.text.startswith("Failed to load resource")
                and console.append(m.text)
            ),
        )
        page.on("pageerror", lambda error: console.append(str(error)))
        page.on(
            "response",
            lambda r: r.status >= 400 and console.append(f"{r.status} {r.url}"),
        )
        log_in(page, live_server)
        page.goto(live_server.url + change)
        body = page.locator(".field-body_en .ProseMirror[contenteditable=true]")
        body.wait_for()
        assert body.get_attribute("spellcheck") != "false"
        count = page.locator(".field-body_en .tt-wordcount")
        assert count.inner_text().startswith("8 words")
        for title in (
            "Link to a page of the site or a document",
            "Add a note",
            "Figure from the library",
            "Embed a chart or video",
        ):
            assert page.locator(f".field-body_en [title='{title}']").count() == 1
        page.screenshot(path=screenshot("editor-en.png"), full_page=False)

        body.click()
        page.keyboard.press("End")
        # One input event: the autosave (every second here) takes all of it
        # or none, however slowly the machine types.
        page.keyboard.insert_text(" Farmers moved.")
        assert count.inner_text().startswith("10 words")
        status = page.locator(".tt-autosave")
        status.filter(has_text="saved automatically").wait_for()

        # Leaving the page asks first (the browser's own question).
        with page.expect_event("dialog") as asked:
            page.close(run_before_unload=True)
        dialogs.append(asked.value.type)
        asked.value.dismiss()
    assert dialogs == ["beforeunload"]
    assert console == []
    stored = Article.objects.get(pk=article.pk)
    assert stored.body_en == "<p>Flows fell by a third in two years.</p>"
    (kept,) = Revision.objects.of(stored).filter(kind=RevisionKind.AUTOSAVE)
    assert "Farmers moved." in kept.data["fields"]["body_en"]


def test_editor_in_arabic(live_server, editor):
    article = make_article("Water and power", languages=("en", "ar"))
    change = reverse("admin:articles_article_change", args=[article.pk])
    with chromium_page() as page:
        log_in(page, live_server)
        page.goto(live_server.url + "/ar" + change)
        panel = page.locator(".field-title_ar").get_attribute("id")
        page.locator(f"[role=tab][aria-controls='{panel}']").click()
        body = page.locator(".field-body_ar .ProseMirror[contenteditable=true]")
        body.wait_for()
        assert page.locator(".field-body_ar [title='أضف حاشية']").count() == 1
        assert "كلمة" in page.locator(".field-body_ar .tt-wordcount").inner_text()
        page.screenshot(path=screenshot("editor-ar.png"), full_page=False)
