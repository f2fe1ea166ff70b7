"""The admin index's workflow lists and the editorial calendar."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.factories import make_article
from tests.html import parse
from tests.workflow.conftest import client_for
from workflow.roles import CONTRIBUTOR, EDITOR, EXPERT_MANAGER

pytestmark = pytest.mark.django_db


def titles(response, list_id):
    tree = parse(response)
    return [a.text_content() for a in tree.xpath(f"//*[@id='{list_id}']//th/a")]


def mine(user, title, status, **fields):
    article = make_article(title, status=status, **fields)
    article.created_by = user
    article.save()
    return article


def test_contributor_dashboard(client, users):
    """A contributor sees their drafts and the changes requested of them, not others' work."""
    author = users[CONTRIBUTOR]
    mine(author, "My draft", Status.DRAFT)
    mine(author, "Needs work", Status.CHANGES_REQUESTED)
    mine(users["other contributor"], "Their draft in review", Status.IN_REVIEW)
    client_for(client, author)
    response = client.get(reverse("admin:index"))
    assert titles(response, "dash-drafts") == ["My draft"]
    assert titles(response, "dash-changes") == ["Needs work"]
    assert titles(response, "dash-review") == []


def test_editor_dashboard(client, users):
    """An editor sees what awaits review, what is scheduled and what was published."""
    mine(users[CONTRIBUTOR], "Please review", Status.IN_REVIEW)
    make_article(
        "Coming soon",
        status=Status.SCHEDULED,
        published_at=timezone.now() + timedelta(days=2),
    )
    make_article("Out now")
    client_for(client, users[EDITOR])
    response = client.get(reverse("admin:index"))
    assert titles(response, "dash-review") == ["Please review"]
    assert titles(response, "dash-scheduled") == ["Coming soon"]
    assert titles(response, "dash-published") == ["Out now"]


def test_dashboard_queries_do_not_grow(client, users):
    """The index costs the same number of queries with 1 or 6 articles in each list."""
    client_for(client, users[EDITOR])
    make_article()
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("admin:index"))
    for n in range(5):
        make_article()
        mine(users[EDITOR], f"Draft {n}", Status.DRAFT)
        mine(users[CONTRIBUTOR], f"Review {n}", Status.IN_REVIEW)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("admin:index"))
    assert len(many) == len(one)
    # Session, user, 2 × permissions, the notices, the 5 dashboard lists, recent actions.
    assert len(many) == 11


def test_expert_manager_has_no_dashboard(client, users):
    client_for(client, users[EXPERT_MANAGER])
    response = client.get(reverse("admin:index"))
    assert b"workflow-dashboard" not in response.content


def test_calendar_shows_scheduled_and_published_by_day(client, users):
    """The month view lists each article on its day, with its status."""
    tz = timezone.get_current_timezone()
    make_article("Autumn piece", published_at=datetime(2026, 11, 3, 9, 0, tzinfo=tz))
    make_article(
        "Planned piece",
        status=Status.SCHEDULED,
        published_at=datetime(2026, 11, 20, 14, 30, tzinfo=tz),
    )
    make_article("Other month", published_at=datetime(2026, 10, 3, 9, 0, tzinfo=tz))
    make_article(
        "A draft",
        status=Status.DRAFT,
        published_at=datetime(2026, 11, 4, 9, 0, tzinfo=tz),
    )
    client_for(client, users[EDITOR])
    response = client.get(reverse("admin:articles_article_calendar") + "?month=2026-11")
    tree = parse(response)

    def day(date):
        return [
            a.text_content() for a in tree.xpath(f"//td[@data-date='{date}']//li/a")
        ]

    assert day("2026-11-03") == ["Autumn piece"]
    assert day("2026-11-20") == ["Planned piece"]
    assert day("2026-11-04") == []
    assert "Other month" not in response.content.decode()
    assert tree.xpath("//a[@rel='next']/@href") == ["?month=2026-12"]
    assert tree.xpath("//a[@rel='prev']/@href") == ["?month=2026-10"]
