"""
The readers' page cache (core/pagecache.py): pages are served from the cache
until something they show changes, and from then on never.

These tests commit for real (``transaction=True``): the generation moves on
when a transaction commits, as in production. With ``DJANGO_REDIS_URL`` set
(CI sets it), every test runs a second time against that Redis.
"""

import io
import json
import os
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone, translation

from articles.models import Status
from core import pagecache
from tests.factories import make_article, make_expert, make_region, make_topic
from tests.html import get_page, text
from tests.workflow.conftest import make_user
from tests.workflow.test_drafts import edit, press
from workflow import services as workflow, sharing
from workflow.roles import EDITOR

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BACKENDS = ["locmem"] + (["redis"] if os.environ.get("DJANGO_REDIS_URL") else [])


@pytest.fixture(params=BACKENDS)
def page_cache(request, settings):
    """The page cache on, in local memory or in Redis, emptied first."""
    if request.param == "redis":
        settings.CACHES = {
            **settings.CACHES,
            "pages": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": os.environ["DJANGO_REDIS_URL"],
            },
        }
    else:
        settings.CACHES = {
            **settings.CACHES,
            "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        }
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True, "ALIAS": "pages"}
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


def served(client, url, **headers):
    """The response, after checking that it is a page (200)."""
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response


def cache_state(response):
    return response.headers.get("X-Page-Cache")


@pytest.fixture
def site():
    """A little published site: an expert, a topic, a region, two articles."""
    expert = make_expert("Leila Navabi")
    topic = make_topic("Sanctions")
    region = make_region("Iran")
    first = make_article(
        "Sanctions relief and its limits",
        authors=[expert],
        topics=[topic],
        regions=[region],
        languages=("en", "ar"),
    )
    second = make_article(
        "The oil trade after the ceasefire",
        authors=[expert],
        topics=[topic],
        regions=[region],
    )
    return {
        "expert": expert,
        "topic": topic,
        "region": region,
        "articles": [first, second],
    }


def pages_showing_new_work(site):
    """Every page a newly published piece of the site's expert, topic and region appears on."""
    return [
        site["articles"][0].url_in("en"),  # in its rail
        site["topic"].get_absolute_url(),
        site["region"].get_absolute_url(),
        site["expert"].get_absolute_url(),
        "/policy-analysis",
        "/",
        "/feeds/latest.rss",
    ]


def test_a_page_is_served_from_the_cache_the_second_time(client, page_cache, site):
    url = site["articles"][0].url_in("en")
    first = served(client, url)
    second = served(client, url)
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=" in second["Cache-Control"]
    assert "stale-while-revalidate=" in second["Cache-Control"]
    assert second["ETag"] == first["ETag"]


def test_a_newly_published_piece_shows_on_every_page_at_the_next_request(
    client, page_cache, site
):
    """Published through the workflow, as an editor does."""
    urls = pages_showing_new_work(site)
    for url in urls:
        served(client, url)
        assert cache_state(served(client, url)) == "hit", url
    draft = make_article(
        "Enrichment talks resume in Muscat",
        authors=[site["expert"]],
        topics=[site["topic"]],
        regions=[site["region"]],
        status=Status.APPROVED,
    )
    for url in urls:  # a draft changes nothing readers see
        assert cache_state(served(client, url)) == "hit", url
    editor = make_user(EDITOR)
    workflow.perform(draft, "publish", editor)
    for url in urls:
        response = served(client, url)
        assert "Enrichment talks resume in Muscat" in response.content.decode(), url


def test_withdrawn_work_disappears_at_once(client, page_cache, site):
    article = site["articles"][1]
    urls = [site["topic"].get_absolute_url(), "/", article.url_in("en")]
    for url in urls:
        served(client, url)
    workflow.perform(article, "archive", make_user(EDITOR))
    assert client.get(article.url_in("en")).status_code == 404
    for url in urls[:2]:
        assert (
            "The oil trade after the ceasefire"
            not in served(client, url).content.decode()
        )


def test_renaming_an_expert_a_topic_or_a_region_shows_everywhere(
    client, page_cache, site
):
    url = site["articles"][0].url_in("en")
    served(client, url)
    site["expert"].name_en = "Leila Navabi-Sorel"
    site["expert"].save()
    assert "Leila Navabi-Sorel" in served(client, url).content.decode()
    site["topic"].name_en = "Sanctions and export controls"
    site["topic"].save()
    assert "Sanctions and export controls" in served(client, url).content.decode()
    site["region"].name_en = "Islamic Republic of Iran"
    site["region"].save()
    assert "Islamic Republic of Iran" in served(client, url).content.decode()


def test_an_edit_published_in_the_admin_shows_at_once(
    admin_client, client, page_cache, site
):
    """The editor's change waits for review (readers keep the live text); publishing it shows."""
    article = site["articles"][0]
    url = article.url_in("en")
    served(client, url)
    edit(admin_client, article, title_en="Sanctions relief, and what it cannot do")
    response = served(client, url)
    assert "Sanctions relief and its limits" in response.content.decode()
    assert press(admin_client, article, "history-publish").status_code == 302
    assert (
        "Sanctions relief, and what it cannot do"
        in served(client, url).content.decode()
    )


def test_the_trash_takes_a_page_down_at_once(client, page_cache, site):
    from history import services as history

    article = site["articles"][1]
    url = article.url_in("en")
    served(client, url)
    history.trash(article)
    assert client.get(url).status_code == 404
    history.untrash(article)
    assert cache_state(served(client, url)) == "miss"


