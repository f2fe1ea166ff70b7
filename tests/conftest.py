import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files go to a throwaway folder, never into the work tree."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture(autouse=True, scope="session")
def _static_root(tmp_path_factory):
    """
    WhiteNoise warns (an error here) when STATIC_ROOT does not exist, which it
    does not before ``collectstatic``: point it at an empty folder. Session
    scoped so that it is in place before ``live_server`` loads the middleware.
    """
    from django.test import override_settings

    with override_settings(STATIC_ROOT=tmp_path_factory.mktemp("static")):
        yield


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """
    pytest-django's server, started only once the test database exists: then it
    shares the in-memory SQLite connection instead of opening (and leaking) one
    per request thread, which fails the run with a ResourceWarning.
    """
    return live_server
