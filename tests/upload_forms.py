"""Uploads through the admin's change forms, as editors make them."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from tests import files


def photo(size, name="photo.jpg"):
    """A JPEG as a browser uploads it."""
    return SimpleUploadedFile(name, files.photo(size), content_type="image/jpeg")


def sweep():
    """Run ``sweep_orphan_files`` on every file, however young."""
    call_command("sweep_orphan_files", "--min-age", "0", stdout=io.StringIO())
