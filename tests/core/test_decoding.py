"""
An uploaded picture is never decoded in the editor's request: the header
gives its size, its structure is walked and its metadata taken out. The task
worker decodes it, within the memory budget (``IMAGE_DECODE_MAX_BYTES``), and
builds the renditions. A picture that would need more memory is refused at
the upload, on its field, and nothing of it is stored.
"""

import io
import json
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from PIL import Image, ImageFile, ImageOps

from core import decoding, renditions, uploads
from experts.models import Expert
from library.models import Image as LibraryImage
from tests import files
from tests.admin_forms import errors, fill, form_data

MIB = 2**20
QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def one_colour(size, format="PNG", mode="RGB"):
    """A picture of one colour: many pixels in a small file."""
    buffer = io.BytesIO()
    colour = {"L": 90, "P": 3, "RGBA": (40, 90, 160, 200)}.get(mode, (40, 90, 160))
    Image.new(mode, size, colour).save(buffer, format)
    return buffer.getvalue()


def post_expert(client, content, name="Karim Mansour"):
    url = reverse("admin:experts_expert_add")
    data = fill(form_data(client.get(url)), name_en=name)
    upload = SimpleUploadedFile("photo.png", content, "image/png")
    return client.post(url, {**data, "headshot": upload})


@pytest.fixture
def decoded(monkeypatch):
    """The sizes of the pictures whose pixels were decoded (``ImageFile.load``)."""
    sizes = []
    load = ImageFile.ImageFile.load

    def counting_load(image):
        if image.tile:  # pixels still to decode: a real decode
            sizes.append(image.size)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    return sizes


def _present(field_file):
    field_file = getattr(field_file, "rendition_file", field_file)
    names = renditions.expected_names(field_file)
    return [field_file.storage.exists(name) for name in names]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    ("content", "upright"),
    [
        pytest.param(one_colour((4000, 3000)), (4000, 3000), id="one-colour-png"),
        pytest.param(
            files.photo((1800, 1200), exif=files.gps_exif(orientation=6)),
            (1200, 1800),
            id="camera-jpeg-turned",
        ),
    ],
)
def test_the_request_reads_the_header_and_the_worker_decodes(
    admin_client, settings, decoded, content, upright
):
    settings.TASKS = QUEUED
    response = post_expert(admin_client, content)
    assert response.status_code == 302, errors(response)

    assert decoded == [], "the request decoded the picture"
    expert = Expert.objects.get()
    # The row has the upright size, from the header.
    assert (expert.headshot.width, expert.headshot.height) == upright
    assert not any(_present(expert.headshot)), "renditions built in the request"
    queued = DBTaskResult.objects.filter(task_path="core.tasks.build_renditions")
    assert [task.status for task in queued] == ["READY"]

    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0
    )

    assert decoded, "the worker did not decode the picture"
    assert [task.status for task in queued.all()] == ["SUCCESSFUL"]
    expert.headshot.refresh_from_db()
    assert all(_present(expert.headshot))
    # The press rendition keeps the photo's shape: upright, as the row says.
    (press,) = renditions.field_plan(expert.headshot, "press")
    storage = expert.headshot.file.storage
    with storage.open(press.name) as handle, Image.open(handle) as image:
        assert image.size == (press.width, press.height)
        assert (image.width < image.height) == (upright[0] < upright[1])


@pytest.mark.django_db
def test_a_picture_too_large_for_the_budget_is_refused_at_the_field(
    admin_client, settings
):
    content = one_colour((3000, 2000))
    settings.IMAGE_DECODE_MAX_BYTES = 40 * MIB
    response = post_expert(admin_client, content)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert [e.code for e in form.errors.as_data()["headshot"]] == [
        "too_large_to_process"
    ]
    (message,) = errors(response)["headshot"]
    assert "too large to process" in message and "40.0\xa0MB" in message
    assert not Expert.objects.exists()
    media = settings.MEDIA_ROOT
    assert not media.exists() or not [p for p in media.rglob("*") if p.is_file()]

    # Without a form (an import, a script) the model refuses it the same way.
    image = LibraryImage(title="Karim Mansour", file=ContentFile(content, "k.png"))
    with pytest.raises(ValidationError) as refused:
        image.full_clean()
    assert [e.code for e in refused.value.error_dict["file"]] == [
        "too_large_to_process"
    ]
    with pytest.raises(ValidationError) as refused:
        image.file.save("k.png", ContentFile(content), save=False)
    assert refused.value.code == "too_large_to_process"

    # Control: within the default budget the same picture is accepted.
    settings.IMAGE_DECODE_MAX_BYTES = 256 * MIB
    response = post_expert(admin_client, content)
    assert response.status_code == 302, errors(response)
    assert Expert.objects.get().headshot.width == 3000


