"""The calendar and scheduling at the ends of the dates Python and the database can hold."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.admin_forms import change_url
from tests.html import parse
from tests.workflow.conftest import client_for
from tests.workflow.helpers import press
from tests.workflow.test_transitions import draft_by
from workflow.roles import CONTRIBUTOR, EDITOR

pytestmark = pytest.mark.django_db


def calendar(client, month):
    response = client.get(f"{reverse('admin:articles_article_calendar')}?month={month}")
    assert response.status_code == 200, (month, response.status_code)
    return parse(response)


def errors(client, article):
    tree = parse(client.get(change_url(article)))
    return [li.text_content() for li in tree.xpath("//ul[@class='messagelist']/li")]


@pytest.mark.parametrize(
    ("month", "caption", "prev", "next"),
    [
        ("9999-12", "December 9999", ["?month=9999-11"], []),
        ("0001-01", "January 0001", [], ["?month=0001-02"]),
        ("2026-01", "January 2026", ["?month=2025-12"], ["?month=2026-02"]),
    ],
)
@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Tokyo"])
def test_calendar_at_the_ends_of_time(
    client, users, settings, zone, month, caption, prev, next
):
    """Defect 26: December 9999 and January of year 1 render, without a link to a month that cannot exist."""
    # West of UTC the last evening of 9999 overflows; east of it, the first morning of year 1.
    settings.TIME_ZONE = zone
    client_for(client, users[EDITOR])
    tree = calendar(client, month)
    assert tree.xpath("//table[@class='calendar-month']/caption")[0].text == caption
    assert tree.xpath("//a[@rel='prev']/@href") == prev
    assert tree.xpath("//a[@rel='next']/@href") == next
    assert len(tree.xpath("//td[@data-date]")) == 31


def test_scheduling_on_the_last_day_of_9999(client, users, settings):
    """Defect 26: a moment that is still 9999 in UTC is scheduled; one that is already 10000 is refused with a message."""
    settings.TIME_ZONE = "America/New_York"
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    # 23:59 in New York is 04:59 on January 1, 10000 in UTC: it cannot be stored.
    assert (
        press(client, article, "schedule", when="9999-12-31T23:59").status_code == 302
    )
    article.refresh_from_db()
    assert article.status == Status.APPROVED
    assert any(
        "too far in the future" in message for message in errors(client, article)
    )

    press(client, article, "schedule", when="9999-12-31T10:00")
    article.refresh_from_db()
    assert article.status == Status.SCHEDULED
    local = timezone.localtime(article.published_at)
    assert (local.year, local.month, local.day, local.hour) == (9999, 12, 31, 10)
    # The calendar of that month shows it on its day.
    tree = calendar(client, "9999-12")
    assert [
        a.text_content() for a in tree.xpath("//td[@data-date='9999-12-31']//li/a")
    ] == [article.title_en]
