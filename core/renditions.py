"""
Image renditions: a fixed list of named specs, produced ahead of time.

Each use of an image on the site (a card, the rail, a bio card, a profile
photo, the lead image, the press download, the Open Graph image) has one spec
here. A spec gives the shape (an aspect ratio, or none for "keep the photo's
own") and the widths offered to ``srcset``; every width is produced as WebP
and JPEG, and AVIF is offered where it comes out smaller than the WebP: the
task encodes it, compares, keeps it only then, and records the choice on the
row (``<field>_avif``, e.g. ``"card+ lead+ rail-"``) so that templates know
without looking anything up. On a 72-pixel avatar AVIF's container costs more
than it saves, so the ``bio`` spec does not try.

Renditions are plain files in the default storage (so S3 works by
configuration) under names derived from the source's name, which is itself
the hash of its content, and from the spec and the focal point:

    renditions/<source path without extension>/<spec>-<w>x<h>-<fx>-<fy>.<ext>

The names are computed, never looked up, so listing pages cost no query and
no storage call per image; the source's dimensions are stored on the row so
nothing is decoded during a page render. There is no resizing view: the only
files that exist are the ones this module writes, after an upload, in the
``build_renditions`` task (or ``manage.py build_renditions``).
"""

import io
import posixpath
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image

from core import decoding, pagecache

FORMATS = {
    # libavif's speed 8 rather than its default 6: measured on six demo
    # pictures at the card and lead widths, 1.67 s of CPU instead of 6.59 s
    # for 11 % more bytes (speed 7: 3.55 s, +5 %; speed 9: 0.91 s, +40 %).
    "avif": ("AVIF", "image/avif", {"quality": 50, "speed": 8}),
    "webp": ("WEBP", "image/webp", {"quality": 82, "method": 4}),
    "jpeg": (
        "JPEG",
        "image/jpeg",
        {"quality": 85, "optimize": True, "progressive": True},
    ),
}
ROOT = "renditions"


@dataclass(frozen=True)
class Spec:
    name: str
    #: (width, height) of the shape; None keeps the photo's own proportions.
    ratio: tuple[int, int] | None
    widths: tuple[int, ...]
    formats: tuple[str, ...]
    #: The ``sizes`` attribute: how wide the image shows on the page.
    sizes: str


SPECS = {
    spec.name: spec
    for spec in (
        Spec(
            "card",
            (16, 9),
            (320, 480, 640, 960),
            ("avif", "webp", "jpeg"),
            "(min-width: 60rem) 20rem, 100vw",
        ),
        Spec("rail", (3, 2), (120, 240, 360), ("avif", "webp", "jpeg"), "7.5rem"),
        Spec("bio", (1, 1), (72, 144, 216), ("webp", "jpeg"), "4.5rem"),
        Spec(
            "profile",
            (4, 5),
            (208, 320, 416, 624),
            ("avif", "webp", "jpeg"),
            "(max-width: 40rem) 10rem, 13rem",
        ),
        Spec(
            "lead",
            (16, 9),
            (480, 800, 1200, 1600),
            ("avif", "webp", "jpeg"),
            "(min-width: 75rem) 72rem, 100vw",
        ),
        Spec("press", None, (3000,), ("jpeg",), "100vw"),
        Spec("og", (1200, 630), (1200,), ("jpeg",), "1200px"),
    )
}


class UnknownSpec(KeyError):
    pass


def get_spec(name: str) -> Spec:
    try:
        return SPECS[name]
    except KeyError:
        raise UnknownSpec(f"no rendition spec named {name!r}") from None


def crop_box(width, height, ratio, focus):
    """The largest box of ``ratio`` inside width × height, centred on ``focus`` (per cent)."""
    if ratio is None:
        return (0, 0, width, height)
    rw, rh = ratio
    if width * rh > height * rw:  # wider than the shape: crop the sides
        cw, ch = max(1, round(height * rw / rh)), height
    else:
        cw, ch = width, max(1, round(width * rh / rw))
    fx, fy = focus
    left = min(max(round(width * fx / 100 - cw / 2), 0), width - cw)
    top = min(max(round(height * fy / 100 - ch / 2), 0), height - ch)
    return (left, top, left + cw, top + ch)


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    height: int
    format: str  # a key of FORMATS

    @property
    def mime(self):
        return FORMATS[self.format][1]


