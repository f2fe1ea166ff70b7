"""
The change page has one date input for every transition button that reads a
moment (schedule, reschedule, publish a language later, schedule the
unpublication), with its time zone beside it. Whichever button is pressed
takes it, through the same server-side checks; a date that cannot be read, or
one sent with a button that takes none, is refused and nothing moves.
"""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from articles.models import Status
from tests.admin_forms import change_url
from tests.html import parse, texts
from tests.workflow.conftest import client_for
from tests.workflow.helpers import press
from tests.workflow.test_transitions import draft_by
from workflow.models import Transition
from workflow.roles import CONTRIBUTOR, EDITOR

pytestmark = pytest.mark.django_db

WHEN = "CHANGE_FORM-when"


def local(moment):
    """``moment`` as the datetime-local input writes it, in the institute's zone."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def later(days):
    return (timezone.now() + timedelta(days=days)).replace(second=0, microsecond=0)


def said(response):
    """The messages the redirect carries to the next page."""
    return [str(m) for m in response.wsgi_request._messages]


def workflow_box(client, article):
    page = parse(client.get(change_url(article)))
    (box,) = page.xpath("//fieldset[contains(@class, 'workflow-actions')]")
    return box


@override_settings(TIME_ZONE="Asia/Beirut")
def test_one_date_input_with_its_zone_names_the_buttons_that_use_it(client, users):
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    box = workflow_box(client, article)
    (date_input,) = box.xpath(".//input[@type='datetime-local']")
    assert date_input.get("name") == WHEN
    assert texts(box, ".//span[contains(@class, 'time-zone')]")[0].startswith(
        "time zone: Asia/Beirut"
    )
    (used_by,) = texts(box, f".//*[@id='{date_input.get('id')}_buttons']")
    for label in (
        "Schedule",
        "Publish the Arabic version",
        "Publish the English version",
    ):
        assert label in used_by
    assert "Publish now" not in used_by
    # Once published: the same single input serves the later steps.
    press(client, article, "publish")
    box = workflow_box(client, article)
    assert len(box.xpath(".//input[@type='datetime-local']")) == 1
    (used_by,) = texts(box, ".//div[contains(@id, '_buttons')]")
    assert "Schedule the unpublication" in used_by


def test_the_same_input_goes_with_whichever_button(client, users):
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    start, arabic, moved, end = later(3), later(4), later(2), later(9)
    press(client, article, "publish_ar", when=local(arabic))
    press(client, article, "publish_en")
    press(client, article, "schedule", when=local(start))
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Status.SCHEDULED, start)
    assert article.live_from_ar == arabic
    press(client, article, "reschedule", when=local(moved))
    press(client, article, "schedule_unpublish", when=local(end))
    article.refresh_from_db()
    assert article.published_at == moved
    assert article.unpublish_at == end
    assert [
        t.name for t in Transition.objects.filter(article=article).order_by("pk")
    ] == [
        "publish_ar",
        "publish_en",
        "schedule",
        "reschedule",
        "schedule_unpublish",
    ]


def test_a_date_that_cannot_be_read_is_refused_not_taken_for_now(client, users):
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    press(client, article, "publish_en")
    press(client, article, "publish")
    response = press(client, article, "publish_ar", when="tomorrow at nine")
    assert response.status_code == 302
    assert any(m.startswith("Date and time:") for m in said(response))
    article.refresh_from_db()
    assert (article.available_ar, article.live_from_ar) == (False, None)
    assert not Transition.objects.filter(article=article, name="publish_ar").exists()
    # Positive control: a date the input wrote is taken.
    tomorrow = later(1)
    press(client, article, "publish_ar", when=local(tomorrow))
    article.refresh_from_db()
    assert article.available_ar and article.live_from_ar == tomorrow


def test_a_date_sent_with_a_button_that_takes_none_is_refused(client, users):
    """A date typed, then "Publish now" pressed: the editor meant Schedule; nothing goes live."""
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    response = press(client, article, "publish", when=local(later(5)))
    assert any("takes no date" in m for m in said(response))
    article.refresh_from_db()
    assert article.status == Status.APPROVED
    press(client, article, "publish")  # positive control: without the date
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_each_buttons_own_checks_still_apply(client, users):
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    past = local(timezone.now() - timedelta(days=1))
    response = press(client, article, "schedule", when=past)
    assert any("publication date in the future" in m for m in said(response))
    response = press(client, article, "schedule")
    assert any("publication date in the future" in m for m in said(response))
    article.refresh_from_db()
    assert article.status == Status.APPROVED
    start = later(3)
    press(client, article, "schedule", when=local(start))
    response = press(client, article, "schedule_unpublish", when=local(later(2)))
    assert any("must come after the publication date" in m for m in said(response))
    response = press(client, article, "reschedule", when=past)
    assert any("publication date in the future" in m for m in said(response))
    article.refresh_from_db()
    assert (article.published_at, article.unpublish_at) == (start, None)
