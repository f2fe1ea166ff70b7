"""
On PostgreSQL the statements a page runs again and again are prepared on the
connection (psycopg's threshold: the fifth run), so PostgreSQL plans each once
per connection instead of on every request; behind a pooler in transaction
mode (``DJANGO_DB_SERVER_SIDE_BINDING=0``) nothing is prepared.
"""

import json
import os
import subprocess
import sys

from django.conf import settings

POSTGRES = "postgres://reader@127.0.0.1:5432/somewhere"


def database_options(**env) -> dict:
    """The database OPTIONS the settings give a process started with ``env``."""
    code = (
        "import json; from thinktank import settings as s; "
        "print(json.dumps(s.DATABASES['default'].get('OPTIONS', {})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_DB_SERVER_SIDE_BINDING": "1", **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout)


def test_postgresql_prepares_repeated_statements():
    options = database_options(DATABASE_URL=POSTGRES)
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 5


def test_behind_a_pooler_nothing_is_prepared():
    options = database_options(DATABASE_URL=POSTGRES, DJANGO_DB_SERVER_SIDE_BINDING="0")
    assert "server_side_binding" not in options
    assert "prepare_threshold" not in options


def test_sqlite_keeps_its_own_options():
    options = database_options(DATABASE_URL="sqlite:////tmp/nowhere.sqlite3")
    assert "prepare_threshold" not in options
    assert options["transaction_mode"] == "IMMEDIATE"
