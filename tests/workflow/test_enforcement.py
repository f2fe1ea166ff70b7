"""Crafted POSTs: fields and articles a role may not touch are refused or ignored, never obeyed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Status
from tests.admin_forms import change_url, form_data
from tests.factories import make_article
from tests.html import parse
from tests.workflow.conftest import client_for
from tests.workflow.helpers import raw_press
from workflow.models import Transition
from workflow.roles import CONTRIBUTOR, EDITOR, TRANSLATOR
from workflow.services import STEPS

pytestmark = pytest.mark.django_db


def owned_draft(user, status=Status.DRAFT, **fields):
    article = make_article(status=status, languages=("en", "ar"), **fields)
    article.available_en = article.available_ar = False
    article.created_by = user
    article.save()
    return article


def input_names(response):
    """The names of the change form's inputs, as rendered."""
    tree = parse(response)
    return set(
        tree.xpath(
            "//form[@id='article_form']//*[self::input or self::select or self::textarea]/@name"
        )
    )


def save_with(client, article, **fields):
    """The change form as rendered, with ``fields`` forced into the POST, saved."""
    url = change_url(article)
    data = form_data(client.get(url))
    data.update({name: [value] for name, value in fields.items()})
    data["_save"] = ["Save"]
    return client.post(url, data)


def test_contributor_cannot_set_status_or_dates(client, users):
    """status, published_at and available_* in a contributor's POST are ignored; the text is saved."""
    article = owned_draft(users[CONTRIBUTOR])
    client_for(client, users[CONTRIBUTOR])
    response = save_with(
        client,
        article,
        title_en="A better title",
        status=Status.PUBLISHED,
        published_at_0="2020-01-01",
        published_at_1="10:00",
        published_at="2020-01-01 10:00",
        available_en="on",
        available_ar="on",
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_en == "A better title"
    assert article.status == Status.DRAFT
    assert article.published_at is None
    assert (article.available_en, article.available_ar) == (False, False)
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_readonly_fields_are_not_inputs(client, users):
    """The form has no input for status, date or languages, for any role."""
    article = owned_draft(users[CONTRIBUTOR])
    for role in (CONTRIBUTOR, EDITOR, TRANSLATOR):
        client_for(client, users[role])
        names = input_names(client.get(change_url(article)))
        assert "title_ar" in names
        for name in ("status", "published_at_0", "available_en", "available_ar"):
            assert name not in names, (role, name)


def test_contributor_cannot_open_or_change_someone_elses_article(client, users):
    """Another contributor's draft is not found for them, and a POST changes nothing."""
    article = owned_draft(users["other contributor"], title_en="Theirs")
    client_for(client, users[CONTRIBUTOR])
    assert client.get(change_url(article)).status_code == 302  # "does not exist"
    response = client.post(
        change_url(article), {"title_en": "Mine now", "_save": "Save"}
    )
    assert response.status_code in (302, 403, 404)
    article.refresh_from_db()
    assert article.title_en == "Theirs"


def test_contributor_cannot_transition_someone_elses_article(client, users):
    """A crafted submit of another contributor's draft is refused."""
    article = owned_draft(users["other contributor"])
    client_for(client, users[CONTRIBUTOR])
    raw_press(client, article, "submit")
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert not Transition.objects.exists()


@pytest.mark.parametrize(
    "name", ["approve", "publish", "schedule", "archive", "publish_en"]
)
def test_contributor_cannot_review_or_publish_own_article(client, users, name):
    """Crafted reviewer and publisher transitions by a contributor are refused."""
    article = owned_draft(users[CONTRIBUTOR], status=Status.IN_REVIEW)
    client_for(client, users[CONTRIBUTOR])
    when = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    # A date only with the buttons that read one: the refusal is the role's.
    raw_press(
        client,
        article,
        name,
        **{"CHANGE_FORM-when": when if STEPS[name].takes_date else ""},
    )
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert not article.available_en
    assert not Transition.objects.exists()


def test_contributor_cannot_edit_while_in_review(client, users):
    """Once submitted, the author's POST is refused until changes are requested."""
    article = owned_draft(users[CONTRIBUTOR], status=Status.IN_REVIEW, title_en="Sent")
    client_for(client, users[CONTRIBUTOR])
    response = client.post(
        change_url(article), {"title_en": "Changed", "_save": "Save"}
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title_en == "Sent"


def test_translator_changes_only_arabic_text(client, users):
    """A translator's POST saves the Arabic text and ignores English text and publication fields."""
    article = make_article(languages=("en",), title_en="English title")
    client_for(client, users[TRANSLATOR])
    names = input_names(client.get(change_url(article)))
    assert {"title_ar", "summary_ar", "body_ar"} <= names
    assert not names & {"title_en", "summary_en", "body_en", "type", "topics"}
    response = save_with(
        client,
        article,
        title_ar="عنوان عربي",
        summary_ar="ملخص",
        body_ar="<p>نص</p>",
        title_en="Hijacked",
        available_ar="on",
        status=Status.ARCHIVED,
    )
    assert response.status_code == 302
    # The article is live: the change waits until an editor publishes it (history).
    from history import services as history

    history.publish_pending(history.pending(article), users[EDITOR])
    article.refresh_from_db()
    assert article.title_ar == "عنوان عربي"
    assert article.title_en == "English title"
    assert article.available_ar is False
    assert article.status == Status.PUBLISHED


def test_translator_cannot_publish_a_language(client, users):
    """Publishing the Arabic version is an editor's transition."""
    article = make_article(languages=("en", "ar"))
    article.available_ar = False
    article.save()
    client_for(client, users[TRANSLATOR])
    raw_press(client, article, "publish_ar")
    article.refresh_from_db()
    assert article.available_ar is False


def test_contributor_adds_a_draft_of_their_own(client, users):
    """A new article by a contributor is a draft, theirs, and unpublished whatever the POST says."""
    from django.urls import reverse

    from articles.models import ArticleType

    client_for(client, users[CONTRIBUTOR])
    url = reverse("admin:articles_article_add")
    data = form_data(client.get(url))
    data.update(
        {
            "type": [str(ArticleType.objects.get(slug="brief-analysis").pk)],
            "title_en": ["A contributor's first piece"],
            "summary_en": ["Its summary."],
            "status": [Status.PUBLISHED],
            "available_en": ["on"],
            "_save": ["Save"],
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    article = Article.objects.get(title_en="A contributor's first piece")
    assert article.created_by == users[CONTRIBUTOR]
    assert (article.status, article.available_en) == (Status.DRAFT, False)
    # It is theirs: they can open it; the other contributor cannot.
    assert client.get(change_url(article)).status_code == 200
    client_for(client, users["other contributor"])
    assert client.get(change_url(article)).status_code == 302
