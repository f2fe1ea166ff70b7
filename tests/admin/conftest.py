import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """``admin_client`` makes a superuser per test: skip the slow, secure hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
