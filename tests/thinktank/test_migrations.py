import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_models_and_migrations_agree():
    """Every model change has its migration (after Adam Johnson's check)."""
    out = StringIO()
    try:
        call_command(
            "makemigrations", "--check", "--dry-run", stdout=out, stderr=StringIO()
        )
    except SystemExit:  # pragma: no cover - the failure path
        pytest.fail(f"Missing migrations:\n{out.getvalue()}")


def manage(*args, database, check=True):
    """Run ``manage.py`` in a process of its own, on the SQLite file ``database``."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DJANGO_DEBUG": "1"}
    env.pop("DJANGO_REDIS_URL", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if check and done.returncode:  # pragma: no cover - the failure path
        pytest.fail(f"manage.py {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def test_redirects_move_to_core_with_their_rows_and_permissions(tmp_path):
    """
    A database made before redirects moved from the project package to core
    keeps its redirects, and the permissions given on them, after migrate.
    """
    database = tmp_path / "before.sqlite3"
    manage("migrate", "auth", "-v", "0", database=database)
    manage("migrate", "thinktank", "0002", "-v", "0", database=database)
    manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import Group, Permission\n"
        "from django.contrib.contenttypes.models import ContentType\n"
        "from django.db import connection\n"
        "with connection.cursor() as c:\n"
        '    c.execute("INSERT INTO thinktank_redirect (old_path, new_path, language, kind, created)'
        " VALUES ('/old', '/new', 'en', 'manual', '2026-01-01')\")\n"
        "group = Group.objects.create(name='Redirect keepers')\n"
        # What the project package's post_migrate made when it had the model.
        "ct = ContentType.objects.create(app_label='thinktank', model='redirect')\n"
        "group.permissions.add(Permission.objects.create(content_type=ct,"
        " codename='change_redirect', name='Can change redirect'))\n",
        database=database,
    )
    manage("migrate", "-v", "0", database=database)
    out = manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.contrib.auth.models import Group\n"
        "from core.models import Redirect\n"
        "print([(r.old_path, r.new_path) for r in Redirect.objects.all()])\n"
        "print(sorted(p.content_type.app_label + '.' + p.codename"
        " for p in Group.objects.get(name='Redirect keepers').permissions.all()))\n",
        database=database,
    )
    assert out.splitlines() == [
        "[('/old', '/new')]",
        "['core.change_redirect']",
    ]
