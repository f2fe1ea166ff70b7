"""The editor's chooser answers staff who may view the records, in both languages."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import make_article, make_topic

pytestmark = pytest.mark.django_db

URL = "/admin/richtext/choices/"


def test_address_is_the_admin_one():
    assert reverse("admin:richtext_choices") == URL


def test_search_as_you_type_in_both_languages(admin_client):
    article = make_article(
        "Water and war", languages=("en", "ar"), title_ar="الماء والحرب"
    )
    make_article("Something else")
    topic = make_topic("Water")
    answer = admin_client.get(URL, {"kind": "article", "q": "water"}).json()
    assert [r["ref"] for r in answer["results"]] == [f"article:{article.pk}"]
    answer = admin_client.get(URL, {"kind": "article", "q": "الماء"}).json()
    assert [r["ref"] for r in answer["results"]] == [f"article:{article.pk}"]
    refs = {r["ref"] for r in admin_client.get(URL, {"q": "water"}).json()["results"]}
    assert {f"article:{article.pk}", f"topic:{topic.pk}"} <= refs


def test_staff_without_view_permission_is_refused(client, django_user_model):
    make_article("Water and war")
    user = django_user_model.objects.create_user("writer", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get(URL, {"kind": "article", "q": "water"}).status_code == 403
    user.user_permissions.set(Permission.objects.filter(codename="view_article"))
    answer = client.get(URL, {"kind": "article", "q": "water"})  # positive control
    assert answer.status_code == 200 and len(answer.json()["results"]) == 1


def test_readers_are_sent_to_sign_in(client, django_user_model):
    assert client.get(URL, {"q": "x"}).status_code == 302
    reader = django_user_model.objects.create_user("reader", password="pw")
    client.force_login(reader)
    assert client.get(URL, {"q": "x"}).status_code == 302
