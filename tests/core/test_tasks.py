"""
Under the production settings a save queues its renditions for the worker
instead of building them in the request; the worker builds them.
"""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from core import renditions
from tests import files
from tests.factories import make_expert

# Committed for real, as in production: the save's on-commit hook queues the
# task, and the worker (which closes connections it finds in a transaction)
# runs it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUEUED = {"BACKEND": "django_tasks_db.DatabaseBackend"}


@pytest.fixture
def queued(settings):
    settings.TASKS = {"default": QUEUED}


def _save_headshot():
    expert = make_expert("Nadia Farouk")
    expert.headshot = files.library_image(files.photo((1200, 900)), name="n.jpg")
    expert.save()
    expert.refresh_from_db()
    return expert


def _present(field_file):
    planned = renditions.field_plan(field_file, "profile")
    field_file = getattr(field_file, "rendition_file", field_file)
    return [field_file.storage.exists(r.name) for r in planned]


def test_a_save_queues_renditions_and_the_worker_builds_them(queued):
    expert = _save_headshot()
    queued_tasks = DBTaskResult.objects.filter(task_path="core.tasks.build_renditions")
    assert [t.status for t in queued_tasks] == ["READY"]
    assert not any(_present(expert.headshot)), "built inside the request"

    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0
    )

    assert all(_present(expert.headshot))
    assert [t.status for t in queued_tasks.all()] == ["SUCCESSFUL"]


def test_immediate_backend_builds_them_in_the_request():
    """Control: the development backend runs the same task at once, and queues nothing."""
    expert = _save_headshot()
    assert all(_present(expert.headshot))
    assert not DBTaskResult.objects.exists()
