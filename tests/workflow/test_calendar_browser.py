"""The editorial calendar in Debian's Chromium: move a scheduled piece by mouse and by keyboard."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from tests.browser import chromium_page, log_in, screenshot
from tests.factories import make_article


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-editor-1"
    )


def _day_in_middle_of_month():
    """A moment days ahead whose day has neighbours in the same month (both directions)."""
    moment = timezone.localtime() + timedelta(days=2)
    while not 9 <= moment.day <= 20:
        moment += timedelta(days=1)
    return moment.replace(hour=9, minute=0, second=0, microsecond=0)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_move_by_mouse_and_by_keyboard(live_server, editor):
    moment = _day_in_middle_of_month()
    article = make_article(
        "Water talks resume", status=Status.SCHEDULED, published_at=moment
    )
    calendar = (
        live_server.url
        + reverse("admin:articles_article_calendar")
        + f"?month={moment:%Y-%m}"
    )
    day = moment.date()
    errors = []
    with chromium_page() as page:
        page.on("pageerror", lambda error: errors.append(str(error)))
        log_in(page, live_server)
        page.goto(calendar)
        item = page.locator(".calendar-item[draggable=true]", has_text="Water talks")
        # Mouse: drag it two days later.
        target = page.locator(f"td[data-date='{day + timedelta(days=2):%Y-%m-%d}']")
        item.drag_to(target)
        page.wait_for_selector(".messagelist .success")
        page.screenshot(path=screenshot("admin-calendar-moved.png"), full_page=True)
        moved_cell = page.locator(
            f"td[data-date='{day + timedelta(days=2):%Y-%m-%d}'] .calendar-item"
        )
        assert "Water talks" in moved_cell.inner_text()

        # Keyboard: the item's Move button, one day back with the arrow, Enter.
        button = page.locator(".calendar-item", has_text="Water talks").locator(
            "button.calendar-pick"
        )
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-pressed") == "true"
        assert "Water talks" in page.locator(".calendar-announce").inner_text()
        page.keyboard.press("ArrowLeft")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_selector(".messagelist .success")
        page.screenshot(path=screenshot("admin-calendar-keyboard.png"), full_page=True)
    assert errors == []
    published = timezone.localtime(Article.objects.get(pk=article.pk).published_at)
    assert published.date() == day + timedelta(days=1)
    assert (published.hour, published.minute) == (9, 0)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_editors_own_time_zone_beside_the_institutes(live_server, editor):
    """An editor whose computer keeps another zone sees both next to the date input."""
    from tests.browser import chromium

    make_article(
        "Energy outlook",
        status=Status.SCHEDULED,
        published_at=timezone.now() + timedelta(days=2),
    )
    moment = timezone.localtime() + timedelta(days=2)
    with chromium() as browser:
        page = browser.new_context(timezone_id="Asia/Tokyo").new_page()
        log_in(page, live_server)
        page.goto(
            live_server.url
            + reverse("admin:articles_article_calendar")
            + f"?month={moment:%Y-%m}"
        )
        page.locator(".calendar-move summary").first.click()
        note = page.locator(".calendar-move span.time-zone").first.inner_text()
    zone = timezone.get_current_timezone_name()
    assert f"time zone: {zone}" in note
    assert "your computer’s time: Asia/Tokyo" in note
