import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests import files
from tests.admin_forms import admin_url, fill, form_data
from tests.factories import make_article, make_expert


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (file deletion, the renditions task) at once."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def expert_with_photo(commit):
    expert = make_expert("Nadia Farouk")

    def save():
        expert.headshot = files.library_image(
            files.photo((1200, 900), dot=(20, 30)),
            name="nadia.jpg",
            focus_x=20,
            focus_y=30,
        )
        expert.save()

    commit(save)
    return expert


@pytest.fixture
def article():
    return make_article("Water and Power in the Jordan Valley")


@pytest.fixture
def admin_post(admin_client, django_capture_on_commit_callbacks):
    """POST to an admin URL as a superuser, then run what waited for the commit."""

    def post(url, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return admin_client.post(url, **kwargs)

    return post


@pytest.fixture
def save_form(admin_client, admin_post):
    """Open the change form of ``obj``, set ``fields`` (uploads too) and POST it."""

    def save(obj, expect=302, **fields):
        url = admin_url(obj, "change", obj.pk)
        data = fill(form_data(admin_client.get(url)), _save="Save")
        data.update(fields)
        response = admin_post(url, data=data)
        assert response.status_code == expect, response.content.decode()[:3000]
        return response

    return save


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core for the browser tests (tests.browser.audit), installed from npm (package-lock.json) on first use; never committed."""
    axe = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.exists():
        subprocess.run(
            [shutil.which("npm") or "npm", "ci", "--no-audit", "--no-fund"],
            cwd=settings.BASE_DIR,
            check=True,
            capture_output=True,
        )
    return axe
