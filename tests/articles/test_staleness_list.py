"""The stale-translations list and its bulk action cover only the articles the user may edit."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import StaleTranslation, Status
from tests.factories import make_article
from tests.html import parse
from tests.workflow.conftest import make_user
from workflow.roles import CONTRIBUTOR, EDITOR, TRANSLATOR

pytestmark = pytest.mark.django_db


def list_url():
    return reverse("admin:articles_staletranslation_changelist")


def marked(title, owner, status=Status.DRAFT, english_then="An older title"):
    """A stale Arabic title on an article by ``owner``."""
    article = make_article(
        title, status=status, languages=("en", "ar"), created_by=owner
    )
    return StaleTranslation.objects.create(
        article=article,
        field="title_ar",
        english_then=english_then,
        since=timezone.now(),
    )


@pytest.fixture
def marks():
    mine, theirs = make_user(CONTRIBUTOR, "mine"), make_user(CONTRIBUTOR, "theirs")
    return {
        "user": mine,
        "own draft": marked("My own draft", mine),
        "own in review": marked("My draft in review", mine, Status.IN_REVIEW),
        "other draft": marked(
            "Their secret merger draft", theirs, english_then="Their first wording"
        ),
    }


def listed(client):
    response = client.get(list_url())
    assert response.status_code == 200
    tree = parse(response)
    return tree, tree.xpath(
        "//table[@id='result_list']//input[@name='_selected_action']/@value"
    )


def confirm(client, *stale):
    return client.post(
        list_url(),
        {
            "action": "confirm_still_accurate",
            "index": 0,
            "_selected_action": [s.pk for s in stale],
        },
    )


def test_contributor_lists_only_the_marks_of_what_they_may_edit(client, marks):
    """
    Defect 23: a contributor sees neither the titles nor the English changes
    of other people's drafts, nor marks on their own articles they may no
    longer edit (in review).
    """
    client.force_login(marks["user"])
    tree, selectable = listed(client)
    assert selectable == [str(marks["own draft"].pk)]
    text = tree.text_content()
    assert "My own draft" in text
    assert "Their secret merger draft" not in text
    assert "Their first wording" not in text
    assert "My draft in review" not in text
    # Nor the mark's own page.
    response = client.get(
        reverse(
            "admin:articles_staletranslation_change", args=[marks["other draft"].pk]
        )
    )
    assert response.status_code == 302
    assert (
        "Their secret merger draft"
        not in client.get(response["Location"]).content.decode()
    )


def test_contributor_cannot_confirm_another_users_mark(client, marks):
    """Defect 23: "Confirm still accurate" posted with another user's mark clears nothing."""
    client.force_login(marks["user"])
    confirm(client, marks["other draft"], marks["own in review"])
    assert StaleTranslation.objects.count() == 3
    # The control: the same request on their own draft's mark clears it.
    confirm(client, marks["own draft"])
    assert set(StaleTranslation.objects.all()) == {
        marks["other draft"],
        marks["own in review"],
    }


@pytest.mark.parametrize("role", [EDITOR, TRANSLATOR])
def test_editors_and_translators_list_and_confirm_every_mark(client, marks, role):
    """The control: the roles that edit every article see and confirm every mark."""
    client.force_login(make_user(role))
    _tree, selectable = listed(client)
    assert sorted(selectable) == sorted(
        str(s.pk) for s in StaleTranslation.objects.all()
    )
    confirm(client, marks["other draft"], marks["own in review"])
    assert list(StaleTranslation.objects.all()) == [marks["own draft"]]
