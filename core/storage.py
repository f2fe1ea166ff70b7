"""
The media folder's storage: Django's ``FileSystemStorage``, but a file
appears under its name only once every byte of it is on disk.

Django's own writes the file in place, so a full disk (``ENOSPC``) or a
quota (``EDQUOT``) leaves half a file under the real name. Here the bytes go
to a hidden temporary file in the same folder, which is linked to its name
when complete (and removed in every case). A full disk raises
``StorageFull``, whose message says what happened; ``StorageFullMiddleware``
answers it with 507 and that message, and the request's transaction (the
admin saves in one) is rolled back, so nothing of the change is kept.
"""

import errno
import os
import tempfile

from django.core.files.storage import FileSystemStorage
from django.http import HttpResponse
from django.utils.translation import gettext_lazy

FULL = {errno.ENOSPC, errno.EDQUOT}


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Read once, at import (changing it is not safe while threads run).
UMASK = _umask()


class StorageFull(OSError):
    """The media storage has no room left: the file was not written."""

    def __init__(self, name, cause=None):
        super().__init__(cause.errno if cause else errno.ENOSPC, str(self.message))
        self.name = name

    message = gettext_lazy(
        "The server's disk for uploaded files is full: the file was not saved, "
        "and nothing else of this change was either. Ask the site's "
        "administrator to make room, then save again."
    )


class MediaStorage(FileSystemStorage):
    def _write(self, handle, chunk):
        handle.write(chunk)

    def _save(self, name, content):
        full_path = self.path(name)
        folder = os.path.dirname(full_path)
        os.makedirs(folder, exist_ok=True)
        descriptor, incoming = tempfile.mkstemp(dir=folder, prefix=".incoming-")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                if hasattr(content, "seek"):
                    content.seek(0)
                for chunk in content.chunks():
                    self._write(
                        handle, chunk.encode() if isinstance(chunk, str) else chunk
                    )
                handle.flush()
                os.fsync(handle.fileno())
            while True:
                try:
                    # Fails if the name is taken, as Django's O_EXCL does.
                    os.link(incoming, full_path)
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
        except OSError as error:
            if error.errno in FULL:
                raise StorageFull(name, error) from error
            raise
        finally:
            try:
                os.unlink(incoming)
            except FileNotFoundError:
                pass
        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
        else:
            # As Django's own: what the process's umask allows.
            os.chmod(full_path, 0o666 & ~UMASK)
        return os.path.relpath(full_path, self.location).replace("\\", "/")


class StorageFullMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, StorageFull):
            return HttpResponse(
                str(StorageFull.message),
                status=507,
                content_type="text/plain; charset=utf-8",
            )
        return None
