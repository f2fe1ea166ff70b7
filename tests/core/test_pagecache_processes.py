"""
The page cache stays right across processes: two readers in processes of
their own (as two gunicorn workers, or two machines) and a writer in a third
share only the database (and Redis, when DJANGO_REDIS_URL is set). A change
the writer commits is on the very next page either reader serves.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def database_url() -> str:
    """The address of the database this test runs on, for another process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


class Reader:
    """A page-reading process."""

    def __init__(self, static_root):
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "DJANGO_PAGE_CACHE": "1",
            "DJANGO_DEBUG": "",
            "DJANGO_STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
            "DJANGO_STATIC_ROOT": str(static_root),
            "PYTHONWARNINGS": "error",
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.page_reader"],
            cwd=settings.BASE_DIR,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert "ready" in json.loads(self.process.stdout.readline())

    def get(self, path: str) -> dict:
        self.process.stdin.write(path + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()


@pytest.fixture
def readers(shared_database, tmp_path):
    started = [Reader(tmp_path), Reader(tmp_path)]
    yield started
    for reader in started:
        reader.close()


def test_a_change_reaches_readers_in_other_processes(readers):
    article = make_article("Water diplomacy on the Jordan")
    url = article.url_in("en")
    first, second = readers
    assert first.get(url)["cache"] == "miss"
    seen = first.get(url)
    assert (seen["cache"], seen["h1"]) == ("hit", "Water diplomacy on the Jordan")
    seen = second.get(url)
    assert seen["h1"] == "Water diplomacy on the Jordan"
    assert second.get(url)["cache"] == "hit"

    # A third process (this one) commits a change.
    article.title_en = "Water diplomacy on the Jordan, revisited"
    article.save()

    for reader in readers:
        seen = reader.get(url)
        assert seen["status"] == 200
        assert seen["h1"] == "Water diplomacy on the Jordan, revisited"
        assert reader.get(url)["cache"] == "hit"


def test_withdrawn_work_is_gone_from_every_process(readers):
    article = make_article("A piece about to be withdrawn")
    url = article.url_in("en")
    for reader in readers:
        reader.get(url)
        assert reader.get(url)["cache"] == "hit"
    article.available_en = False
    article.save()
    for reader in readers:
        assert reader.get(url)["status"] == 404
