"""
The editor's toolbar in Chromium, as an editor uses it: the link chooser
(search as you type, pick), the note button, the figure button (the library's
images), the embed button (an allowed host is taken, any other refused with a
message). Saved, the body holds references (no address), and the public page
draws them.
"""

import pytest
from playwright.sync_api import expect

from articles.models import Article, Status
from tests import files
from tests.admin_forms import change_url
from tests.browser import chromium_page, log_in
from tests.factories import committed, make_article
from tests.html import fragment

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHART = "https://datawrapper.dwcdn.net/Xy12Z/3/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-editor-1"
    )


class Dialogs:
    """Answers the page's prompts in turn, and keeps what its alerts said."""

    def __init__(self, page):
        self.answers, self.alerts, self.prompts = [], [], []
        page.on("dialog", self.answer)

    def answer(self, dialog):
        if dialog.type == "alert":
            self.alerts.append(dialog.message)
            dialog.accept()
        elif dialog.type == "prompt":
            self.prompts.append(dialog.message)
            dialog.accept(self.answers.pop(0))
        else:
            dialog.dismiss()


def test_toolbar_link_note_figure_and_embed(live_server, editor, settings):
    settings.RICHTEXT_AUTOSAVE_SECONDS = 0
    with committed():
        image = files.library_image(
            files.photo((1200, 800)),
            title="Dry canal",
            alt_en="A dry canal near Basra",
            caption_en="Basra, 2024",
        )
    target = make_article(
        "Water and war", languages=("en", "ar"), title_ar="الماء والحرب"
    )
    make_article("Sanctions after the deal")
    article = make_article(
        "Flows on the Euphrates",
        status=Status.DRAFT,
        body_en="<p>Flows fell by a third.</p>",
    )
    errors = []
    with chromium_page() as page:
        page.on("pageerror", lambda error: errors.append(str(error)))
        dialogs = Dialogs(page)
        log_in(page, live_server)
        page.goto(live_server.url + change_url(article))
        field = page.locator(".field-body_en")
        body = field.locator(".ProseMirror[contenteditable=true]")
        body.wait_for()

        def at_the_end():
            body.click()
            page.keyboard.press("Control+End")

        # The link chooser: search as you type, in either language, then pick.
        at_the_end()
        page.keyboard.type(" See ")
        field.locator("[title='Link to a page of the site or a document']").click()
        chooser = page.locator("dialog.tt-chooser")
        expect(chooser).to_be_visible()
        search = chooser.get_by_label("Search (English or Arabic)")
        search.press_sequentially("الماء", delay=50)
        choice = chooser.locator(f"button[data-ref='article:{target.pk}']")
        expect(choice).to_have_text("Analysis: Water and war")
        expect(chooser.locator("button[data-ref]")).to_have_count(1)
        search.fill("")
        search.press_sequentially("zzzz", delay=50)
        expect(chooser.get_by_text("Nothing found")).to_be_visible()
        search.fill("")
        search.press_sequentially("water", delay=50)
        expect(choice).to_be_visible()
        choice.click()
        expect(chooser).to_have_count(0)
        expect(body.locator(f"a[data-ref='article:{target.pk}']")).to_have_text(
            "Water and war"
        )

        # A note: the reference here, the note at the end, linked both ways.
        at_the_end()
        dialogs.answers.append("Ministry of Water Resources, 2024.")
        field.locator("[title='Add a note']").click()
        expect(body.locator("a[role=doc-noteref]")).to_have_text("1")
        expect(body.locator("ol[role=doc-endnotes] li#fn1")).to_contain_text(
            "Ministry of Water Resources, 2024."
        )

        # A figure from the library, chosen by searching.
        body.locator("p").first.click()
        page.keyboard.press("End")
        field.locator("[title='Figure from the library']").click()
        chooser = page.locator("dialog.tt-chooser")
        chooser.get_by_label("Search (English or Arabic)").press_sequentially(
            "canal", delay=50
        )
        dialogs.answers.append("")  # the image's own alt text
        chooser.locator(f"button[data-ref='image:{image.pk}']").click()
        expect(body.locator(".tt-figure")).to_contain_text("Dry canal")

        # An embed: another host is refused with a message, nothing inserted…
        dialogs.answers.append("https://tracker.example/chart")
        field.locator("[title='Embed a chart or video']").click()
        expect(body.locator(".tt-embed")).to_have_count(0)
        assert len(dialogs.alerts) == 1
        assert "datawrapper.dwcdn.net" in dialogs.alerts[0]
        # …an allowed one is taken, with its title.
        dialogs.answers += [CHART, "River flows, 2015-2025"]
        field.locator("[title='Embed a chart or video']").click()
        expect(body.locator(".tt-embed")).to_contain_text("River flows, 2015-2025")
        assert len(dialogs.alerts) == 1
        assert dialogs.answers == []

        # Saved without the leave-page question.
        page.click("input[name=_continue]")
        page.wait_for_load_state()
        expect(page.locator(".messagelist .success")).to_be_visible()
    assert errors == []

    stored = fragment(f"<div>{Article.objects.get(pk=article.pk).body_en}</div>")
    assert stored.xpath("//a[@data-ref]/@data-ref") == [f"article:{target.pk}"]
    assert stored.xpath("//a[@data-ref]/@href") == []  # a reference, not an address
    assert stored.xpath("//sup/a[@role='doc-noteref']/@href") == ["#fn1"]
    assert stored.xpath(
        "//ol[@role='doc-endnotes']/li//a[@role='doc-backlink']/@href"
    ) == ["#fnref1"]
    assert stored.xpath("//figure/@data-image") == [str(image.pk)]
    (frame,) = stored.xpath("//iframe")
    assert (frame.get("src"), frame.get("title")) == (CHART, "River flows, 2015-2025")
