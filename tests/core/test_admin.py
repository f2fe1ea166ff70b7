"""
The admin's "view on site" shortcut, ``/admin/r/<content type>/<id>/``, leads
only to live pages the user may view in the admin; everything else is a 404.
"""

from urllib.parse import urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from articles.models import Status
from history.services import record, trash
from tests.factories import make_article, make_expert, make_topic
from tests.workflow.conftest import make_user
from workflow.roles import CONTRIBUTOR, EDITOR, EXPERT_MANAGER

pytestmark = pytest.mark.django_db


def shortcut_url(obj, language="en"):
    content_type = ContentType.objects.get_for_model(obj)
    with translation.override(language):
        return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


def public_path(response):
    assert response.status_code == 302, response.status_code
    return urlsplit(response["Location"]).path


@pytest.fixture
def draft():
    return make_article(
        "Secret plans for the Litani dam",
        status=Status.DRAFT,
        languages=(),
        slug_en="secret-plans-for-the-litani-dam",
    )


def test_expert_manager_cannot_read_an_article_slug(client, draft):
    """
    Defect 22: an account without article permission learns nothing about
    articles, drafts or published, by resolving their ids.
    """
    published = make_article("A published analysis")
    client.force_login(make_user(EXPERT_MANAGER))
    for article in (draft, published):
        response = client.get(shortcut_url(article))
        assert response.status_code == 404
        assert "Location" not in response
        assert article.slug_en not in response.content.decode()
    # The control: a live expert profile, which this role manages, opens.
    expert = make_expert("Omar Carmi")
    assert public_path(client.get(shortcut_url(expert))) == expert.get_absolute_url()


@pytest.mark.parametrize("kind", ["draft", "trashed", "scheduled", "other language"])
def test_editor_is_not_led_to_an_unpublished_page(client, draft, kind):
    """Defect 22: drafts, trashed and future articles have no public page to lead to."""
    editor = make_user(EDITOR)
    client.force_login(editor)
    article, language = draft, "en"
    if kind == "trashed":
        article = make_article("A trashed analysis")
        trash(article, editor)
    elif kind == "scheduled":
        article = make_article("A scheduled analysis", status=Status.SCHEDULED)
        article.published_at = article.published_at.replace(year=2999)
        article.save()
    elif kind == "other language":
        # Published in English only; its Arabic title and slug are a draft.
        article = make_article(
            "An English analysis", title_ar="مسودة عربية", slug_ar="masawada"
        )
        language = "ar"
    response = client.get(shortcut_url(article, language))
    assert response.status_code == 404
    assert "Location" not in response


def test_editor_is_led_to_a_live_article_in_each_language(client):
    """The control: a live article's shortcut leads to its page in the admin's language."""
    article = make_article("A live analysis", languages=("en", "ar"))
    client.force_login(make_user(EDITOR))
    assert public_path(client.get(shortcut_url(article))) == article.url_in("en")
    assert public_path(client.get(shortcut_url(article, "ar"))) == article.url_in("ar")


def test_contributor_is_led_only_to_their_own_articles(client):
    """Defect 22: a contributor resolves no one else's article, even a live one."""
    contributor = make_user(CONTRIBUTOR)
    theirs = make_article("Their analysis", created_by=make_user(EDITOR))
    own = make_article("My analysis", created_by=contributor)
    client.force_login(contributor)
    assert client.get(shortcut_url(theirs)).status_code == 404
    assert public_path(client.get(shortcut_url(own))) == own.get_absolute_url()


def test_experts_without_a_page_and_other_records_are_not_found(client):
    """Defect 22: no profile, a trashed profile, a model without public pages: 404."""
    editor = make_user(EDITOR)
    client.force_login(editor)
    contributor_only = make_expert("Guest Writer", has_profile=False)
    gone = make_expert("Former Fellow")
    trash(gone, editor)
    # A revision: a record in the admin without a page of its own.
    revision = record(make_expert("Sami Nasser"), editor)
    for obj in (contributor_only, gone):
        assert client.get(shortcut_url(obj)).status_code == 404
    assert client.get(shortcut_url(revision)).status_code == 404
    content_type = ContentType.objects.get_for_model(revision)
    for args in ([content_type.pk, "not-an-id"], [999999, 1]):
        response = client.get(reverse("admin:view_on_site", args=args))
        assert response.status_code == 404
    # The controls: a topic and a live profile open.
    topic = make_topic("Energy")
    assert public_path(client.get(shortcut_url(topic))) == topic.get_absolute_url()
    expert = make_expert("Lina Haddad")
    assert public_path(client.get(shortcut_url(expert))) == expert.get_absolute_url()


def test_anonymous_visitors_are_sent_to_log_in(client):
    article = make_article("A live analysis")
    response = client.get(shortcut_url(article))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