@pytest.mark.django_db
def test_the_worker_stops_before_decoding_past_the_budget(settings):
    """A file stored under a larger budget is not decoded once the budget is lowered."""
    image = files.library_image(one_colour((3000, 2000)), name="n.png")
    settings.IMAGE_DECODE_MAX_BYTES = 40 * MIB
    with pytest.raises(renditions.TooLargeToDecode):
        renditions.ensure(image.file, force=True)
    # Control: the same file within the budget gets every rendition.
    settings.IMAGE_DECODE_MAX_BYTES = 256 * MIB
    renditions.ensure(image.file, force=True)
    assert all(_present(image.file))


XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">Leaky XMP</x:xmpmeta>'


@pytest.mark.parametrize("format", ["JPEG", "PNG", "WEBP", "AVIF"])
def test_metadata_is_taken_out_without_decoding(decoded, format):
    options = {} if format == "PNG" else {"xmp": XMP}
    content = files.photo(
        (120, 80), format, exif=files.gps_exif(orientation=8), **options
    )
    clean = uploads.clean_image(content)
    assert decoded == []
    assert b"Snoopy" not in clean.data and b"Leaky" not in clean.data
    assert (clean.width, clean.height) == (80, 120)  # turned by its orientation
    # Stripping a stripped file changes nothing: a restored backup keeps its names.
    assert uploads.clean_image(clean.data).data == clean.data
    with Image.open(io.BytesIO(clean.data)) as image:
        assert dict(image.getexif()) == {0x0112: 8}
        assert "xmp" not in image.info
        image.load()  # and the pixels are whole


# Peak memory is measured in a process of its own: the resident size's high
# mark (VmHWM) is reset after a warm-up, then the worker's decoding and every
# rendition of a headshot (all formats) run.
MEASURE = r"""
import json, re, sys
from pathlib import Path

import django

django.setup()
from django.core.files.storage import FileSystemStorage
from PIL import Image

from library.models import Image as LibraryImage
from core import decoding, renditions


def kib(key):
    status = Path("/proc/self/status").read_text()
    return int(re.search(rf"^{key}:\s+(\d+) kB", status, re.MULTILINE).group(1))


field = LibraryImage._meta.get_field("file")
storage, name = FileSystemStorage(sys.argv[1]), sys.argv[2]
small = Image.new("RGB", (64, 36))
for fmt in renditions.FORMATS:
    renditions.render(
        small, renditions.SPECS["card"], (50, 50), renditions.Rendition("w", 32, 18, fmt)
    )
Path("/proc/self/clear_refs").write_text("5")
before = kib("VmRSS")
image, size = renditions.decode_source(storage, name, field.renditions)
working = image.size
for spec_name in field.renditions:
    spec = renditions.get_spec(spec_name)
    for rendition in renditions.plan(name, size, spec, (50, 30)):
        renditions.render(image, spec, (50, 30), rendition, size)
peak = (kib("VmHWM") - before) * 1024
data = Path(sys.argv[1], name).read_bytes()
header = decoding.read_header(data)
estimate = renditions.decode_cost(header, len(data), field.renditions)
print(json.dumps({"peak": peak, "estimate": estimate, "working": working}))
"""


