"""
Images without decoding in the request, and decoding within a memory budget.

The request (``core.uploads``) never decodes a pixel. It reads the
header (format, size, mode) with ``Image.open``, which stops before the
pixel data, and walks the file's container:

* ``strip()`` checks the structure (JPEG segments up to the end marker, PNG
  chunks and their CRCs up to ``IEND``, the RIFF chunks of a WebP, the boxes
  of an AVIF), so a truncated or broken file is refused, and drops the
  metadata: EXIF (GPS included), XMP, IPTC, comments, thumbnails and bytes
  after the image. The orientation alone is kept (a one-tag EXIF), so the
  worker turns the pixels and every rendition stands upright. Stripping a
  stripped file changes nothing, so a restored backup keeps its file names.
* ``decode_cost()`` says how much memory building the renditions will take,
  from the header alone; more than ``IMAGE_DECODE_MAX_BYTES`` (256 MB) is
  refused at the upload.

The worker (``core.renditions.ensure``) decodes with
``working_image()``: a JPEG is decoded already shrunk by libjpeg
(``Image.draft``: 1/2, 1/4 or 1/8), any picture is then reduced by an
integer factor (``Image.reduce``) as far as its largest rendition allows,
and the full-size pixels are released before the renditions are resized
from the smaller copy (``Image.resize(box=…)``: no cropped copies).
See docs/images.md ("Memory") for the measurements behind the numbers here.
"""

import io
import math
import re
import struct
import warnings
import zlib
from dataclasses import dataclass

from PIL import Image, ImageFile

ORIENTATION = 0x0112

#: Bytes per pixel that decoding a format takes at its peak, by Pillow mode
#: (measured: libwebp decodes into its own canvas and a copy; libavif into
#: YUV planes, an RGB buffer and a copy).
_PIXEL_BYTES = {"1": 1, "L": 1, "P": 1, "I;16": 2}
_DECODER_PIXEL_BYTES = {"WEBP": 17, "AVIF": 12}
#: What the encoders and the interpreter add while renditions are written.
_OVERHEAD = 32 * 1024 * 1024


class Damaged(ValueError):
    """The file's structure is broken or truncated."""


# ---------------------------------------------------------------- orientation


def orientation_of(tiff: bytes | None) -> int:
    """The EXIF orientation (1–8) of TIFF-structured EXIF bytes, 1 when absent or odd."""
    if not tiff:
        return 1
    if tiff.startswith(b"Exif\x00\x00"):
        tiff = tiff[6:]
    exif = Image.Exif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exif.load(tiff)
        value = int(exif.get(ORIENTATION, 1))
    except Exception:  # noqa: BLE001 - unreadable EXIF means no orientation
        return 1
    return value if 1 <= value <= 8 else 1


def _orientation_tiff(orientation: int) -> bytes:
    """A TIFF header and one IFD holding the orientation, nothing else."""
    entry = struct.pack(">HHIHH", ORIENTATION, 3, 1, orientation, 0)
    return b"MM\x00\x2a\x00\x00\x00\x08" + b"\x00\x01" + entry + b"\x00\x00\x00\x00"


# ---------------------------------------------------------------------- JPEG

#: Segments that carry pixels or say how to decode them: DQT, DHT, DRI,
#: DAC, DNL and every start of frame.
_JPEG_KEEP = {0xDB, 0xC4, 0xDD, 0xCC, 0xDC} | (
    set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
)
_JPEG_FRAMES = set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# In entropy-coded data 0xFF is followed by 0x00 (stuffing), a restart marker
# or another 0xFF (fill); anything else is the next marker.
_JPEG_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def _strip_jpeg(data: bytes) -> bytes:
    if not data.startswith(b"\xff\xd8"):
        raise Damaged("no start of image")
    kept, orientation, position = [], None, 2
    frame = scan = False
    while True:
        if position + 2 > len(data) or data[position] != 0xFF:
            raise Damaged("truncated or broken segment")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xD9:  # end of image; whatever follows is dropped
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            kept.append(data[position : position + 2])
            position += 2
            continue
        if position + 4 > len(data):
            raise Damaged("truncated segment")
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        end = position + 2 + length
        if length < 2 or end > len(data):
            raise Damaged("truncated segment")
        payload = data[position + 4 : end]
        if marker == 0xE1 and payload.startswith(b"Exif\x00\x00"):
            if orientation is None:
                orientation = orientation_of(payload[6:])
        elif (
            marker in _JPEG_KEEP
            or marker == 0xDA
            or (marker == 0xE0 and payload.startswith(b"JFIF\x00"))
            or (marker == 0xE2 and payload.startswith(b"ICC_PROFILE\x00"))
            or (marker == 0xEE and payload.startswith(b"Adobe"))
        ):
            kept.append(data[position:end])
        frame = frame or marker in _JPEG_FRAMES
        position = end
        if marker == 0xDA:
            scan = True
            found = _JPEG_MARKER.search(data, position)
            if found is None:
                raise Damaged("the image data has no end")
            kept.append(data[position : found.start()])
            position = found.start()
    if not (frame and scan):
        raise Damaged("no frame or no image data")
    if orientation and orientation != 1:
        tiff = b"Exif\x00\x00" + _orientation_tiff(orientation)
        app1 = b"\xff\xe1" + struct.pack(">H", len(tiff) + 2) + tiff
        at = 1 if kept and kept[0].startswith(b"\xff\xe0") else 0
        kept.insert(at, app1)
    return b"\xff\xd8" + b"".join(kept) + b"\xff\xd9"


