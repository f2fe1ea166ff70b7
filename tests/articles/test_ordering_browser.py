"""Ordering an article's authors and recommendations by hand, in Debian's Chromium and without JavaScript."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from tests.admin_forms import change_url, fill, form_data
from tests.browser import chromium_page, log_in, screenshot
from tests.factories import committed, make_article, make_expert


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-editor-1"
    )


def _authors(article):
    return list(
        article.authorships.order_by("order", "pk").values_list(
            "expert__name_en", flat=True
        )
    )


def _picks(article):
    return list(
        article.recommendation_links.order_by("order", "pk").values_list(
            "recommended__title_en", flat=True
        )
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reorder_by_keyboard_and_mouse_then_save(live_server, editor, client):
    """
    Move an author down by keyboard and another up by dragging; move a
    recommendation up by keyboard; each move is announced. Saved, the stored
    order is the new one, and the public page shows it.
    """
    ann, ben, cal = (
        make_expert(name) for name in ("Ann Adams", "Ben Brown", "Cal Cruz")
    )
    first, second = make_article("First pick"), make_article("Second pick")
    article = make_article(
        "Ordered piece",
        status=Status.DRAFT,
        authors=[ann, ben, cal],
        recommended=[first, second],
    )
    assert _authors(article) == ["Ann Adams", "Ben Brown", "Cal Cruz"]
    url = live_server.url + reverse("admin:articles_article_change", args=[article.pk])
    console = []
    with chromium_page() as page:
        page.on("pageerror", lambda error: console.append(f"page error: {error}"))
        page.on(
            "console",
            # The browser asks for /favicon.ico by itself; the site has none yet.
            lambda m: (
                m.type == "error"
                and not m.text.startswith("Failed to load resource")
                and console.append(m.text)
            ),
        )
        log_in(page, live_server)
        page.goto(url)
        status = page.locator("#authorships-group .tt-ordering-status")

        # Keyboard: Ann's "Move down" button, pressed with Enter.
        down = page.locator("#authorships-0 .tt-move-down")
        down.focus()
        page.keyboard.press("Enter")
        assert status.inner_text() == "Ann Adams: position 2 of 3"
        # The focus stays on the button: Space moves Ann once more.
        assert page.evaluate(
            "document.activeElement.classList.contains('tt-move-down')"
        )
        page.keyboard.press("Space")
        assert status.inner_text() == "Ann Adams: position 3 of 3"

        # Mouse: drag Cal's row (now second) above Ben's.
        rows = page.locator("#authorships-group tbody tr.form-row.has_original")
        assert [
            r.locator("td.field-expert select option:checked").inner_text()
            for r in rows.all()
        ] == ["Ben Brown", "Cal Cruz", "Ann Adams"]
        rows.nth(1).locator(".tt-drag-handle").drag_to(
            rows.nth(0), target_position={"x": 20, "y": 3}
        )
        assert status.inner_text() == "Cal Cruz: position 1 of 3"

        # Recommendations: the second pick up, by keyboard.
        page.locator("#recommendation_links-1 .tt-move-up").focus()
        page.keyboard.press("Enter")
        assert (
            page.locator("#recommendation_links-group .tt-ordering-status").inner_text()
            == "Second pick: position 1 of 2"
        )
        page.screenshot(path=screenshot("admin-ordering-en.png"), full_page=True)
        page.click("input[name=_continue]")
        page.wait_for_selector(".messagelist .success")
    assert console == []
    assert _authors(article) == ["Cal Cruz", "Ben Brown", "Ann Adams"]
    assert _picks(article) == ["Second pick", "First pick"]

    # Published, the byline reads in the new order.
    article = Article.objects.get(pk=article.pk)
    article.status = Status.PUBLISHED
    article.published_at = timezone.now()
    with committed():
        article.publish_in("en", True)
        article.save()
    text = client.get(article.get_absolute_url()).content.decode()
    positions = [text.index(name) for name in ("Cal Cruz", "Ben Brown", "Ann Adams")]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_the_form_orders_without_javascript(admin_client):
    """The order inputs are the form's own: typed and saved, they are the stored order."""
    ann, ben = make_expert("Ann Adams"), make_expert("Ben Brown")
    article = make_article("Ordered piece", status=Status.DRAFT, authors=[ann, ben])
    data = form_data(admin_client.get(change_url(article)))
    fill(
        data,
        **{"authorships-0-order": 1, "authorships-1-order": 0, "_continue": "Save"},
    )
    response = admin_client.post(change_url(article), data)
    assert response.status_code == 302
    assert _authors(article) == ["Ben Brown", "Ann Adams"]