def plan(source_name, source_size, spec: Spec, focus) -> list[Rendition]:
    """Every rendition of ``spec`` for a source of ``source_size``; never upscaled."""
    width, height = source_size
    left, top, right, bottom = crop_box(width, height, spec.ratio, focus)
    cw, ch = right - left, bottom - top
    if spec.ratio is None:
        # Keep the shape; the widths bound the longer side.
        longest = max(cw, ch)
        sides = [w for w in spec.widths if w <= longest] or [longest]
        sizes = [
            (max(1, round(cw * s / longest)), max(1, round(ch * s / longest)))
            for s in sides
        ]
    else:
        rw, rh = spec.ratio
        widths = [w for w in spec.widths if w <= cw] or [cw]
        sizes = [(w, max(1, round(w * rh / rw))) for w in widths]
    stem = posixpath.splitext(source_name)[0]
    fx, fy = focus if spec.ratio else ("", "")
    focus_part = f"-{fx}-{fy}" if spec.ratio else ""
    return [
        Rendition(
            f"{ROOT}/{stem}/{spec.name}-{w}x{h}{focus_part}.{'jpg' if fmt == 'jpeg' else fmt}",
            w,
            h,
            fmt,
        )
        for (w, h) in sizes
        for fmt in spec.formats
    ]


def shrink_allowance(source_size, spec_names=None) -> tuple[float, tuple[int, int]]:
    """
    How many times a source of ``source_size`` (upright) may be shrunk before
    any rendition of ``spec_names`` (all specs if None) would need more
    pixels than it has; and the largest rendition (width, height).
    """
    width, height = source_size
    scale, largest = float("inf"), (1, 1)
    for name in spec_names if spec_names is not None else SPECS:
        spec = get_spec(name)
        left, top, right, bottom = crop_box(width, height, spec.ratio, (50, 50))
        for r in plan("x", source_size, spec, (50, 50)):
            scale = min(scale, (right - left) / r.width, (bottom - top) / r.height)
            if r.width * r.height > largest[0] * largest[1]:
                largest = (r.width, r.height)
    return max(1.0, scale), largest


class TooLargeToDecode(ValueError):
    """Decoding the source would take more memory than ``IMAGE_DECODE_MAX_BYTES``."""


def decode_cost(header, file_size, spec_names=None) -> int:
    """Bytes of memory building the renditions of ``spec_names`` takes (from the header)."""
    scale, largest = shrink_allowance(header.upright, spec_names)
    return decoding.decode_cost(header, scale, largest, file_size)


def decode_source(storage, name, spec_names) -> tuple[Image.Image, tuple[int, int]]:
    """
    The pixels to render ``spec_names`` from (``decoding.working_image``:
    upright, shrunk as far as the largest rendition allows) and the source's
    upright size. ``TooLargeToDecode`` if that would take more memory than
    ``IMAGE_DECODE_MAX_BYTES`` (an upload is refused before; a file that
    came another way, or a lowered budget, stops here).
    """
    with storage.open(name, "rb") as handle:
        data = handle.read()
    header = decoding.read_header(data)
    cost = decode_cost(header, len(data), spec_names)
    if cost > settings.IMAGE_DECODE_MAX_BYTES:
        raise TooLargeToDecode(
            f"{name}: decoding would take about {cost // 2**20} MB; "
            f"the budget is {settings.IMAGE_DECODE_MAX_BYTES // 2**20} MB"
        )
    scale, _largest = shrink_allowance(header.upright, spec_names)
    image, _shrink = decoding.working_image(data, scale)
    return image, header.upright


def avif_column(field) -> str:
    """The row's column recording, per spec, whether AVIF came out smaller."""
    return getattr(field, "avif_field", None) or f"{field.name}_avif"


def avif_decisions(field_file) -> dict[str, bool]:
    """{spec: AVIF offered?} as the renditions task recorded it ("lead+ bio-")."""
    recorded = getattr(field_file.instance, avif_column(field_file.field), "") or ""
    return {item[:-1]: item.endswith("+") for item in recorded.split() if item}


def field_plan(field_file, spec_name, *, all_formats=False) -> list[Rendition]:
    """
    The renditions of ``spec_name`` for an image field's current file (no I/O).

    AVIF is left out unless the renditions task found it smaller than WebP for
    this image and spec (``all_formats`` includes it regardless).
    """
    spec = get_spec(spec_name)
    # A record that holds its image (the library's) stands for its file.
    field_file = getattr(field_file, "rendition_file", field_file)
    field, instance = field_file.field, field_file.instance
    size = (
        getattr(instance, field.width_field, None) if field.width_field else None,
        getattr(instance, field.height_field, None) if field.height_field else None,
    )
    if not all(size):
        size = (field_file.width, field_file.height)  # decodes the header once
    planned = plan(field_file.name, size, spec, field.focus(instance))
    if all_formats or avif_decisions(field_file).get(spec_name):
        return planned
    return [r for r in planned if r.format != "avif"]


