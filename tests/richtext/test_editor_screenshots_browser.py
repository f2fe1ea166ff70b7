"""
The rich-text editor of a bilingual brief (notes, a library figure, an embed,
internal links) in Chromium, in the English admin and the Arabic one (right to
left), screenshotted into artifacts/screenshots/ (not committed) for a person
to look at: the toolbar, the writing aids, the workflow's one date input.
"""

import pytest
from playwright.sync_api import expect

from articles.models import Status
from tests import files
from tests.admin_forms import change_url
from tests.browser import ARTIFACTS, chromium_page, log_in
from tests.factories import committed, make_article, make_expert, make_topic

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = ARTIFACTS / "screenshots"
CHART = "https://datawrapper.dwcdn.net/Xy12Z/3/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-editor-1"
    )


def body(image, refs, language):
    article, expert, topic = refs
    words = {
        "en": (
            "Flows on the Euphrates fell by a third",
            ("our earlier analysis", "our fellow", "the topic"),
            "River flows, 2015-2025",
            "Ministry of Water Resources, 2024.",
        ),
        "ar": (
            "انخفضت تدفقات الفرات بمقدار الثلث",
            ("تحليلنا السابق", "زميلنا", "الموضوع"),
            "تدفقات النهر، 2015-2025",
            "وزارة الموارد المائية، 2024.",
        ),
    }[language]
    first, names, title, note = words
    links = (", " if language == "en" else "، ").join(
        f'<a data-ref="{ref}">{name}</a>'
        for ref, name in zip((article, expert, topic), names, strict=True)
    )
    return (
        f'<p>{first}.<sup><a href="#fn1" id="fnref1" role="doc-noteref">1</a></sup> '
        f"{links}.</p>"
        f'<figure data-image="{image.pk}"></figure>'
        f'<iframe src="{CHART}" title="{title}"></iframe>'
        f'<ol role="doc-endnotes"><li id="fn1"><p>{note} '
        f'<a href="#fnref1" role="doc-backlink">↩</a></p></li></ol>'
    )


@pytest.fixture
def brief(db):
    with committed():
        image = files.library_image(
            files.photo((1200, 800)), title="Dry canal", alt_en="A dry canal"
        )
        target = make_article("Water and war", languages=("en", "ar"))
        refs = (
            f"article:{target.pk}",
            f"expert:{make_expert('Lina Haddad').pk}",
            f"topic:{make_topic('Hydropolitics').pk}",
        )
    return make_article(
        "The Euphrates runs dry",
        title_ar="الفرات يجف",
        languages=("en", "ar"),
        status=Status.APPROVED,
        authors=1,
        body_en=body(image, refs, "en"),
        body_ar=body(image, refs, "ar"),
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_editor_screenshots(live_server, editor, brief, language, settings):
    settings.RICHTEXT_AUTOSAVE_SECONDS = 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    prefix = "/ar" if language == "ar" else ""
    errors = []
    with chromium_page(viewport={"width": 1280, "height": 1000}) as page:
        page.on("pageerror", lambda error: errors.append(str(error)))
        log_in(page, live_server)
        page.goto(live_server.url + prefix + change_url(brief))
        assert page.locator("html").get_attribute("dir") == (
            "rtl" if language == "ar" else "ltr"
        )
        if language == "ar":
            panel = page.locator(".field-title_ar").get_attribute("id")
            page.locator(f"[role=tab][aria-controls='{panel}']").click()
        field = page.locator(f".field-body_{language}")
        editor_box = field.locator(".ProseMirror[contenteditable=true]")
        editor_box.wait_for()
        expect(editor_box.locator(".tt-figure")).to_have_count(1)
        expect(editor_box.locator(".tt-embed")).to_have_count(1)
        expect(editor_box.locator("a[data-ref]")).to_have_count(3)
        page.evaluate("document.fonts.ready")
        field.scroll_into_view_if_needed()
        shot = SCREENSHOTS / f"editor-{language}.png"
        field.screenshot(path=str(shot))
        # The link chooser, open, searching.
        editor_box.locator("p").first.click()
        chooser_button = field.locator(
            "[title='Link to a page of the site or a document']"
            if language == "en"
            else "[title='رابط إلى صفحة من الموقع أو إلى وثيقة']"
        )
        chooser_button.click()
        chooser = page.locator("dialog.tt-chooser")
        chooser.locator("input").press_sequentially("water", delay=30)
        expect(chooser.locator("button[data-ref]")).to_have_count(1)
        page.screenshot(path=str(SCREENSHOTS / f"editor-chooser-{language}.png"))
        chooser.get_by_role(
            "button", name="Cancel" if language == "en" else "إلغاء"
        ).click()
        expect(chooser).to_have_count(0)
        # The workflow's buttons and their one date input.
        box = page.locator("fieldset.workflow-actions")
        box.scroll_into_view_if_needed()
        box.screenshot(path=str(SCREENSHOTS / f"editor-workflow-{language}.png"))
    assert errors == []
    print(f"\nscreenshots: {SCREENSHOTS}")
