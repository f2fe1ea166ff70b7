"""
The workflow's one date input in Chromium: an editor types an edit, picks
tomorrow 09:00 (Beirut, the zone shown beside the input) and presses "Publish
the Arabic version", then "Publish the English version" and "Publish now":
no leave-page question, the edit is kept, each button took its own meaning.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, Status
from tests.admin_forms import change_url
from tests.browser import chromium_page, log_in
from tests.factories import make_article
from workflow.models import Transition

BEIRUT = ZoneInfo("Asia/Beirut")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-editor-1"
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_date_then_the_buttons(live_server, editor, settings):
    settings.TIME_ZONE = "Asia/Beirut"
    settings.RICHTEXT_AUTOSAVE_SECONDS = 0
    article = make_article(
        "Water talks resume",
        status=Status.APPROVED,
        languages=("en", "ar"),
        authors=1,
    )
    Article.objects.filter(pk=article.pk).update(available_en=False, available_ar=False)
    day = timezone.localtime(timezone.now(), BEIRUT).date() + timedelta(days=1)
    moment = datetime.combine(day, time(9, 0), tzinfo=BEIRUT)
    dialogs, errors = [], []
    with chromium_page(locale="en-US") as page:
        page.on("dialog", lambda d: (dialogs.append(d.type), d.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        log_in(page, live_server)
        page.goto(live_server.url + change_url(article))
        box = page.locator("fieldset.workflow-actions")
        expect(box.locator(".time-zone")).to_contain_text("Asia/Beirut")
        expect(box.get_by_text("One date for the buttons that use it")).to_contain_text(
            "Publish the Arabic version"
        )
        page.fill("#id_title_en", "Water talks resume in Baghdad")
        box.get_by_label("Date and time").fill(moment.strftime("%Y-%m-%dT%H:%M"))
        box.get_by_role("button", name="Publish the Arabic version").click()
        expect(page.locator(".messagelist")).to_contain_text(
            "Publish the Arabic version: 1 article."
        )
        # After the redirect the input is empty again: the next buttons take no date.
        assert box.get_by_label("Date and time").input_value() == ""
        box.get_by_role("button", name="Publish the English version").click()
        expect(page.locator(".messagelist")).to_contain_text("1 article.")
        box.get_by_role("button", name="Publish now").click()
        expect(page.locator(".messagelist")).to_contain_text("Publish now: 1 article.")
    assert dialogs == [] and errors == []
    article.refresh_from_db()
    assert article.title_en == "Water talks resume in Baghdad"
    assert article.status == Status.PUBLISHED
    assert article.live_from_ar == moment
    assert article.live_languages() == ["en"]
    assert [
        t.name for t in Transition.objects.filter(article=article).order_by("pk")
    ] == [
        "publish_ar",
        "publish_en",
        "publish",
    ]
