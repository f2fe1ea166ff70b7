"""The library chooser in Debian's Chromium: choose an image, save, the public article shows it."""

from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, Status
from tests import files
from tests.admin_forms import change_url
from tests.browser import chromium_page, log_in, screenshot
from tests.factories import committed, make_article
from tests.html import cls, fragment


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-editor-1"
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_choose_a_lead_image_in_the_panel_and_publish_it(live_server, editor):
    with committed():
        files.library_image(files.photo((1600, 900)), title="Harbour cranes")
        image = files.library_image(
            files.photo((1600, 900)),
            title="Desert road",
            alt_en="A road across the dunes",
            collection="Landscapes",
        )
    article = make_article("Roads Through the Desert", status=Status.DRAFT)
    failures, errors = [], []
    with chromium_page() as page:
        page.on(
            "response",
            lambda r: r.status >= 400 and failures.append(urlsplit(r.url).path),
        )
        page.on("pageerror", lambda error: errors.append(str(error)))
        log_in(page, live_server)
        page.goto(live_server.url + change_url(article))
        page.locator("summary", has_text="Lead image").click()  # a folded fieldset
        chooser = page.locator(".tt-chooser[data-input=id_lead_image]")
        chooser.locator(".tt-chooser__open").click()
        dialog = page.locator("dialog.tt-chooser-dialog")
        dialog.locator(".tt-chooser-item").first.wait_for()
        assert dialog.locator(".tt-chooser-item").count() == 2
        dialog.locator("input[type=search]").fill("dunes")  # the alt text
        dialog.locator("button[type=submit]").click()
        dialog.locator(".tt-chooser-item").nth(0).wait_for()
        expect(dialog.locator(".tt-chooser-item")).to_have_count(1)
        dialog.locator("select[name=collection]").select_option("Landscapes")
        dialog.locator("button[type=submit]").click()
        expect(dialog.locator(".tt-chooser-item")).to_have_count(1)
        thumb = dialog.locator(".tt-chooser-item img")
        assert "/rail-120x80" in thumb.get_attribute("src")
        page.screenshot(path=screenshot("library-chooser.png"))
        dialog.locator(".tt-chooser-item").click()
        assert page.locator("#id_lead_image").input_value() == str(image.pk)
        assert chooser.locator(".tt-chooser__title").text_content() == "Desert road"
        assert chooser.locator(".tt-chooser__thumbnail").is_visible()
        page.fill("#id_lead_image_alt_en", "A road across the dunes at noon")
        page.click("input[name=_save]")
        page.wait_for_load_state()
    assert not failures and not errors, (failures, errors)
    article.refresh_from_db()
    assert article.lead_image_id == image.pk
    Article.objects.filter(pk=article.pk).update(
        status=Status.PUBLISHED, published_at=timezone.now()
    )
    with chromium_page() as page:
        page.goto(live_server.url + article.get_absolute_url())
        html = page.content()
    (img,) = fragment(html).xpath(f"//figure[{cls('lead-image')}]//img")
    assert img.get("alt") == "A road across the dunes at noon"
