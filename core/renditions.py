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

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from core import pagecache

FORMATS = {
    "avif": ("AVIF", "image/avif", {"quality": 50}),
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


def avif_column(field) -> str:
    """The row's column recording, per spec, whether AVIF came out smaller."""
    return f"{field.name}_avif"


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


def render(image: Image.Image, spec: Spec, focus, rendition: Rendition) -> bytes:
    box = crop_box(*image.size, spec.ratio, focus)
    cropped = image.crop(box).resize(
        (rendition.width, rendition.height), Image.Resampling.LANCZOS, reducing_gap=3.0
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
    source = None
    written = []

    def pixels():
        nonlocal source
        if source is None:
            with storage.open(field_file.name, "rb") as handle:
                data = handle.read()
            with Image.open(io.BytesIO(data)) as opened:
                source = ImageOps.exif_transpose(opened)
                source.load()
        return source

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
                write(r, render(pixels(), spec, focus, r))
        avifs = [r for r in planned if r.format == "avif"]
        if not avifs or (spec_name in decisions and not force):
            if decisions.get(spec_name):
                for r in avifs:
                    if not storage.exists(r.name):
                        write(r, render(pixels(), spec, focus, r))
            continue
        encoded = {r: render(pixels(), spec, focus, r) for r in avifs}
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
