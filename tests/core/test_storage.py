"""
A full media disk (ENOSPC, simulated mid-write): the editor gets a clear
error, no half file is left under any name, and nothing of the change is
saved.
"""

import errno
from unittest import mock

import pytest

from core.storage import MediaStorage
from experts.models import Expert
from tests import files
from tests.core.test_upload_safety import post_expert, upload

pytestmark = pytest.mark.django_db


def every_file(folder):
    return sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()
    )


def half_then_full(self, handle, chunk):
    handle.write(chunk[: len(chunk) // 2])
    handle.flush()
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_gives_a_clear_error_and_writes_nothing(admin_client, settings):
    content = files.photo((400, 300))
    with mock.patch.object(MediaStorage, "_write", half_then_full):
        response = post_expert(
            admin_client, name_en="Lina Haddad", headshot=upload("p.jpg", content)
        )
    assert response.status_code == 507
    assert "disk for uploaded files is full" in response.content.decode()
    assert "nothing else of this change" in response.content.decode()
    assert not Expert.objects.filter(name_en="Lina Haddad").exists()
    media = settings.MEDIA_ROOT
    assert not media.exists() or every_file(media) == []


def test_with_room_the_same_upload_is_saved_whole(admin_client, settings):
    """Control: the same request without the full disk saves the expert and the file."""
    response = post_expert(
        admin_client,
        name_en="Lina Haddad",
        headshot=upload("p.jpg", files.photo((400, 300))),
    )
    assert response.status_code == 302
    expert = Expert.objects.get(name_en="Lina Haddad")
    stored = settings.MEDIA_ROOT / expert.headshot.file.name
    assert stored.read_bytes().endswith(b"\xff\xd9")
    assert not list(settings.MEDIA_ROOT.rglob(".incoming-*"))
