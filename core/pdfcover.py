"""
The cover of a PDF: its first page drawn as a Pillow image, with PDFium
(pypdfium2), in a child process that a bad file cannot take down with it.

    from core.pdfcover import render_cover
    image = render_cover(field_file, 480, name="policy-note-79.pdf")

PDFium is the renderer of Chromium; it is written in C and parses whatever it
is given. A malformed or hostile file may make it spin, allocate without bound
or crash, so the page is drawn in a separate Python process: a time limit
stops it, an address-space limit bounds its memory, and a crash ends only the
child. Whatever goes wrong reaches the caller as one ``PdfCoverError``
(a ``ValidationError``) naming the file.
"""

import subprocess
import sys

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

#: The widest cover drawn (pixels); thumbnails and retina renditions fit under it.
MAX_WIDTH = 3000
#: Pixels of one cover at most: a page far taller than wide is refused, not drawn.
MAX_PIXELS = 6_000_000
#: Seconds the child may take (starting Python and PDFium included).
TIMEOUT = 20
#: Address space of the child, in bytes.
MEMORY_LIMIT = 2 * 1024**3

# Exit codes of the child, and what they mean.
_UNREADABLE, _NO_PAGES, _TOO_LARGE = 3, 4, 5

#: The child: reads the PDF from stdin, writes "<width> <height>\n" and the
#: RGB pixels to stdout. It imports pypdfium2 and Pillow only.
_CHILD = r"""
import resource
import sys

width, max_pixels, memory = (int(arg) for arg in sys.argv[1:4])
resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
import pypdfium2 as pdfium

data = sys.stdin.buffer.read()
try:
    document = pdfium.PdfDocument(data)
    if len(document) < 1:
        sys.exit(4)
    page = document[0]
    page_width, page_height = page.get_size()  # as shown: /Rotate applied
except pdfium.PdfiumError as error:
    print(error, file=sys.stderr)
    sys.exit(3)
if page_width <= 0 or page_height <= 0:
    sys.exit(3)
scale = width / page_width
if width * page_height * scale > max_pixels:
    sys.exit(5)
try:
    bitmap = page.render(scale=scale, may_draw_forms=False)
    image = bitmap.to_pil().convert("RGB")
except pdfium.PdfiumError as error:
    print(error, file=sys.stderr)
    sys.exit(3)
out = sys.stdout.buffer
out.write(f"{image.width} {image.height}\n".encode())
out.write(image.tobytes())
out.flush()
"""


class PdfCoverError(ValidationError):
    """The cover of a PDF could not be drawn; the message names the file."""


def render_cover(
    source,
    width: int,
    *,
    name: str = "",
    max_bytes: int | None = None,
    max_pixels: int = MAX_PIXELS,
    timeout: float = TIMEOUT,
) -> Image.Image:
    """
    Draw the first page of a PDF as an RGB Pillow image ``width`` pixels wide.

    ``source`` is the PDF's bytes or an open binary file (a Django ``File`` or
    ``FieldFile`` is opened and read). The height follows the page's
    proportions (its ``/Rotate`` taken into account); a page with transparent
    areas is drawn on white. ``name`` is how messages name the file (by
    default the file's own name).

    Limits, each refused with a ``PdfCoverError`` before or instead of
    drawing: ``width`` from 1 to ``MAX_WIDTH``; the file at most ``max_bytes``
    (``settings.UPLOAD_PDF_MAX_BYTES`` by default); the drawn page at most
    ``max_pixels`` pixels; ``timeout`` seconds and ``MEMORY_LIMIT`` bytes of
    address space for the child process that draws.

    ``PdfCoverError`` is a ``ValidationError`` whose ``code`` tells why:
    ``"too_large"`` (file or page), ``"not_pdf"`` (no ``%PDF-`` header),
    ``"unreadable"`` (PDFium could not parse it), ``"no_pages"``,
    ``"timeout"``, ``"failed"`` (the child died, e.g. out of memory).
    It never returns a partial image. Nothing is cached or stored: callers
    keep the result (as a rendition) themselves.
    """
    name = name or getattr(source, "name", "") or "PDF"
    if not 1 <= width <= MAX_WIDTH:
        raise ValueError(f"width must be between 1 and {MAX_WIDTH}, not {width}")
    limit = settings.UPLOAD_PDF_MAX_BYTES if max_bytes is None else max_bytes
    data = _read(source, limit, name)
    if not data.startswith(b"%PDF-"):
        raise _error(name, _("it is not a PDF file."), "not_pdf")
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-I",
                "-c",
                _CHILD,
                str(width),
                str(max_pixels),
                str(MEMORY_LIMIT),
            ],
            input=data,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise _error(
            name, _("drawing its first page took too long."), "timeout"
        ) from None
    if done.returncode == _UNREADABLE:
        raise _error(name, _("the file is damaged or not a PDF."), "unreadable")
    if done.returncode == _NO_PAGES:
        raise _error(name, _("the PDF has no pages."), "no_pages")
    if done.returncode == _TOO_LARGE:
        raise _error(name, _("its first page is too large to draw."), "too_large")
    header, _newline, pixels = done.stdout.partition(b"\n")
    try:
        size = tuple(int(part) for part in header.split())
        if (
            done.returncode != 0
            or len(size) != 2
            or len(pixels) != size[0] * size[1] * 3
        ):
            raise ValueError
    except ValueError:
        raise _error(name, _("drawing its first page failed."), "failed") from None
    return Image.frombytes("RGB", size, pixels)


def _read(source, limit, name) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        # A Django File or FieldFile that is closed is opened, read and closed again.
        opened_here = getattr(source, "closed", False) and hasattr(source, "open")
        if opened_here:
            source.open("rb")
        try:
            if hasattr(source, "seek"):
                source.seek(0)
            data = source.read(limit + 1)
        finally:
            if opened_here:
                source.close()
    if len(data) > limit:
        raise _error(
            name,
            _("the file is larger than %(limit)s MB.") % {"limit": limit // 2**20},
            "too_large",
        )
    return data


def _error(name, reason, code) -> PdfCoverError:
    return PdfCoverError(
        _("Cannot draw the cover of “%(name)s”: %(reason)s"),
        code=code,
        params={"name": name, "reason": reason},
    )
