"""
"Being edited by X" means X has the change page open now: the page sends a
heartbeat every half minute, presence lapses without one, and leaving the
page releases it.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from history import services
from history.models import EditLock
from tests.admin_forms import change_url
from tests.browser import chromium_page, log_in
from tests.factories import make_article
from tests.html import parse

pytestmark = pytest.mark.django_db


def presence_url(article):
    return reverse("admin:articles_article_presence", args=[article.pk])


@pytest.fixture
def article():
    return make_article(status=Status.DRAFT)


@pytest.fixture
def alice(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "alice", "alice@example.org", "pw", first_name="Alice"
    )
    client.force_login(user)
    return client


@pytest.fixture
def bob(django_user_model):
    user = django_user_model.objects.create_superuser(
        "bob", "bob@example.org", "pw", first_name="Bob"
    )
    client = Client()
    client.force_login(user)
    return client


def editing(client, article):
    """The names in the change page's "Being edited by" notices."""
    page = parse(client.get(change_url(article)))
    return [
        li.text_content().split(" since ")[0].removeprefix("Being edited by ")
        for li in page.xpath("//ul[contains(@class, 'tt-presence')]/li")
    ]


def silent_for(article, seconds):
    """Every lock on ``article`` was last refreshed ``seconds`` ago."""
    EditLock.objects.update(seen_at=timezone.now() - timedelta(seconds=seconds))


def test_presence_lapses_without_a_heartbeat(alice, bob, article):
    """Defect 10: opening the page is not being there a quarter of an hour later."""
    alice.get(change_url(article))
    assert editing(bob, article) == ["Alice"]
    silent_for(article, 91)  # a minute and a half without a heartbeat
    assert "Alice" not in editing(bob, article)


def test_a_heartbeat_keeps_presence(alice, bob, article):
    """Defect 10: a POST to the presence URL says the page is still open."""
    alice.get(change_url(article))
    since = EditLock.objects.get(user__username="alice").since
    silent_for(article, 80)
    response = alice.post(presence_url(article))
    assert response.status_code == 204
    silent_for(article, 0)
    EditLock.objects.filter(user__username="bob").delete()
    assert editing(bob, article) == ["Alice"]
    lock = EditLock.objects.get(user__username="alice")
    assert lock.since == since  # the same visit, still going on


def test_leaving_the_page_releases_presence(alice, bob, article):
    """Defect 10: the page's farewell (sent as it is hidden) ends presence at once."""
    alice.get(change_url(article))
    assert alice.post(presence_url(article), {"leave": "1"}).status_code == 204
    assert not EditLock.objects.filter(user__username="alice").exists()
    assert "Alice" not in editing(bob, article)


def test_only_editors_of_the_record_may_send_a_heartbeat(
    client, django_user_model, alice, article
):
    """Defect 10: someone who may only view the article is refused; an editor is not."""
    viewer = django_user_model.objects.create_user(
        "viewer", password="pw", is_staff=True
    )
    viewer.user_permissions.set(
        Permission.objects.filter(codename__in=["view_article", "edit_any_article"])
    )
    viewing = Client()
    viewing.force_login(viewer)
    assert viewing.get(change_url(article)).status_code == 200
    assert viewing.post(presence_url(article)).status_code == 403
    assert not EditLock.objects.filter(user=viewer).exists()
    # The control: the editor's heartbeat is taken.
    assert alice.post(presence_url(article)).status_code == 204
    assert EditLock.objects.filter(user__username="alice").exists()
    # Nor is the heartbeat anything but a POST.
    assert alice.get(presence_url(article)).status_code == 405


def test_the_change_page_loads_the_heartbeat_script(alice, article):
    """Defect 10: a script of our own, from the static files (the CSP allows no other)."""
    response = alice.get(change_url(article))
    page = parse(response)
    (script,) = page.xpath("//script[contains(@src, 'presence.js')]")
    assert script.get("src").endswith("/admin/history/presence.js")
    assert finders.find("admin/history/presence.js")
    assert script.get("data-presence-url") == presence_url(article)
    assert int(script.get("data-presence-every")) == services.HEARTBEAT_SECONDS
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_page_beats_while_open_and_says_goodbye_in_chromium(
    live_server, django_user_model
):
    """Defect 10: in a real browser, under the CSP: heartbeats while open, a beacon on leaving."""
    django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-editor-1"
    )
    article = make_article(status=Status.DRAFT)
    url = live_server.url + presence_url(article)
    console = []
    with chromium_page() as page:
        page.on("console", lambda message: console.append(message.text))
        page.clock.install()
        log_in(page, live_server)

        with page.expect_request_finished(lambda r: r.url == url) as first:
            page.goto(live_server.url + change_url(article))
        with page.expect_request_finished(lambda r: r.url == url) as second:
            page.clock.run_for(services.HEARTBEAT_SECONDS * 1000)
        # The browser fires pagehide as the page is left (a beacon sent then
        # is not reported to a page that is gone): fire it here.
        with page.expect_request_finished(lambda r: r.url == url) as farewell:
            page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))")
        beats = [first.value, second.value, farewell.value]
        assert [beat.response().status for beat in beats] == [204, 204, 204]
        posted = [beat.post_data for beat in beats]

    assert ['name="leave"' in data for data in posted] == [False, False, True]
    assert all('name="csrfmiddlewaretoken"' in data for data in posted)
    assert not EditLock.objects.exists()
    assert [text for text in console if "Content Security Policy" in text] == []
