"""The editor's draft is saved every few seconds as an autosave revision, never onto the record."""

import pytest
from django.contrib.auth.models import Permission

from articles.models import Article, Status
from history import services
from history.models import Revision, RevisionKind
from tests.admin_forms import admin_url, fill, form_data
from tests.factories import make_article
from tests.html import get_page

pytestmark = pytest.mark.django_db


def autosave(client, article, **fields):
    data = fill(form_data(client.get(admin_url(article, "change", article.pk))))
    data.update(fields)
    return client.post(admin_url(article, "autosave", article.pk), data=data)


def test_autosave_never_touches_the_live_page(admin_client, client):
    article = make_article("Water and power")
    answer = autosave(admin_client, article, title_en="Half-written new title")
    assert answer.status_code == 200, answer.content
    assert "saved automatically" in answer.json()["message"]
    stored = Article.objects.get(pk=article.pk)
    assert stored.title_en == "Water and power"
    assert services.pending(stored) is None
    doc = get_page(client, stored.get_absolute_url())
    assert doc.xpath("string(//h1)").strip() == "Water and power"
    (kept,) = Revision.objects.of(stored).filter(kind=RevisionKind.AUTOSAVE)
    assert kept.data["fields"]["title_en"] == "Half-written new title"
    # A second autosave replaces the first; the editor's own save is no conflict.
    autosave(admin_client, article, title_en="Still writing")
    assert Revision.objects.of(stored).filter(kind=RevisionKind.AUTOSAVE).count() == 1
    url = admin_url(article, "change", article.pk)
    data = fill(form_data(admin_client.get(url)), _save="Save")
    assert admin_client.post(url, data=data).status_code == 302


def test_an_autosave_can_be_restored(admin_client):
    draft = make_article("First words", status=Status.DRAFT)
    autosave(admin_client, draft, title_en="Better words")
    (kept,) = Revision.objects.of(draft).filter(kind=RevisionKind.AUTOSAVE)
    history = get_page(admin_client, admin_url(draft, "history", draft.pk))
    restore = admin_url(draft, "restore", draft.pk, kept.pk)
    assert restore in history.xpath("//a/@href")
    assert admin_client.post(restore).status_code == 302
    assert Article.objects.get(pk=draft.pk).title_en == "Better words"


def test_autosave_needs_the_change_permission(client, django_user_model):
    article = make_article()
    user = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_article"))
    client.force_login(user)
    url = admin_url(article, "autosave", article.pk)
    # The article's admin does not show it to someone who may not change it.
    assert client.post(url, data={"title_en": "x"}).status_code in (403, 404)
    assert not Revision.objects.of(article).filter(kind=RevisionKind.AUTOSAVE).exists()
