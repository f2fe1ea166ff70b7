"""Editors issue API keys in the admin: the key is shown once, only its hash is kept."""

import re

import pytest
from django.urls import reverse

from api.models import ApiKey, hash_key
from tests.workflow.conftest import make_user
from workflow.roles import CONTRIBUTOR, EDITOR

pytestmark = pytest.mark.django_db


def test_editor_issues_a_key_shown_once(client):
    client.force_login(make_user(EDITOR))
    response = client.post(
        reverse("admin:api_apikey_add"), {"name": "Mobile app"}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    secret = re.search(r"tt_[A-Za-z0-9_-]{20,}", page)[0]
    key = ApiKey.objects.get()
    assert key.hashed == hash_key(secret) and secret not in str(ApiKey.objects.values())
    assert key.prefix and secret.startswith(key.prefix)
    # Never shown again.
    change = client.get(reverse("admin:api_apikey_change", args=[key.pk]))
    assert secret not in change.content.decode()
    # It works: a client with it gets the keyed limit.
    client.logout()
    answer = client.get("/api/v1/topics", HTTP_X_API_KEY=secret)
    assert answer.status_code == 200


def test_contributor_may_not_issue_keys(client):
    client.force_login(make_user(CONTRIBUTOR))
    refused = client.post(reverse("admin:api_apikey_add"), {"name": "Mobile app"})
    assert refused.status_code == 403 and not ApiKey.objects.exists()