def render(
    image: Image.Image, spec: Spec, focus, rendition: Rendition, source_size=None
) -> bytes:
    """
    One rendition from ``image``, the source (``source_size``, upright) or a
    copy of it shrunk by ``decoding.working_image``: the crop is computed on
    the source and resized straight from the working copy (``box``), so no
    cropped copy is made.
    """
    source_size = source_size or image.size
    shrink = image.width / source_size[0]
    box = tuple(v * shrink for v in crop_box(*source_size, spec.ratio, focus))
    box = (box[0], box[1], min(box[2], image.width), min(box[3], image.height))
    cropped = image.resize(
        (rendition.width, rendition.height),
        Image.Resampling.LANCZOS,
        box=box,
        reducing_gap=3.0,
    )
    pil_format, _mime, options = FORMATS[rendition.format]
    if pil_format == "JPEG" and cropped.mode != "RGB":
        background = Image.new("RGB", cropped.size, (255, 255, 255))
        rgba = cropped.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        cropped = background
    elif cropped.mode not in ("RGB", "RGBA"):
        cropped = cropped.convert("RGBA" if "A" in cropped.getbands() else "RGB")
    buffer = io.BytesIO()
    cropped.save(buffer, pil_format, **options)
    return buffer.getvalue()


def ensure(field_file, force=False) -> list[str]:
    """
    Write every missing rendition of the field's file; the names written.

    AVIF is encoded too, compared with the WebP of the same size, and kept
    for a spec only if it is smaller at every width; the decision is saved on
    the row (``<field>_avif``) so that templates know without a lookup.
    """
    field, instance = field_file.field, field_file.instance
    storage = field_file.storage
    focus = field.focus(instance)
    decisions = avif_decisions(field_file)
    source = source_size = None
    written = []

    def pixels():
        """The source decoded within the memory budget (once, when first needed)."""
        nonlocal source, source_size
        if source is None:
            source, source_size = decode_source(
                storage, field_file.name, field.renditions
            )
        return source

    def render_one(spec, r):
        image = pixels()
        return render(image, spec, focus, r, source_size)

    def write(rendition, data):
        if storage.exists(rendition.name):
            storage.delete(rendition.name)
        storage.save(rendition.name, ContentFile(data))
        written.append(rendition.name)

    for spec_name in field.renditions:
        spec = get_spec(spec_name)
        planned = field_plan(field_file, spec_name, all_formats=True)
        for r in planned:
            if r.format != "avif" and (force or not storage.exists(r.name)):
                write(r, render_one(spec, r))
        avifs = [r for r in planned if r.format == "avif"]
        if not avifs or (spec_name in decisions and not force):
            if decisions.get(spec_name):
                for r in avifs:
                    if not storage.exists(r.name):
                        write(r, render_one(spec, r))
            continue
        encoded = {r: render_one(spec, r) for r in avifs}
        webp_size = {
            (r.width, r.height): storage.size(r.name)
            for r in planned
            if r.format == "webp"
        }
        smaller = all(
            len(data) < webp_size[(r.width, r.height)] for r, data in encoded.items()
        )
        decisions[spec_name] = smaller
        for r, data in encoded.items():
            if smaller:
                write(r, data)
            elif storage.exists(r.name):
                storage.delete(r.name)
    recorded = " ".join(
        f"{name}{'+' if offered else '-'}"
        for name, offered in sorted(decisions.items())
    )
    column = avif_column(field)
    if hasattr(instance, column) and getattr(instance, column) != recorded:
        setattr(instance, column, recorded)
        type(instance)._default_manager.filter(pk=instance.pk).update(
            **{column: recorded}
        )
        # The pages offer the image in other formats now.
        pagecache.content_changed()
    return written


def expected_names(field_file) -> set[str]:
    """Every rendition name the field's current file should have (AVIF only if chosen)."""
    field_file = getattr(field_file, "rendition_file", field_file)
    return {
        r.name
        for name in field_file.field.renditions
        for r in field_plan(field_file, name)
    }


def delete_renditions(storage, source_name):
    """Remove every rendition of ``source_name`` (its folder under ``renditions/``)."""
    folder = f"{ROOT}/{posixpath.splitext(source_name)[0]}"
    try:
        _dirs, files = storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        return
    for name in files:
        storage.delete(f"{folder}/{name}")