def test_an_import_shows_at_once(client, page_cache, site, tmp_path):
    url = site["topic"].get_absolute_url()
    served(client, url)
    path = tmp_path / "content.json"
    document = {
        "format": "thinktank-exchange/1",
        "topics": [
            {
                "slug": site["topic"].slug,
                "name": {"en": "Sanctions policy"},
                "description": {},
                "parent": None,
            }
        ],
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    call_command("import_content", str(path), stdout=io.StringIO())
    assert "Sanctions policy" in served(client, url).content.decode()


def test_a_new_rail_neighbour_shows_on_the_article_page(client, page_cache, site):
    url = site["articles"][0].url_in("en")
    served(client, url)
    make_article(
        "A neighbour with the same author",
        authors=[site["expert"]],
        topics=[site["topic"]],
    )
    tree = get_page(client, url)
    rail = [text(a) for a in tree.xpath("//*[contains(@class, 'rail__title')]//a")]
    assert "A neighbour with the same author" in rail


def test_a_scheduled_piece_appears_when_its_time_comes(client, page_cache, site):
    """No write happens at that moment: the cache knows when the next one is due."""
    make_article(
        "Embargoed until this second",
        topics=[site["topic"]],
        status=Status.SCHEDULED,
        published_at=timezone.now() + timedelta(seconds=1),
    )
    url = site["topic"].get_absolute_url()
    assert "Embargoed until this second" not in served(client, url).content.decode()
    assert cache_state(served(client, url)) == "hit"
    generation = pagecache.current_generation()
    while timezone.now() < generation.next_change_at:
        pass
    response = served(client, url)
    assert cache_state(response) == "miss"
    assert "Embargoed until this second" in response.content.decode()


def test_a_language_appears_at_its_own_time(client, page_cache, site):
    """An Arabic version due later than the English one: the cached Arabic landing changes then."""
    make_article(
        "Arabic later",
        title_ar="العربية لاحقاً",
        languages=("en", "ar"),
        topics=[site["topic"]],
        live_from_ar=timezone.now() + timedelta(seconds=1),
    )
    with translation.override("ar"):
        url = site["topic"].get_absolute_url()
    assert "العربية لاحقاً" not in served(client, url).content.decode()
    assert cache_state(served(client, url)) == "hit"
    generation = pagecache.current_generation()
    while timezone.now() < generation.next_change_at:
        pass
    response = served(client, url)
    assert cache_state(response) == "miss"
    assert "العربية لاحقاً" in response.content.decode()


def test_a_scheduled_unpublication_leaves_the_cached_page(
    client, page_cache, site, monkeypatch
):
    unpublish_at = timezone.now() + timedelta(hours=1)
    make_article("Until this second", topics=[site["topic"]], unpublish_at=unpublish_at)
    url = site["topic"].get_absolute_url()
    assert "Until this second" in served(client, url).content.decode()
    assert cache_state(served(client, url)) == "hit"
    assert pagecache.current_generation().next_change_at == unpublish_at
    # The clock reaches the moment (however slowly the machine drew the page).
    later = unpublish_at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = served(client, url)
    assert cache_state(response) == "miss"
    assert "Until this second" not in response.content.decode()


def test_conditional_requests_get_304(client, page_cache, site):
    url = site["articles"][0].url_in("en")
    etag = served(client, url)["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    other = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200
    # A change makes the old ETag stale.
    site["articles"][0].title_en = "Sanctions relief: a second look"
    site["articles"][0].save()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_404s_are_cached_and_become_redirects(client, page_cache, site):
    from core.models import Redirect

    assert client.get("/policy-analysis/gone-for-good").status_code == 404
    assert cache_state(client.get("/policy-analysis/gone-for-good")) == "hit"
    Redirect.objects.create(
        old_path="/policy-analysis/gone-for-good",
        new_path=site["topic"].get_absolute_url(),
    )
    assert client.get("/policy-analysis/gone-for-good").status_code == 301


def test_nothing_is_cached_for_signed_in_users(client, admin_client, page_cache, site):
    url = site["articles"][0].url_in("en")
    response = admin_client.get(url)
    assert response.status_code == 200
    assert cache_state(response) is None
    assert "private" in response["Cache-Control"]
    # Their visit stored nothing: the first anonymous request renders.
    assert cache_state(served(client, url)) == "miss"
    # And a cached page is never handed to them.
    assert cache_state(admin_client.get(url)) is None


def test_previews_and_share_links_are_never_cached(
    client, admin_client, page_cache, site
):
    draft = make_article("A draft under embargo", status=Status.DRAFT)
    preview = f"/admin/articles/article/{draft.pk}/preview/en/"
    for _ in range(2):
        response = admin_client.get(preview)
        assert response.status_code == 200
        assert cache_state(response) is None
    link = sharing.create_link(draft, "en", make_user(EDITOR))
    url = sharing.link_url(link)
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert cache_state(response) is None
        assert "no-store" in response["Cache-Control"]
    # Revoked: the next opening is refused, not served from anywhere.
    link.revoked_at = timezone.now()
    link.save()
    assert "A draft under embargo" not in client.get(url).content.decode()


def test_responses_that_set_cookies_are_not_cached(client, page_cache, site):
    """The admin's login page sets the CSRF cookie (and is excluded anyway)."""
    for _ in range(2):
        response = client.get("/admin/login/")
        assert response.status_code == 200
        assert cache_state(response) is None


def test_pages_of_other_databases_never_mix(page_cache, site):
    """The key names this database: two sites sharing a Redis keep their own pages."""
    generation = pagecache.current_generation()
    assert generation.instance
    assert len(generation.instance) >= 32
