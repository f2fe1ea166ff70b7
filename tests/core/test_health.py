"""/healthz: the verdict for anyone, each dependency's result for the monitor, every failure named."""

import json
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import DatabaseError
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

TOKEN = "s3cret-monitor-token"


@pytest.fixture(autouse=True)
def _token(settings):
    settings.HEALTHZ_TOKEN = TOKEN


def monitor(**extra):
    response = Client().get("/healthz", HTTP_AUTHORIZATION=f"Bearer {TOKEN}", **extra)
    return response, json.loads(response.content)


def test_all_well():
    response, body = monitor()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "storage", "queue"}
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"]


def test_anonymous_callers_get_the_verdict_only():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    wrong = Client().get("/healthz", HTTP_AUTHORIZATION="Bearer guess")
    assert wrong.content == b"ok"


def test_staff_see_the_details():
    staff = get_user_model().objects.create_user("s", password="x", is_staff=True)
    client = Client()
    client.force_login(staff)
    assert json.loads(client.get("/healthz").content)["status"] == "ok"


FAILURES = {
    "database": DatabaseError("connection to 10.0.0.5 failed"),
    "cache": ConnectionError("redis://:pw@host"),
    "storage": PermissionError("/srv/media"),
}


@pytest.mark.parametrize("name", sorted(FAILURES))
def test_each_failed_dependency_is_reported(name, caplog):
    error = FAILURES[name]
    with mock.patch.dict("core.health.CHECKS", {name: mock.Mock(side_effect=error)}):
        response, body = monitor()
        anonymous = Client().get("/healthz")
    assert response.status_code == 503
    assert body["status"] == "unavailable"
    assert body["checks"][name] == {"ok": False, "error": type(error).__name__}
    others = {k: v for k, v in body["checks"].items() if k != name}
    assert all(check["ok"] for check in others.values())
    # No message that could carry a host or a password, to anyone.
    assert str(error) not in response.content.decode()
    assert anonymous.status_code == 503 and anonymous.content == b"unavailable"
    assert any(name in record.getMessage() for record in caplog.records)


def test_the_real_cache_check_fails_when_the_cache_is_unreachable(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    response, body = monitor()
    assert response.status_code == 503
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


def test_a_stalled_queue_is_reported(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from core.tasks import build_renditions

    build_renditions.enqueue("experts.Expert", 1, "headshot")
    fresh, body = monitor()
    assert fresh.status_code == 200
    assert body["checks"]["queue"]["ok"] is True
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))
    stalled, body = monitor()
    assert stalled.status_code == 503
    assert body["checks"]["queue"]["ok"] is False
    assert "600 s old" in body["checks"]["queue"]["error"]
