"""
Uploaded files, served by the site itself when they live on its disk.

``serve_media`` answers ``MEDIA_URL<path>`` from ``MEDIA_ROOT`` (not when
media are in S3: the bucket serves them). It streams the file in chunks
(never read whole into memory), with:

* ``Content-Type`` from the name (every stored name's extension was chosen
  from the content: see core/uploads.py), ``nosniff``,
  ``Cross-Origin-Resource-Policy``, and for images a sandboxing CSP;
* ``Cache-Control`` (``MEDIA_CACHE_MAX_AGE``), ``Last-Modified`` and
  ``ETag``, answering ``304`` to a conditional request;
* single byte ranges (``206``), so that a PDF viewer can fetch a page at a
  time and a download can resume;
* or, with a front server configured (``MEDIA_ACCEL``), no body at all but
  ``X-Accel-Redirect`` (nginx) or ``X-Sendfile`` (Apache, lighttpd): the
  front server sends the file, the headers stay the site's.
"""

import os
import re
import stat
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified
from django.utils._os import safe_join
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.views.decorators.http import require_safe

#: The headers every response for an uploaded file carries.
MEDIA_HEADERS = {
    # Browsers must not guess a type from the content: an image stays an image
    # even if its bytes were to look like HTML.
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
}
#: For images only (Chromium will not show a PDF in a sandboxed document): if
#: one were ever rendered as a document, it could run and fetch nothing.
IMAGE_CSP = "default-src 'none'; sandbox"
#: Types the site stores; anything else is sent as a download.
TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".pdf": "application/pdf",
}
CHUNK = 64 * 1024
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _ranged(handle, start, length):
    handle.seek(start)
    left = length
    try:
        while left > 0:
            chunk = handle.read(min(CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
            yield chunk
    finally:
        handle.close()


def _byte_range(header: str, size: int):
    """(start, end) inclusive of a single satisfiable range, None for none, False if unsatisfiable."""
    match = RANGE.match(header.strip())
    if not match or not (match.group(1) or match.group(2)):
        return None
    first, last = match.groups()
    if first:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
    else:  # the last N bytes
        start, end = max(size - int(last), 0), size - 1
    if start >= size or start > end:
        return False
    return start, end


@require_safe
def serve_media(request, path, document_root=None):
    root = Path(document_root or settings.MEDIA_ROOT)
    try:
        full = Path(safe_join(root, path))
    except (SuspiciousFileOperation, ValueError):
        raise Http404 from None
    try:
        info = full.stat()
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        raise Http404 from None
    if not stat.S_ISREG(info.st_mode):
        raise Http404
    suffix = full.suffix.lower()
    content_type = TYPES.get(suffix) or "application/octet-stream"
    etag = quote_etag(f"{info.st_mtime_ns:x}-{info.st_size:x}")
    last_modified = http_date(info.st_mtime)

    if request.headers.get("If-None-Match") == etag or (
        "If-None-Match" not in request.headers
        and (
            since := parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        )
        and int(info.st_mtime) <= since
    ):
        response = HttpResponseNotModified()
    elif settings.MEDIA_ACCEL:
        response = HttpResponse(content_type=content_type)
        if settings.MEDIA_ACCEL.startswith("nginx:"):
            prefix = settings.MEDIA_ACCEL.removeprefix("nginx:").rstrip("/")
            relative = full.relative_to(os.path.abspath(root))
            response["X-Accel-Redirect"] = f"{prefix}/{relative.as_posix()}"
        else:
            response["X-Sendfile"] = os.fsencode(full).decode(
                "utf-8", "surrogateescape"
            )
    else:
        byte_range = _byte_range(request.headers.get("Range", ""), info.st_size)
        if byte_range is False:
            response = HttpResponse(status=416, content_type=content_type)
            response["Content-Range"] = f"bytes */{info.st_size}"
        elif byte_range:
            start, end = byte_range
            length = end - start + 1
            handle = full.open("rb")
            response = FileResponse(
                _ranged(handle, start, length), status=206, content_type=content_type
            )
            response["Content-Length"] = str(length)
            response["Content-Range"] = f"bytes {start}-{end}/{info.st_size}"
        else:
            response = FileResponse(full.open("rb"), content_type=content_type)
            response["Content-Length"] = str(info.st_size)
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    response["Last-Modified"] = last_modified
    response["Cache-Control"] = f"public, max-age={settings.MEDIA_CACHE_MAX_AGE}"
    for header, value in MEDIA_HEADERS.items():
        response.headers[header] = value
    if content_type.startswith("image/"):
        response.headers["Content-Security-Policy"] = IMAGE_CSP
    elif content_type == "application/octet-stream":
        response.headers["Content-Disposition"] = "attachment"
    return response