@pytest.mark.parametrize(
    ("name", "make", "working"),
    [
        # The most pixels the limits allow, in a 126 KB file.
        ("limit.png", lambda: one_colour((8000, 5000)), (4000, 2500)),
        ("limit-rgba.png", lambda: one_colour((8000, 5000), mode="RGBA"), None),
        ("palette.png", lambda: one_colour((5000, 3000), mode="P"), None),
        # Decoded at half size by libjpeg (draft), then turned upright.
        (
            "camera.jpg",
            lambda: files.photo((6000, 4000), exif=files.gps_exif(orientation=6)),
            (2000, 3000),
        ),
        ("large.webp", lambda: one_colour((3000, 3000), "WEBP"), None),
        ("large.avif", lambda: one_colour((4000, 2500), "AVIF"), None),
    ],
)
def test_the_worker_stays_within_the_memory_budget(
    settings, tmp_path, name, make, working
):
    content = uploads.clean_image(make()).data  # accepted at the upload
    (tmp_path / name).write_bytes(content)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "thinktank.settings"}
    env.pop("DJANGO_IMAGE_DECODE_MAX_BYTES", None)
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(tmp_path), name],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    measured = json.loads(out.stdout.splitlines()[-1])
    assert measured["estimate"] <= settings.IMAGE_DECODE_MAX_BYTES == 256 * MIB
    # The estimate the upload is refused by bounds what decoding takes.
    assert measured["peak"] <= measured["estimate"], measured
    if working:
        assert tuple(measured["working"]) == working


def test_a_stored_picture_gives_its_size_from_the_header(tmp_path, decoded):
    """Reading a stored file's size (a row without it) decodes nothing either."""
    storage = FileSystemStorage(tmp_path)
    clean = uploads.clean_image(files.photo((300, 200), exif=files.gps_exif(6)))
    storage.save("x.jpg", ContentFile(clean.data))
    with storage.open("x.jpg") as handle:
        assert decoding.read_header(handle).upright == (200, 300)
    assert decoded == []


@pytest.mark.django_db
def test_build_renditions_reports_a_picture_over_the_budget_and_goes_on(settings):
    too_large = files.library_image(one_colour((3000, 2000)), name="n.png")
    small = files.library_image(files.photo((400, 300)), name="o.jpg")
    settings.IMAGE_DECODE_MAX_BYTES = 40 * MIB
    out, err = io.StringIO(), io.StringIO()
    call_command("build_renditions", "--force", stdout=out, stderr=err)
    assert f"library.Image {too_large.pk}:" in err.getvalue()
    assert "the budget is 40 MB" in err.getvalue()
    assert not any(_present(too_large.file))
    # Control: the picture within the budget got every rendition.
    assert all(_present(small.file))


def _saved(image, format, **options):
    buffer = io.BytesIO()
    image.save(buffer, format, **options)
    return buffer.getvalue()


def _kinds_of_files():
    base = Image.open(io.BytesIO(files.photo((160, 120), dot=(20, 30))))
    gps = files.gps_exif
    return {
        "progressive-jpeg": _saved(
            base, "JPEG", progressive=True, exif=gps(6), comment=b"Leaky"
        ),
        "jpeg-restart-markers": _saved(base, "JPEG", restart_marker_blocks=4),
        "cmyk-jpeg": _saved(base.convert("CMYK"), "JPEG"),
        "16-bit-png": _saved(base.convert("I;16"), "PNG"),
        "grey-alpha-png": _saved(base.convert("LA"), "PNG"),
        "palette-png-transparent": _saved(base.convert("P"), "PNG", transparency=3),
        "animated-webp": _saved(
            base, "WEBP", save_all=True, append_images=[base.rotate(90)], duration=9
        ),
        "lossless-webp": _saved(
            base.convert("RGBA"), "WEBP", lossless=True, exif=gps(3)
        ),
        "avif-exif-xmp": _saved(base, "AVIF", exif=gps(6), xmp=XMP),
    }


KINDS = _kinds_of_files()


@pytest.mark.parametrize("content", KINDS.values(), ids=KINDS.keys())
def test_every_kind_of_file_keeps_its_pixels(content, decoded):
    """Taking the metadata out loses no pixel: the worker decodes what was uploaded."""
    clean = uploads.clean_image(content)
    assert decoded == []
    assert b"Snoopy" not in clean.data and b"Leaky" not in clean.data
    assert uploads.clean_image(clean.data).data == clean.data
    working, shrink = decoding.working_image(clean.data, 1.0)
    assert shrink == 1.0
    with Image.open(io.BytesIO(content)) as original:
        upright = ImageOps.exif_transpose(original).convert(working.mode)
    assert (working.width, working.height) == (clean.width, clean.height)
    assert working.tobytes() == upright.tobytes()
