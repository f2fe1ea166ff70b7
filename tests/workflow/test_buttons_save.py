"""A workflow button on the change page saves the form first: edits are never lost."""

import pytest
from django.contrib.admin.models import LogEntry

from articles.models import Status
from history.models import Revision
from tests.admin_forms import change_url, errors, fill, form_data
from tests.factories import make_article, make_expert
from tests.workflow.conftest import client_for
from tests.workflow.helpers import ACTION
from workflow.models import ShareLink, Transition
from workflow.roles import CONTRIBUTOR, EDITOR

pytestmark = pytest.mark.django_db


def own_draft(user, **fields):
    article = make_article(
        "Water sharing on the Euphrates",
        status=Status.DRAFT,
        languages=("en", "ar"),
        authors=[make_expert()],
        **fields,
    )
    article.available_en = article.available_ar = False
    article.created_by = user
    article.save()
    return article


def press_with(client, article, name, **fields):
    """The change form as rendered, with ``fields`` edited, sent by the button ``name``."""
    url = change_url(article)
    data = fill(form_data(client.get(url)), **fields)
    data.pop("_save", None)
    data[ACTION] = [name]
    return client.post(url, data)


def test_a_transition_button_saves_the_edits_first(client, users):
    """Defect 6: an edit and "Submit for review": the edit is saved, then the article submitted."""
    author = users[CONTRIBUTOR]
    article = own_draft(author)
    client_for(client, author)
    response = press_with(
        client,
        article,
        "submit",
        title_en="Water sharing after a dry decade",
        summary_ar="ملخص جديد.",
    )
    assert response.status_code == 302
    assert response["Location"] == change_url(article)
    article.refresh_from_db()
    assert article.title_en == "Water sharing after a dry decade"
    assert article.summary_ar == "ملخص جديد."
    assert article.status == Status.IN_REVIEW
    assert Transition.objects.get(article=article).name == "submit"
    page = client.get(change_url(article)).content.decode()
    assert "was changed successfully" in page
    assert "Submit for review: 1 article." in page


def test_a_share_button_saves_the_edits_first(client, users):
    """Defect 6: "Create a share link" keeps what was typed, and makes the link."""
    editor = users[EDITOR]
    article = own_draft(editor)
    client_for(client, editor)
    response = press_with(client, article, "share_ar", title_ar="عنوان جديد")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_ar == "عنوان جديد"
    assert ShareLink.objects.filter(article=article, language="ar").count() == 1


def test_an_invalid_edit_and_a_button_show_the_errors_and_do_nothing(client, users):
    """Defect 6: the form comes back with its errors; nothing is saved and nothing moves."""
    author = users[CONTRIBUTOR]
    article = own_draft(author)
    client_for(client, author)
    response = press_with(
        client, article, "submit", title_en="", summary_en="A new summary."
    )
    assert response.status_code == 200
    assert errors(response)["title_en"] == ["This field is required."]
    # The page still offers the buttons, with what was typed.
    assert 'value="submit"' in response.content.decode()
    assert "A new summary." in response.content.decode()
    article.refresh_from_db()
    assert article.title_en == "Water sharing on the Euphrates"
    assert article.summary_en != "A new summary."
    assert article.status == Status.DRAFT
    assert not Transition.objects.exists()
    assert not LogEntry.objects.exists()


def test_a_button_without_edits_saves_nothing(client, users):
    """Defect 6: with nothing typed the button only performs the transition (no empty revision)."""
    author = users[CONTRIBUTOR]
    article = own_draft(author)
    client_for(client, author)
    revisions = Revision.objects.count()
    response = press_with(client, article, "submit")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert Revision.objects.count() == revisions
    assert not LogEntry.objects.exists()


def test_a_read_only_viewer_can_still_press_a_button(client, users):
    """A contributor's article in review is read-only to them: buttons they may press still work."""
    editor = users[EDITOR]
    article = own_draft(users[CONTRIBUTOR])
    client_for(client, editor)
    assert press_with(client, article, "submit").status_code == 302
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    # The author sees it read-only now; a crafted edit with a button is not saved.
    client_for(client, users[CONTRIBUTOR])
    url = change_url(article)
    data = form_data(client.get(url))
    data.update({"title_en": ["Sneaked in"], ACTION: ["redraft"]})
    client.post(url, data)
    article.refresh_from_db()
    assert article.title_en == "Water sharing on the Euphrates"
