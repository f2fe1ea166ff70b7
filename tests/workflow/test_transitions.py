"""The editorial workflow, pressed through the admin's buttons as each role would."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from articles.models import Article, Status
from tests.admin_forms import change_url
from tests.factories import make_article
from tests.workflow.conftest import client_for
from tests.workflow.helpers import buttons, press
from workflow.models import Transition
from workflow.roles import CONTRIBUTOR, EDITOR

pytestmark = pytest.mark.django_db


def draft_by(user, status=Status.DRAFT, **fields):
    fields.setdefault("authors", 1)  # approving and publishing need one
    article = make_article(status=status, languages=("en", "ar"), **fields)
    for code in ("en", "ar"):
        setattr(article, f"available_{code}", False)
    article.created_by = user
    article.save()
    return article


def test_full_workflow_is_logged(client, users):
    """draft → in review → changes requested → draft → in review → approved → published → archived → draft."""
    author, editor = users[CONTRIBUTOR], users[EDITOR]
    article = draft_by(author)

    client_for(client, author)
    assert set(buttons(client.get(change_url(article)))) == {"submit"}
    press(client, article, "submit")
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW

    client_for(client, editor)
    assert set(buttons(client.get(change_url(article)))) >= {
        "approve",
        "request_changes",
    }
    press(client, article, "request_changes", comment="Cite the 2024 figures.")
    article.refresh_from_db()
    assert article.status == Status.CHANGES_REQUESTED

    client_for(client, author)
    press(client, article, "redraft")
    press(client, article, "submit")
    client_for(client, editor)
    press(client, article, "approve")
    press(client, article, "publish")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at is not None
    assert article.languages == ["en", "ar"]
    assert Article.objects.live("en").filter(pk=article.pk).exists()
    press(client, article, "archive")
    press(client, article, "redraft")
    article.refresh_from_db()
    assert article.status == Status.DRAFT

    log = list(
        Transition.objects.filter(article=article)
        .order_by("at", "pk")
        .values_list("name", "from_status", "to_status", "actor__username")
    )
    assert log == [
        ("submit", "draft", "in_review", "contributor"),
        ("request_changes", "in_review", "changes_requested", "editor"),
        ("redraft", "changes_requested", "draft", "contributor"),
        ("submit", "draft", "in_review", "contributor"),
        ("approve", "in_review", "approved", "editor"),
        ("publish", "approved", "published", "editor"),
        ("archive", "published", "archived", "editor"),
        ("redraft", "archived", "draft", "editor"),
    ]
    comment = Transition.objects.get(article=article, name="request_changes").comment
    assert comment == "Cite the 2024 figures."
    # The log is on the change page.
    page = client.get(change_url(article)).content.decode()
    assert "Cite the 2024 figures." in page


def test_request_changes_needs_a_comment(client, users):
    """Without a comment the request is refused and nothing moves."""
    article = draft_by(users[CONTRIBUTOR], status=Status.IN_REVIEW)
    client_for(client, users[EDITOR])
    press(client, article, "request_changes", comment="  ")
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert not Transition.objects.exists()


def test_notifications(client, users, django_capture_on_commit_callbacks):
    """Submitting emails the editors; requesting changes emails the article's creator."""
    author = users[CONTRIBUTOR]
    article = draft_by(author)
    client_for(client, author)
    with django_capture_on_commit_callbacks(execute=True):
        press(client, article, "submit")
    assert len(mail.outbox) == 1
    assert "editor@example.org" in mail.outbox[0].to
    assert author.email not in mail.outbox[0].to
    assert article.title_en in mail.outbox[0].subject

    client_for(client, users[EDITOR])
    with django_capture_on_commit_callbacks(execute=True):
        press(client, article, "request_changes", comment="Shorten the summary.")
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == [author.email]
    assert "Shorten the summary." in mail.outbox[1].body


def test_schedule_needs_a_future_date(client, users):
    """Scheduling sets the chosen future moment; a past one is refused."""
    article = draft_by(users[CONTRIBUTOR], status=Status.APPROVED)
    client_for(client, users[EDITOR])
    press(client, article, "schedule", when="2001-01-01T10:00")
    article.refresh_from_db()
    assert article.status == Status.APPROVED
    moment = timezone.localtime() + timedelta(days=3)
    press(client, article, "schedule", when=moment.strftime("%Y-%m-%dT%H:%M"))
    article.refresh_from_db()
    assert article.status == Status.SCHEDULED
    assert timezone.localtime(article.published_at).strftime(
        "%Y-%m-%d %H:%M"
    ) == moment.strftime("%Y-%m-%d %H:%M")
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_languages_are_published_separately(client, users):
    """Withdrawing the Arabic version leaves the English one live, and is logged with its language."""
    article = make_article(languages=("en", "ar"), authors=1)
    client_for(client, users[EDITOR])
    assert {"withdraw_en", "withdraw_ar"} <= set(
        buttons(client.get(change_url(article)))
    )
    press(client, article, "withdraw_ar")
    assert list(Article.objects.live("en").filter(pk=article.pk)) == [article]
    assert not Article.objects.live("ar").filter(pk=article.pk).exists()
    record = Transition.objects.get(article=article)
    assert (record.name, record.language) == ("withdraw_ar", "ar")
    press(client, article, "publish_ar")
    assert Article.objects.live("ar").filter(pk=article.pk).exists()


def test_publishing_a_language_needs_its_text(client, users):
    """An Arabic version without text cannot be published."""
    article = make_article(languages=("en",))
    client_for(client, users[EDITOR])
    press(client, article, "publish_ar")
    article.refresh_from_db()
    assert article.available_ar is False


def test_bulk_approve(client, users):
    """Approving from the list moves every selected article that is in review, and only those."""
    from django.urls import reverse

    in_review = [
        draft_by(users[CONTRIBUTOR], status=Status.IN_REVIEW) for _ in range(2)
    ]
    draft = draft_by(users[CONTRIBUTOR])
    client_for(client, users[EDITOR])
    client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "approve",
            "index": 0,
            "_selected_action": [a.pk for a in [*in_review, draft]],
        },
    )
    assert sorted(
        Article.objects.filter(status=Status.APPROVED).values_list("pk", flat=True)
    ) == sorted(a.pk for a in in_review)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_labels_are_translated():
    """Transition and share labels follow the active language, language names included."""
    from django.utils import translation

    from workflow.admin import SHARE_ACTIONS
    from workflow.services import STEPS

    with translation.override("ar"):
        assert str(STEPS["submit"].label) == "إرسال للمراجعة"
        assert str(STEPS["publish_ar"].label) == "نشر النسخة العربية"
        assert str(SHARE_ACTIONS[1].short_description) == "إنشاء رابط مشاركة (العربية)"
    assert str(STEPS["publish_ar"].label) == "Publish the Arabic version"