# ----------------------------------------------------------------------- PNG

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Chunks that carry pixels or colour; text, EXIF, time stamps, animation
#: and private chunks are dropped.
_PNG_KEEP = {
    b"IHDR",
    b"PLTE",
    b"tRNS",
    b"IDAT",
    b"IEND",
    b"cHRM",
    b"gAMA",
    b"iCCP",
    b"sBIT",
    b"sRGB",
    b"cICP",
    b"mDCV",
    b"cLLI",
}


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def _strip_png(data: bytes) -> bytes:
    if not data.startswith(_PNG_SIGNATURE):
        raise Damaged("no PNG signature")
    kept, orientation, position, kinds = [], 1, len(_PNG_SIGNATURE), []
    while True:
        if position + 12 > len(data):
            raise Damaged("truncated chunk")
        length = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(data) or not kind.isalpha():
            raise Damaged("truncated or broken chunk")
        payload = data[position + 8 : end - 4]
        if zlib.crc32(kind + payload) & 0xFFFFFFFF != int.from_bytes(
            data[end - 4 : end], "big"
        ):
            raise Damaged("bad chunk checksum")
        kinds.append(kind)
        if kind == b"eXIf" and orientation == 1:
            orientation = orientation_of(payload)
        if kind in _PNG_KEEP:
            kept.append(data[position:end])
        elif kind[:1].isupper():
            raise Damaged("unknown critical chunk")
        position = end
        if kind == b"IEND":
            break
    if kinds[0] != b"IHDR" or b"IDAT" not in kinds:
        raise Damaged("no header or no image data")
    if orientation != 1:
        kept.insert(1, _png_chunk(b"eXIf", _orientation_tiff(orientation)))
    return _PNG_SIGNATURE + b"".join(kept)


# ---------------------------------------------------------------------- WebP

_WEBP_KEEP = {b"VP8X", b"ICCP", b"ANIM", b"ANMF", b"ALPH", b"VP8 ", b"VP8L"}


def _riff_chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        kind + struct.pack("<I", len(payload)) + payload + b"\x00" * (len(payload) & 1)
    )


