"""`make serve`'s settings pass Django's deployment checks; without them, they would not."""

import os
import subprocess
import sys

from django.conf import settings

ROOT = settings.BASE_DIR


def _environment(**extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in ("PYTEST_CURRENT_TEST",)
    }
    env.update(extra)
    return env


def test_check_deploy_is_clean_under_make_serve_settings(tmp_path):
    result = subprocess.run(
        ["make", "-s", "check-deploy", f"SECRET_KEY_FILE={tmp_path / 'key'}"],
        check=False,
        cwd=ROOT,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    # The key was made for the occasion, never the development one.
    assert len((tmp_path / "key").read_text().strip()) >= 50


def test_check_deploy_fails_without_them():
    """Positive control: the development defaults are refused by the same check."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        check=False,
        cwd=ROOT,
        env=_environment(DJANGO_DEBUG="1"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    for check in ("security.W018", "security.W009", "security.W004"):
        assert check in result.stderr


def test_make_serve_settings_queue_tasks_in_the_database():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.TASKS['default']['BACKEND'], s.DEBUG, s.SESSION_COOKIE_SECURE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        cwd=ROOT,
        env=_environment(
            DJANGO_SETTINGS_MODULE="thinktank.settings",
            DJANGO_DEBUG="0",
            DJANGO_TASKS_BACKEND="db",
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["django_tasks_db.DatabaseBackend", "False", "True"]
