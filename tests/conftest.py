import contextlib
import sqlite3

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread
from django.utils import translation

#: Fixtures for uploads and the admin's forms (tests/fixtures.py), for every folder.
pytest_plugins = ["tests.fixtures"]


def pytest_sessionstart(session):
    """Compile the project's message catalogues when a .mo is missing or older than its .po."""
    locale_dir = settings.BASE_DIR / "locale"
    stale = [
        po
        for po in locale_dir.glob("*/LC_MESSAGES/*.po")
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        # compilemessages walks the current directory: start it inside the
        # project's locale folder so that it never descends into .venv.
        with contextlib.chdir(locale_dir):
            call_command("compilemessages", verbosity=0)


def _committing_without_restoring(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(
        marker
        and marker.kwargs.get("transaction")
        and not marker.kwargs.get("serialized_rollback")
    )


def pytest_collection_modifyitems(config, items):
    """
    A test that commits for real (``transaction=True``) must also put the
    database back as it found it (``serialized_rollback=True``): the flush
    after it re-creates content types and permissions under new numbers, and
    every later test that restores the database then meets duplicates.

    Tests marked ``postgres`` exercise what only PostgreSQL has (stored search
    vectors, row locks taken by concurrent connections): on another database
    they are skipped, with the reason shown. On PostgreSQL every test runs.
    """
    careless = [item.nodeid for item in items if _committing_without_restoring(item)]
    if careless:
        raise pytest.UsageError(
            "django_db(transaction=True) without serialized_rollback=True: "
            + ", ".join(careless)
        )
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(
        reason=f"needs PostgreSQL (this run is on {connection.display_name})"
    )
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request to /ar/ leaves Arabic active in the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """
    Pages are rendered afresh: a test's writes never commit, so the page
    cache's generation would not move. tests/core/test_pagecache.py turns it on.
    """
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": False}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """
    Tests make users (``admin_client`` a superuser per test): a fast hasher
    instead of the slow, secure one. No test is about the hashing itself.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _pages_refuse_lazy_loads(settings):
    """
    The reads behind the public pages raise ``FieldFetchBlocked`` on a field
    they did not load (core.fetching): a lazy load there is an N+1 query.
    """
    settings.PAGE_FETCH_MODE = "FETCH_RAISE"


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


class _SerialServer(WSGIServer):
    """The live server answering in its own thread (which has the shared connection)."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session")
def _one_request_at_a_time_on_sqlite():
    """
    On SQLite the live server's request threads share one in-memory connection,
    and two requests at once (a page's scripts) can meet inside it ("bad
    parameter or other API misuse"): there it answers one request at a time.
    """
    if connection.vendor != "sqlite":
        yield
        return
    threaded = LiveServerThread.server_class
    LiveServerThread.server_class = _SerialServer
    try:
        yield
    finally:
        LiveServerThread.server_class = threaded


@pytest.fixture(scope="session")
def live_server(django_db_setup, _one_request_at_a_time_on_sqlite, live_server):
    """
    pytest-django's server, started only once the test database exists: then it
    shares the in-memory SQLite connection instead of opening (and leaking) one
    per request thread, which fails the run with a ResourceWarning.
    """
    return live_server


@pytest.fixture
def shared_database(tmp_path):
    """
    A database that threads share as concurrent requests do, each with its
    own connection and the database's own locking. PostgreSQL is one already.
    The in-memory SQLite test database is not (its shared cache refuses a
    second writer at once instead of making it wait): for the test, it is
    copied into a file that every new connection opens, and it comes back
    after. Use with ``django_db(transaction=True)``; each thread closes its
    connection when done.
    """
    if connection.vendor != "sqlite":
        yield
        return
    assert not connection.in_atomic_block, "use django_db(transaction=True)"
    connection.ensure_connection()
    memory, name = connection.connection, connection.settings_dict["NAME"]
    path = str(tmp_path / "shared.sqlite3")
    copy = sqlite3.connect(path)
    memory.backup(copy)
    copy.close()
    # Every thread's connection is made from this same settings dictionary.
    connection.settings_dict["NAME"] = path
    connection.connection = None  # still open: closing it would drop the database
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name
        connection.connection = memory
