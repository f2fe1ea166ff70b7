"""
Each language goes live at its own time; an article may stop being visible at
a scheduled moment. Through the admin's buttons, the calendar's form, the ORM
and the scheduled task; what readers see follows on every public page.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article, Status
from tests.html import alternates, parse, texts
from tests.workflow.conftest import client_for
from tests.workflow.helpers import press
from tests.workflow.test_transitions import draft_by
from workflow.models import Transition
from workflow.roles import CONTRIBUTOR, EDITOR
from workflow.services import publish_due

pytestmark = pytest.mark.django_db

BEIRUT = ZoneInfo("Asia/Beirut")


def tomorrow_at_nine():
    """Tomorrow, 09:00 in Beirut."""
    day = timezone.localtime(timezone.now(), BEIRUT).date() + timedelta(days=1)
    return datetime.combine(day, time(9, 0), tzinfo=BEIRUT)


def public_texts(client, code):
    """What a reader of ``code`` finds on the listing, the feed, the sitemap and search."""
    with translation.override(code):
        urls = [
            reverse("article_list"),
            reverse("feed_latest_rss"),
            reverse("home"),
            reverse("search") + "?q=" + ("regional" if code == "en" else "الإقليمي"),
        ]
    urls.append(reverse("sitemap_section", kwargs={"section": "articles"}))
    found = ""
    for url in urls:
        response = client.get(url)
        found += (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        ).decode()
    return found


@override_settings(TIME_ZONE="Asia/Beirut")
def test_english_now_arabic_tomorrow_at_nine_beirut(client, users):
    """The issue's case, through the admin's buttons: each language live at its own time."""
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    page = parse(
        client.get(reverse("admin:articles_article_change", args=[article.pk]))
    )
    # The time zone the moment is read in stands next to the input.
    assert "time zone: Asia/Beirut" in " ".join(
        texts(page, "//span[contains(@class, 'time-zone')]")
    )
    moment = tomorrow_at_nine()
    press(client, article, "publish_ar", when=moment.strftime("%Y-%m-%dT%H:%M"))
    press(client, article, "publish_en")
    press(client, article, "publish")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.live_from_ar == moment
    assert article.live_from_en is None
    assert article.live_languages() == ["en"]
    assert Article.objects.live("en").filter(pk=article.pk).exists()
    assert not Article.objects.live("ar").filter(pk=article.pk).exists()
    log = Transition.objects.get(article=article, name="publish_ar")
    assert log.language == "ar"

    # Readers: English is there, Arabic nowhere (its page, listings, feed, sitemap).
    client.logout()
    english = parse(client.get(article.url_in("en")))
    assert "ar" not in alternates(english)
    # Nor "Also available in", nor any other link to the Arabic page.
    assert english.xpath(f"//a[@href='{article.url_in('ar')}']") == []
    assert client.get(article.url_in("ar")).status_code == 404
    assert article.title_en in public_texts(client, "en")
    arabic = public_texts(client, "ar")
    assert article.title_ar not in arabic
    assert article.url_in("ar") not in arabic
    # The page cache knows when pages change by themselves.
    assert Article.objects.next_scheduled_moment() == moment

    # The moment comes (no task has run yet): Arabic readers see it.
    Article.objects.filter(pk=article.pk).update(
        live_from_ar=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(article.url_in("ar")).status_code == 200
    english = parse(client.get(article.url_in("en")))
    assert "ar" in alternates(english)
    assert english.xpath(f"//a[@href='{article.url_in('ar')}']")
    assert article.title_ar in public_texts(client, "ar")

    # The scheduled task records it, once, and clears the language's own moment.
    assert publish_due() == [article.pk]
    assert publish_due() == []
    article.refresh_from_db()
    assert article.live_from_ar is None
    assert article.live_languages() == ["en", "ar"]
    done = Transition.objects.get(article=article, name="publish_scheduled")
    assert (done.language, done.actor) == ("ar", None)


def test_a_past_moment_publishes_the_language_now(client, users):
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    press(client, article, "publish_en")
    press(client, article, "publish_ar", when="2001-01-01T10:00")
    press(client, article, "publish")
    article.refresh_from_db()
    assert article.live_from_ar is None
    assert article.live_languages() == ["en", "ar"]


def test_withdrawing_a_waiting_language_clears_its_moment(client, users):
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    later = timezone.localtime() + timedelta(days=2)
    press(client, article, "publish_ar", when=later.strftime("%Y-%m-%dT%H:%M"))
    article.refresh_from_db()
    assert article.live_from_ar is not None
    press(client, article, "withdraw_ar")
    article.refresh_from_db()
    assert (article.available_ar, article.live_from_ar) == (False, None)


def test_scheduled_unpublication(client, users):
    """Readers stop seeing it at the moment, before any task runs; the task archives it once."""
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    press(client, article, "publish")
    # A past moment is refused, with the reason.
    response = press(client, article, "schedule_unpublish", when="2001-01-01T10:00")
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("unpublication date in the future" in m for m in messages)
    article.refresh_from_db()
    assert article.unpublish_at is None
    # A future one is kept.
    end = timezone.localtime() + timedelta(days=2)
    press(client, article, "schedule_unpublish", when=end.strftime("%Y-%m-%dT%H:%M"))
    article.refresh_from_db()
    assert article.unpublish_at is not None
    assert Article.objects.next_scheduled_moment() == article.unpublish_at
    client.logout()
    assert client.get(article.url_in("en")).status_code == 200

    # Its moment comes: gone from the article page and the listing at once.
    # (Published an hour before, so that the moment is after its publication
    # however fast the steps above ran.)
    now = timezone.now()
    Article.objects.filter(pk=article.pk).update(
        published_at=now - timedelta(hours=1), unpublish_at=now - timedelta(seconds=1)
    )
    assert client.get(article.url_in("en")).status_code == 404
    assert article.title_en not in public_texts(client, "en")
    assert publish_due() == [article.pk]
    assert publish_due() == []
    article.refresh_from_db()
    assert (article.status, article.unpublish_at) == (Status.ARCHIVED, None)
    assert Transition.objects.filter(name="unpublish_scheduled").count() == 1


def test_cancel_the_scheduled_unpublication(client, users):
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    press(client, article, "publish")
    end = timezone.localtime() + timedelta(days=2)
    press(client, article, "schedule_unpublish", when=end.strftime("%Y-%m-%dT%H:%M"))
    press(client, article, "cancel_unpublish")
    article.refresh_from_db()
    assert article.unpublish_at is None


def test_orm_writes_get_the_same_rules(users):
    """The model's rules (clean) and the database's constraint, for writes outside the admin."""
    article = draft_by(users[CONTRIBUTOR], status=Status.PUBLISHED)
    article.published_at = timezone.now()
    article.unpublish_at = article.published_at - timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "unpublish_at" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        article.save()
    article.refresh_from_db()
    article.live_from_ar = timezone.now() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "live_from_ar" in error.value.message_dict
    # Positive control: published in Arabic, the same moment is accepted.
    article.available_ar = True
    article.full_clean()


def test_calendar_reschedules_by_its_form(client, users):
    """The calendar's form (no JavaScript): a scheduled article and a language's own moment move."""
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    first = timezone.localtime() + timedelta(days=3)
    press(client, article, "publish_en")
    press(client, article, "schedule", when=first.strftime("%Y-%m-%dT%H:%M"))
    calendar = reverse("admin:articles_article_calendar") + f"?month={first:%Y-%m}"
    page = parse(client.get(calendar))
    forms = page.xpath("//form[contains(@class, 'calendar-move-form')]")
    assert len(forms) == 1
    action = forms[0].get("action")
    assert action == reverse("admin:articles_article_reschedule", args=[article.pk])
    moved = first + timedelta(days=1)
    response = client.post(
        action,
        {"when": moved.strftime("%Y-%m-%dT%H:%M"), "language": "", "month": ""},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert timezone.localtime(article.published_at).date() == moved.date()
    assert Transition.objects.filter(article=article, name="reschedule").count() == 1

    # A language's own moment, moved the same way.
    press(client, article, "publish_ar", when=moved.strftime("%Y-%m-%dT%H:%M"))
    later = moved + timedelta(days=2)
    client.post(action, {"when": later.strftime("%Y-%m-%dT%H:%M"), "language": "ar"})
    article.refresh_from_db()
    assert timezone.localtime(article.live_from_ar).date() == later.date()
    page = parse(
        client.get(reverse("admin:articles_article_calendar") + f"?month={later:%Y-%m}")
    )
    day = page.xpath(f"//td[@data-date='{later:%Y-%m-%d}']//li")
    assert any("(AR)" in item.text_content() for item in day)

    # A contributor may not move it (and the editor could, above).
    client_for(client, users[CONTRIBUTOR])
    response = client.post(action, {"when": first.strftime("%Y-%m-%dT%H:%M")})
    assert response.status_code == 403


def test_rescheduling_past_the_unpublication_is_refused(client, users):
    """A clear message, not a database error; a date before it is accepted."""
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    start = timezone.localtime() + timedelta(days=2)
    press(client, article, "schedule", when=start.strftime("%Y-%m-%dT%H:%M"))
    end = start + timedelta(days=2)
    press(client, article, "schedule_unpublish", when=end.strftime("%Y-%m-%dT%H:%M"))
    article.refresh_from_db()
    assert article.unpublish_at is not None
    action = reverse("admin:articles_article_reschedule", args=[article.pk])
    too_late = end + timedelta(days=1)
    response = client.post(action, {"when": too_late.strftime("%Y-%m-%dT%H:%M")})
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("must come after the publication date" in m for m in messages)
    article.refresh_from_db()
    assert timezone.localtime(article.published_at).date() == start.date()
    sooner = start + timedelta(days=1)
    client.post(action, {"when": sooner.strftime("%Y-%m-%dT%H:%M")})
    article.refresh_from_db()
    assert timezone.localtime(article.published_at).date() == sooner.date()