def _strip_webp(data: bytes) -> bytes:
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise Damaged("no WebP header")
    end = 8 + int.from_bytes(data[4:8], "little")
    if end > len(data):
        raise Damaged("truncated file")
    chunks, orientation, position = [], 1, 12
    while position < end:
        if position + 8 > end:
            raise Damaged("truncated chunk")
        kind = data[position : position + 4]
        length = int.from_bytes(data[position + 4 : position + 8], "little")
        if position + 8 + length > end:
            raise Damaged("truncated chunk")
        payload = data[position + 8 : position + 8 + length]
        if kind == b"EXIF" and orientation == 1:
            orientation = orientation_of(payload)
        elif kind in _WEBP_KEEP:
            chunks.append((kind, payload))
        position += 8 + length + (length & 1)
    kinds = [kind for kind, _payload in chunks]
    if not {b"VP8 ", b"VP8L", b"ANMF"} & set(kinds):
        raise Damaged("no image data")
    if kinds[0] == b"VP8X":
        flags = chunks[0][1][0] & ~0x0C  # no EXIF, no XMP
        if orientation != 1:
            flags |= 0x08
            chunks.append((b"EXIF", _orientation_tiff(orientation)))
        chunks[0] = (b"VP8X", bytes([flags]) + chunks[0][1][1:])
    body = b"WEBP" + b"".join(_riff_chunk(kind, payload) for kind, payload in chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


# ---------------------------------------------------------------------- AVIF


def _boxes(data: bytes, start: int, end: int):
    """(type, payload start, box end) of the ISO-BMFF boxes in data[start:end]."""
    position = start
    while position < end:
        if position + 8 > end:
            raise Damaged("truncated box")
        size = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        header = 8
        if size == 1:
            if position + 16 > end:
                raise Damaged("truncated box")
            size = int.from_bytes(data[position + 8 : position + 16], "big")
            header = 16
        elif size == 0:
            size = end - position
        if size < header or position + size > end:
            raise Damaged("truncated box")
        yield kind, position + header, position + size
        position += size


def _uint(data: bytes, position: int, size: int) -> int:
    if size == 0:
        return 0
    return int.from_bytes(data[position : position + size], "big")


def _strip_avif(data: bytes) -> bytes:
    """
    Blank the EXIF and XMP items of an AVIF in place (their type renamed, so
    decoders skip them, and their bytes zeroed): no offset moves. The
    orientation lives in the ``irot``/``imir`` properties, which are kept.
    """
    top = list(_boxes(data, 0, len(data)))
    kinds = [kind for kind, _s, _e in top]
    if not kinds or kinds[0] != b"ftyp" or b"meta" not in kinds or b"mdat" not in kinds:
        raise Damaged("no AVIF structure")
    _kind, meta_start, meta_end = top[kinds.index(b"meta")]
    out = bytearray(data[: top[-1][2]])  # bytes after the last box are dropped
    metadata, iloc, idat = set(), None, 0
    for kind, start, end in _boxes(data, meta_start + 4, meta_end):
        if kind == b"iloc":
            iloc = (start, end)
        if kind == b"idat":
            idat = start
        if kind != b"iinf":
            continue
        version = data[start]
        first = start + 4 + (2 if version == 0 else 4)
        for entry, e_start, e_end in _boxes(data, first, end):
            if entry != b"infe" or data[e_start] < 2:
                continue
            id_size = 2 if data[e_start] == 2 else 4
            item_id = _uint(data, e_start + 4, id_size)
            type_at = e_start + 4 + id_size + 2
            item_type = data[type_at : type_at + 4]
            rest = data[type_at + 4 : e_end].split(b"\x00")
            content_type = rest[1] if len(rest) > 1 else b""
            if item_type == b"Exif" or (
                item_type == b"mime" and b"xml" in content_type.lower()
            ):
                metadata.add(item_id)
                out[type_at : type_at + 4] = b"skip"
    if metadata and iloc is None:
        raise Damaged("metadata without locations")
    if metadata:
        _blank_items(data, out, iloc, idat, metadata)
    return bytes(out)


def _blank_items(data: bytes, out: bytearray, iloc, idat: int, items: set[int]):
    """Zero the bytes of ``items``, in the file (method 0) or in ``idat`` (method 1)."""
    start, end = iloc
    version = data[start]
    position = start + 4
    offset_size, length_size = data[position] >> 4, data[position] & 15
    base_size = data[position + 1] >> 4
    index_size = data[position + 1] & 15 if version in (1, 2) else 0
    position += 2
    count_size = 2 if version < 2 else 4
    count = _uint(data, position, count_size)
    position += count_size
    for _ in range(count):
        item_id = _uint(data, position, count_size)
        position += count_size
        method = 0
        if version in (1, 2):
            method = data[position + 1] & 15
            position += 2
        position += 2  # data reference index
        base = _uint(data, position, base_size)
        position += base_size
        extents = _uint(data, position, 2)
        position += 2
        for _ in range(extents):
            position += index_size
            offset = _uint(data, position, offset_size)
            position += offset_size
            length = _uint(data, position, length_size)
            position += length_size
            if position > end:
                raise Damaged("truncated item locations")
            if item_id in items and method == 1 and not idat:
                raise Damaged("item data without its box")
            if item_id in items and method in (0, 1):
                first = base + offset + (idat if method == 1 else 0)
                if first + length > len(out):
                    raise Damaged("item outside the file")
                out[first : first + length] = bytes(length)


_STRIPPERS = {
    "JPEG": _strip_jpeg,
    "PNG": _strip_png,
    "WEBP": _strip_webp,
    "AVIF": _strip_avif,
}


def strip(data: bytes, kind: str) -> bytes:
    """``data`` without metadata, its structure checked (``Damaged`` if broken); no decoding."""
    return _STRIPPERS[kind](data)


# -------------------------------------------------------------------- header


@dataclass(frozen=True)
class Header:
    format: str
    #: As stored (before the orientation is applied).
    width: int
    height: int
    mode: str
    orientation: int

    @property
    def upright(self) -> tuple[int, int]:
        """The size once the orientation is applied (what the row stores)."""
        if self.orientation in (5, 6, 7, 8):
            return (self.height, self.width)
        return (self.width, self.height)


def read_header(source, kind: str | None = None) -> Header:
    """The header of an image (bytes or a file); nothing is decoded."""
    if isinstance(source, bytes | bytearray):
        source = io.BytesIO(source)
    with Image.open(source, formats=[kind] if kind else None) as image:
        exif = image.info.get("exif")
        return Header(
            image.format,
            image.width,
            image.height,
            image.mode,
            orientation_of(exif if isinstance(exif, bytes) else None),
        )


# ------------------------------------------------------------------- budget


def draft_scale(header: Header, scale: float) -> int:
    """The shrink libjpeg will decode at (1, 2, 4 or 8), as ``Image.draft`` picks it."""
    if header.format != "JPEG":
        return 1
    return next(s for s in (8, 4, 2, 1) if s <= scale)


def _reduced(size, factor):
    return (math.ceil(size[0] / factor), math.ceil(size[1] / factor))


def plan_decode(header: Header, scale: float) -> tuple[int, int]:
    """(draft shrink, then ``reduce`` factor) for a picture that may shrink ``scale`` times."""
    drafted = draft_scale(header, scale)
    return drafted, max(1, int(scale // drafted))


def decode_cost(
    header: Header, scale: float, largest: tuple[int, int], file_size: int
) -> int:
    """
    Bytes of memory that ``working_image`` and the renditions take at their
    peak, from the header alone: the file, the decoded pixels (at the JPEG
    draft's size) with their converted and reduced copy, or that copy turned
    upright and the largest rendition's resizing buffers; and the encoders.
    """
    drafted, factor = plan_decode(header, scale)
    decoded = _reduced((header.width, header.height), drafted)
    pixels = decoded[0] * decoded[1]
    per_pixel = _DECODER_PIXEL_BYTES.get(
        header.format, _PIXEL_BYTES.get(header.mode, 4)
    )
    stage_one = pixels * per_pixel
    working = _reduced(decoded, factor)
    working_bytes = working[0] * working[1] * 4
    if factor > 1 or header.mode not in ("RGB", "RGBA", "L"):
        stage_one += working_bytes  # the converted or reduced copy
    turned = working_bytes if header.orientation != 1 else 0
    width, height = largest
    resizing = (width * max(working) + width * height) * 4
    stage_two = working_bytes + turned + resizing
    return file_size + max(stage_one, stage_two) + _OVERHEAD


# -------------------------------------------------------------------- worker


#: How ``Image.transpose`` turns a picture of each EXIF orientation upright.
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


#: Pixels per strip that ``_convert_and_reduce`` converts at a time.
_STRIP_PIXELS = 1_000_000


def _convert_and_reduce(image: Image.Image, mode: str, factor: int) -> Image.Image:
    """
    ``image.convert(mode).reduce(factor)``, a strip of rows at a time: a full
    size converted copy (``reduce`` also premultiplies RGBA into one) never
    exists, only the result and one strip's copies.
    """
    factor = max(1, factor)
    width, height = image.size
    result = Image.new(mode, _reduced(image.size, factor))
    rows = factor * max(1, _STRIP_PIXELS // (width * factor))
    for top in range(0, height, rows):
        strip = image.crop((0, top, width, min(height, top + rows)))
        if strip.mode != mode:
            strip = strip.convert(mode)
        if factor > 1:
            strip = strip.reduce(factor)
        result.paste(strip, (0, top // factor))
    return result


def working_image(data: bytes, scale: float) -> tuple[Image.Image, float]:
    """
    The picture decoded, upright, in RGB, RGBA or L, shrunk by an integer
    factor as far as ``scale`` allows (a JPEG already in the decoder), and
    how many times it was shrunk (source width / working width). Only the
    working copy is still referenced when this returns.
    """
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    image = Image.open(io.BytesIO(data))
    exif = image.info.get("exif")
    header = Header(
        image.format,
        image.width,
        image.height,
        image.mode,
        orientation_of(exif if isinstance(exif, bytes) else None),
    )
    drafted, _factor = plan_decode(header, scale)
    if drafted > 1:
        # Image.draft picks the largest shrink that keeps at least this size.
        image.draft(None, (header.width // drafted, header.height // drafted))
    image.load()
    target = image.mode
    if target not in ("RGB", "RGBA", "L"):
        alpha = "A" in image.getbands() or "transparency" in image.info
        target = "RGBA" if alpha else "RGB"
    factor = int(scale * image.width / header.width)
    if factor > 1 or target != image.mode:
        image = _convert_and_reduce(image, target, factor)
    if header.orientation in _UPRIGHT:
        image = image.transpose(_UPRIGHT[header.orientation])
    return image, header.upright[0] / image.width
