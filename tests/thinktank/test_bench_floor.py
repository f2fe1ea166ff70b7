"""The benchmarks' floor: the site's URLs plus a fixed 30 KB page behind the same middleware."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(ROOT_URLCONF="bench.urls")
def test_the_floor_is_30_kb_behind_the_site_middleware(client):
    response = client.get("/__floor__/")
    assert response.status_code == 200
    assert len(response.content) == 30 * 1024
    assert "Content-Security-Policy" in response.headers  # the site's middleware ran
    assert client.get("/").status_code == 200  # and the site is all there


def test_the_site_has_no_floor(client):
    assert client.get("/__floor__/").status_code == 404
