"""
Who hears of each transition, by e-mail and by a notice on their dashboard;
translators hear when the English text under their translation changes.
The rule: nobody is told of their own action.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from tests.html import parse, texts
from tests.workflow.conftest import client_for
from tests.workflow.helpers import press
from tests.workflow.test_transitions import draft_by
from workflow.models import Notice, Transition
from workflow.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR, TRANSLATOR
from workflow.services import publish_due

pytestmark = pytest.mark.django_db

LATER = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")

#: transition, the article's status before, earlier steps (name, by), the actor
#: (None: the scheduled task), who hears of it.
TABLE = [
    ("submit", Status.DRAFT, [], CONTRIBUTOR, {EDITOR, ADMINISTRATOR}),
    ("request_changes", Status.IN_REVIEW, [], EDITOR, {CONTRIBUTOR}),
    ("approve", Status.IN_REVIEW, [], EDITOR, {CONTRIBUTOR, ADMINISTRATOR}),
    (
        "publish",
        Status.APPROVED,
        [("approve", ADMINISTRATOR)],
        EDITOR,
        {CONTRIBUTOR, ADMINISTRATOR},
    ),
    ("schedule", Status.APPROVED, [("approve", EDITOR)], EDITOR, {CONTRIBUTOR}),
    (
        "publish_ar",
        Status.PUBLISHED,
        [("approve", ADMINISTRATOR)],
        EDITOR,
        {CONTRIBUTOR, ADMINISTRATOR},
    ),
    (
        "publish_scheduled",
        Status.SCHEDULED,
        [("approve", ADMINISTRATOR), ("schedule", EDITOR)],
        None,
        {CONTRIBUTOR, ADMINISTRATOR, EDITOR},
    ),
]


@pytest.mark.parametrize(
    "name, status, earlier, actor, expected", TABLE, ids=[row[0] for row in TABLE]
)
def test_recipients_per_transition(
    client,
    users,
    django_capture_on_commit_callbacks,
    name,
    status,
    earlier,
    actor,
    expected,
):
    author = users[CONTRIBUTOR]
    fields = {}
    if status in (Status.PUBLISHED, Status.SCHEDULED):
        fields["published_at"] = timezone.now() + (
            timedelta(seconds=-1) if name == "publish_scheduled" else timedelta(days=-1)
        )
    article = draft_by(author, status=status, **fields)
    if status in (Status.PUBLISHED, Status.SCHEDULED):
        Article.objects.filter(pk=article.pk).update(available_en=True)
    for step, by in earlier:
        Transition.objects.create(
            article=article,
            name=step,
            actor=users[by],
            from_status="",
            to_status=status,
        )
    with django_capture_on_commit_callbacks(execute=True):
        if actor is None:
            assert publish_due() == [article.pk]
        else:
            client_for(client, users[actor])
            response = press(
                client,
                article,
                name,
                comment="Tighten the argument.",
                when=LATER if name == "schedule" else "",
            )
            assert response.status_code == 302
    assert Transition.objects.filter(article=article, name=name).count() == 1
    addresses = {users[role].email: role for role in users}
    assert len(mail.outbox) == 1
    assert {addresses[a] for a in mail.outbox[0].to} == expected
    assert article.title_en in mail.outbox[0].subject
    noticed = set(
        Notice.objects.filter(article=article).values_list(
            "recipient__username", flat=True
        )
    )
    assert noticed == {users[role].username for role in expected}
    if actor is not None:
        assert users[actor].email not in mail.outbox[0].to


def test_notice_on_the_dashboard_until_the_article_is_opened(
    client, users, django_capture_on_commit_callbacks
):
    author = users[CONTRIBUTOR]
    article = draft_by(author, status=Status.IN_REVIEW)
    client_for(client, users[EDITOR])
    with django_capture_on_commit_callbacks(execute=True):
        press(client, article, "approve")
    client_for(client, author)
    index = parse(client.get(reverse("admin:index")))
    notices = texts(index, "//*[@id='dash-notices']//th//a")
    assert notices == [f"editor approved “{article.title_en}”."]
    # The editor, who approved it, has no notice of it.
    client_for(client, users[EDITOR])
    assert (
        texts(
            parse(client.get(reverse("admin:index"))), "//*[@id='dash-notices']//th//a"
        )
        == []
    )
    # Opening the article reads the notice.
    client_for(client, author)
    client.get(reverse("admin:articles_article_change", args=[article.pk]))
    index = parse(client.get(reverse("admin:index")))
    assert texts(index, "//*[@id='dash-notices']//th//a") == []


def test_the_reviewers_request_tops_the_authors_form(
    client, users, django_capture_on_commit_callbacks
):
    author = users[CONTRIBUTOR]
    article = draft_by(author, status=Status.IN_REVIEW)
    client_for(client, users[EDITOR])
    press(client, article, "request_changes", comment="Cite the 2024 figures.")
    client_for(client, author)
    page = parse(
        client.get(reverse("admin:articles_article_change", args=[article.pk]))
    )
    box = page.xpath("//*[@id='requested-changes']")
    assert box
    assert "Cite the 2024 figures." in box[0].text_content()
    assert "editor" in box[0].text_content()
    # It comes before the form's fields.
    title = page.xpath("//*[@id='id_title_en']")[0]
    order = list(page.iter())
    assert order.index(box[0]) < order.index(title)
    # Once resubmitted, the request is no longer shown at the top.
    press(client, article, "submit")
    page = parse(
        client.get(reverse("admin:articles_article_change", args=[article.pk]))
    )
    assert page.xpath("//*[@id='requested-changes']") == []


def test_translators_hear_when_the_english_text_changes(
    client, users, django_capture_on_commit_callbacks
):
    """Through the admin: an editor edits the English title of a piece published in Arabic."""
    from tests.admin_forms import change_url, form_data

    article = draft_by(
        users[CONTRIBUTOR],
        status=Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
    )
    Article.objects.filter(pk=article.pk).update(available_en=True, available_ar=True)
    client_for(client, users[EDITOR])
    url = change_url(article)
    # A first save records the baseline revision; the edit is an unpublished change.
    data = form_data(client.get(url))
    data["title_en"] = ["A sharper English title"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
    # Published changes of a live article wait for review: publish them.
    from history.models import Revision, RevisionKind

    waiting = Revision.objects.filter(
        object_id=article.pk, kind=RevisionKind.PENDING
    ).first()
    if waiting is not None:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse(
                    "admin:articles_article_publish_pending",
                    args=[article.pk, waiting.pk],
                )
            )
    to_translators = [m for m in mail.outbox if users[TRANSLATOR].email in m.to]
    assert len(to_translators) == 1
    assert users[EDITOR].email not in to_translators[0].to
    assert (
        Notice.objects.filter(
            recipient=users[TRANSLATOR], kind="translation_stale"
        ).count()
        == 1
    )
    # The translator's queue lists it.
    client_for(client, users[TRANSLATOR])
    index = parse(client.get(reverse("admin:index")))
    assert texts(index, "//*[@id='dash-stale']//th//a") == ["A sharper English title"]


def test_no_translator_hears_of_a_piece_not_published_in_arabic(
    client, users, django_capture_on_commit_callbacks
):
    from tests.admin_forms import change_url, form_data

    article = draft_by(users[CONTRIBUTOR])
    client_for(client, users[EDITOR])
    url = change_url(article)
    client.post(url, form_data(client.get(url)))
    data = form_data(client.get(url))
    data["title_en"] = ["Another English title"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
    assert Article.objects.get(pk=article.pk).title_en == "Another English title"
    assert not [m for m in mail.outbox if users[TRANSLATOR].email in m.to]
