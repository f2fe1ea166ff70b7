"""
Editorial comments on an article: a thread on its change page for the staff
who can open it, in order, with author and time; one edits and deletes one's
own. Never on the public site, never in the article's revisions.
"""

import pytest
from django.urls import reverse

from articles.models import Status
from history import snapshot
from history.models import Revision
from tests.html import parse, texts
from tests.workflow.conftest import client_for
from tests.workflow.test_transitions import draft_by
from workflow.models import Comment
from workflow.roles import CONTRIBUTOR, EDITOR, EXPERT_MANAGER, TRANSLATOR

pytestmark = pytest.mark.django_db


def change_page(client, article):
    return parse(
        client.get(reverse("admin:articles_article_change", args=[article.pk]))
    )


def thread(page):
    """[(author, text)] of the thread, in the page's order."""
    return [
        (
            item.xpath(".//*[contains(@class, 'tt-comment-author')]")[0]
            .text_content()
            .strip(),
            item.xpath(".//*[contains(@class, 'tt-comment-body')]")[0]
            .text_content()
            .strip(),
        )
        for item in page.xpath(
            "//li[contains(@class, 'tt-comment ')] | //li[@class='tt-comment']"
        )
    ]


def add(client, article, body, reply_to=""):
    return client.post(
        reverse("admin:articles_article_comment_add", args=[article.pk]),
        {"body": body, "reply_to": reply_to},
    )


def test_a_thread_in_order_with_replies(client, users):
    author, editor = users[CONTRIBUTOR], users[EDITOR]
    article = draft_by(author)
    client_for(client, editor)
    page = change_page(client, article)
    form = page.xpath("//form[contains(@class, 'tt-comment-add')]")[0]
    assert form.get("action") == reverse(
        "admin:articles_article_comment_add", args=[article.pk]
    )
    assert add(client, article, "Is the second map right?").status_code == 302
    first = Comment.objects.get()
    client_for(client, author)
    add(client, article, "Yes: UN figures of 2024.", reply_to=first.pk)
    client_for(client, users[TRANSLATOR])
    add(client, article, "The Arabic caption needs the same date.")
    page = change_page(client, article)
    assert thread(page) == [
        ("editor", "Is the second map right?"),
        ("contributor", "Yes: UN figures of 2024."),
        ("translator", "The Arabic caption needs the same date."),
    ]
    assert Comment.objects.get(body__startswith="Yes").reply_to == first
    assert page.xpath("//*[@id='editorial-comments']//time/@datetime")


def test_edit_and_delete_ones_own_only(client, users):
    author, editor = users[CONTRIBUTOR], users[EDITOR]
    article = draft_by(author)
    client_for(client, author)
    add(client, article, "Draft note.")
    comment = Comment.objects.get()
    edit = reverse("admin:articles_article_comment_edit", args=[article.pk, comment.pk])
    delete = reverse(
        "admin:articles_article_comment_delete", args=[article.pk, comment.pk]
    )
    # Someone else: refused, nothing changes.
    client_for(client, editor)
    page = change_page(client, article)
    assert page.xpath(f"//a[@href='{edit}']") == []
    assert client.post(edit, {"body": "Hijacked."}).status_code == 403
    assert client.post(delete).status_code == 403
    assert Comment.objects.get().body == "Draft note."
    # The author: the link is there, the form edits, the button deletes.
    client_for(client, author)
    page = change_page(client, article)
    assert page.xpath(f"//a[@href='{edit}']")
    form_page = parse(client.get(edit))
    assert texts(form_page, "//textarea[@name='body']") == ["Draft note."]
    assert client.post(edit, {"body": "A better note."}).status_code == 302
    comment.refresh_from_db()
    assert (comment.body, comment.edited_at is not None) == ("A better note.", True)
    assert "edited" in " ".join(
        texts(
            change_page(client, article), "//*[contains(@class, 'tt-comment-edited')]"
        )
    )
    assert client.post(delete).status_code == 302
    assert not Comment.objects.exists()


def test_only_staff_who_can_open_the_article(client, users):
    article = draft_by(users[CONTRIBUTOR])
    # An expert manager cannot open articles; another contributor not this one.
    for role in (EXPERT_MANAGER, "other contributor"):
        client_for(client, users[role])
        assert add(client, article, "Let me in.").status_code == 403
    assert not Comment.objects.exists()
    # Positive control: the owner can.
    client_for(client, users[CONTRIBUTOR])
    assert add(client, article, "Mine.").status_code == 302
    assert Comment.objects.count() == 1


def test_never_public_and_never_in_revisions(client, users):
    article = draft_by(users[CONTRIBUTOR], status=Status.IN_REVIEW)
    client_for(client, users[EDITOR])
    revisions = Revision.objects.count()
    add(client, article, "Zanzibarquokka internal remark.")
    assert Revision.objects.count() == revisions
    assert "Zanzibarquokka" not in str(snapshot.take(article))
    # Published, the article's public page does not show it.
    from tests.workflow.helpers import press

    press(client, article, "approve")
    press(client, article, "publish")
    client.logout()
    article.refresh_from_db()
    response = client.get(article.url_in("en"))
    assert response.status_code == 200
    assert "Zanzibarquokka" not in response.content.decode()
