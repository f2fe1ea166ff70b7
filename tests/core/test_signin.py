"""
Sign-in throttling: after AXES_FAILURE_LIMIT wrong passwords for one user
from one address, that pair is refused (even with the right password) until
the cool-off has passed; another address is not. Optional authenticator codes
for staff.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.html import parse

pytestmark = pytest.mark.django_db

PASSWORD = "a long and right password"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(password, address="10.0.0.1", username="editor", **extra):
    client = Client(REMOTE_ADDR=address)
    response = client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/", **extra},
    )
    signed_in = client.get(reverse("admin:index")).status_code == 200
    return response, signed_in


def fail(times, address="10.0.0.1"):
    for _ in range(times):
        _response, signed_in = sign_in("wrong", address)
        assert not signed_in


def test_the_right_password_works_after_fewer_failures_than_the_limit(editor):
    fail(settings.AXES_FAILURE_LIMIT - 1)
    response, signed_in = sign_in(PASSWORD)
    assert response.status_code == 302
    assert signed_in


def test_lockout_after_the_limit_refuses_even_the_right_password(editor):
    fail(settings.AXES_FAILURE_LIMIT)
    response, signed_in = sign_in(PASSWORD)
    assert response.status_code == 429
    assert not signed_in
    page = parse(response, status=429)
    assert "Sign-in locked" in page.findtext(".//h1")


def test_the_lockout_is_for_that_user_and_address_only(editor):
    fail(settings.AXES_FAILURE_LIMIT)
    # The same user from elsewhere (a colleague cannot be locked out from afar).
    assert sign_in(PASSWORD, address="10.0.0.2")[1]


def test_still_locked_just_before_the_end_of_the_cool_off(editor):
    fail(settings.AXES_FAILURE_LIMIT)
    almost = timezone.now() + settings.AXES_COOLOFF_TIME - timedelta(seconds=5)
    with mock.patch("axes.handlers.proxy.now", return_value=almost):
        assert sign_in(PASSWORD)[0].status_code == 429


def test_release_after_the_cool_off(editor):
    fail(settings.AXES_FAILURE_LIMIT)
    assert sign_in(PASSWORD)[0].status_code == 429
    later = timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(seconds=1)
    with mock.patch("axes.handlers.proxy.now", return_value=later):
        response, signed_in = sign_in(PASSWORD)
    assert response.status_code == 302
    assert signed_in


def test_the_client_address_behind_a_proxy_is_the_one_it_recorded(editor, settings):
    settings.PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="forged, 10.9.9.9").post(
            reverse("admin:login"), {"username": "editor", "password": "wrong"}
        )
    locked = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9").post(
        reverse("admin:login"), {"username": "editor", "password": PASSWORD}
    )
    assert locked.status_code == 429
    other = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.8").post(
        reverse("admin:login"), {"username": "editor", "password": PASSWORD}
    )
    assert other.status_code == 302


# Authenticator codes -------------------------------------------------------


def _code(device):
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{value:06d}"


def test_an_account_without_a_device_signs_in_with_its_password(editor):
    assert sign_in(PASSWORD)[1]


def test_an_account_with_a_device_needs_its_current_code(editor):
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    response, signed_in = sign_in(PASSWORD)
    assert not signed_in
    page = parse(response)
    errors = " ".join(page.xpath("//p[@class='errornote']//text()"))
    assert "code of your authenticator app" in errors
    assert sign_in(PASSWORD, otp_token=_code(device))[1]


def test_a_wrong_code_is_refused(editor):
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    wrong = "000000" if _code(device) != "000000" else "111111"
    assert not sign_in(PASSWORD, otp_token=wrong)[1]


def test_a_wrong_code_counts_towards_the_lockout(editor):
    TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(PASSWORD, otp_token="not-it")
    assert sign_in(PASSWORD)[0].status_code == 429


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_signing_in_outside_a_test_transaction(editor):
    """As in production (autocommit): the device lookup locks rows inside its own transaction."""
    assert sign_in(PASSWORD)[1]
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    assert sign_in(PASSWORD, otp_token=_code(device))[1]
