"""What an author sees of the workflow, in both languages and two widths: screenshots, and the basics checked."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.browser import chromium_page, log_in, screenshot
from tests.factories import make_article
from workflow.models import Comment, Transition


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-editor-1"
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("code", ["en", "ar"])
@pytest.mark.parametrize("width", [1280, 390])
def test_change_form_and_calendar(live_server, editor, code, width):
    article = make_article(
        "Water talks resume",
        status=Status.CHANGES_REQUESTED,
        languages=("en", "ar"),
        created_by=editor,
        authors=1,
    )
    Transition.objects.create(
        article=article,
        name="request_changes",
        actor=editor,
        from_status=Status.IN_REVIEW,
        to_status=Status.CHANGES_REQUESTED,
        comment="Cite the 2024 figures in the second section.",
    )
    first = Comment.objects.create(
        article=article, author=editor, body="Is the map right?"
    )
    Comment.objects.create(article=article, author=editor, body="Yes.", reply_to=first)
    scheduled = make_article(
        "Energy outlook",
        status=Status.SCHEDULED,
        published_at=timezone.now() + timedelta(days=2),
        languages=("en", "ar"),
        live_from_ar=timezone.now() + timedelta(days=3),
    )
    prefix = "/ar" if code == "ar" else ""
    with chromium_page(viewport={"width": width, "height": 1400}) as page:
        log_in(page, live_server)
        page.goto(
            live_server.url
            + prefix
            + reverse("admin:articles_article_change", args=[article.pk])
        )
        assert page.locator("html").get_attribute("dir") == (
            "rtl" if code == "ar" else "ltr"
        )
        assert page.locator("#requested-changes").is_visible()
        assert "2024 figures" in page.locator("#requested-changes").inner_text()
        assert page.locator("#editorial-comments li.tt-comment").count() == 2
        page.screenshot(
            path=screenshot(f"admin-article-requested-comments-{code}-{width}.png"),
            full_page=True,
        )
        page.goto(
            live_server.url
            + prefix
            + reverse("admin:articles_article_change", args=[scheduled.pk])
        )
        assert page.locator(".workflow-actions span.time-zone").first.is_visible()
        page.goto(
            live_server.url
            + prefix
            + reverse("admin:articles_article_calendar")
            + f"?month={timezone.localtime(scheduled.published_at):%Y-%m}"
        )
        assert page.locator(".calendar-item--language").count() >= 1
        page.screenshot(
            path=screenshot(f"admin-calendar-{code}-{width}.png"), full_page=True
        )
