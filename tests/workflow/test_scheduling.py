"""Scheduled articles appear exactly at their moment; publish_scheduled records it once."""

import io
import threading
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from tests.factories import make_article
from workflow.models import Transition
from workflow.services import publish_due

MOMENT = timezone.now().replace(microsecond=0) + timedelta(days=30)


def at(moment):
    """Pretend the clock says ``moment`` (everything reads django.utils.timezone.now)."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.mark.django_db
def test_readers_see_it_from_the_moment(client):
    """One second before: not found; one second after: on its page and in the listing, with no job run."""
    article = make_article(status=Status.SCHEDULED, published_at=MOMENT)
    url = article.get_absolute_url()
    with at(MOMENT - timedelta(seconds=1)):
        assert client.get(url).status_code == 404
        assert url not in client.get(reverse("article_list")).content.decode()
    with at(MOMENT + timedelta(seconds=1)):
        assert client.get(url).status_code == 200
        assert url in client.get(reverse("article_list")).content.decode()
    article.refresh_from_db()
    assert article.status == Status.SCHEDULED


@pytest.mark.django_db
def test_publish_scheduled_runs_the_side_effects_once():
    """Before the moment nothing happens; after it, one run publishes and logs, the next does nothing."""
    article = make_article(status=Status.SCHEDULED, published_at=MOMENT)
    with at(MOMENT - timedelta(seconds=1)):
        out = io.StringIO()
        call_command("publish_scheduled", stdout=out)
    assert "Published 0" in out.getvalue()
    article.refresh_from_db()
    assert article.status == Status.SCHEDULED
    with at(MOMENT + timedelta(seconds=1)):
        assert publish_due() == [article.pk]
        assert publish_due() == []
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    (record,) = Transition.objects.filter(article=article)
    assert (record.name, record.actor, record.from_status, record.to_status) == (
        "publish_scheduled",
        None,
        Status.SCHEDULED,
        Status.PUBLISHED,
    )


def assert_published_once(articles, results):
    """Each article was published by exactly one run, and logged once."""
    published = sorted(pk for result in results for pk in result)
    assert published == sorted(a.pk for a in articles)
    assert Transition.objects.filter(name="publish_scheduled").count() == len(articles)
    assert Article.objects.filter(status=Status.PUBLISHED).count() == len(articles)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_once_publish_once():
    """
    Two publish_scheduled runs at the same time publish each article once:
    two threads with their own connections, released together (SELECT ... FOR
    UPDATE SKIP LOCKED, then the conditional UPDATE that one runner wins).
    SQLite has one writer at a time, so it cannot run them at once.
    """
    past = timezone.now() - timedelta(minutes=1)
    articles = [
        make_article(status=Status.SCHEDULED, published_at=past) for _ in range(5)
    ]
    results = []
    barrier = threading.Barrier(2)

    def run():
        try:
            barrier.wait()
            results.append(publish_due())
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert_published_once(articles, results)


@pytest.mark.django_db
def test_a_second_run_finds_nothing_left_to_publish():
    """Runs one after the other: the second finds every article published already."""
    past = timezone.now() - timedelta(minutes=1)
    articles = [
        make_article(status=Status.SCHEDULED, published_at=past) for _ in range(5)
    ]
    results = [publish_due(), publish_due()]
    assert results[1] == []
    assert_published_once(articles, results)
