"""Renditions: every use and format, sizes, the focal point kept in frame, the allow-list."""

import io

import lxml.html
import pytest
from django.core.management import call_command
from django.template import TemplateSyntaxError, engines
from django.test import Client
from django.urls import Resolver404, resolve
from PIL import Image

from core import renditions
from experts.models import Expert
from library.models import Image as LibraryImage
from tests import files
from tests.factories import make_article, make_expert

pytestmark = pytest.mark.django_db

HEADSHOT_SPECS = ("bio", "profile", "press", "og")
LEAD_SPECS = ("lead", "card", "rail", "og")


def stored_image(field_file, rendition):
    with field_file.storage.open(rendition.name, "rb") as handle:
        data = handle.read()
    return Image.open(io.BytesIO(data))


def upload(commit, instance, field, content, name="photo.jpg", focus=None):
    """Put ``content`` in the library and make it ``instance``'s ``field``; the image's file."""

    def save():
        values = {"focus_x": focus[0], "focus_y": focus[1]} if focus else {}
        setattr(instance, field, files.library_image(content, name=name, **values))
        instance.save()

    commit(save)
    instance.refresh_from_db()
    return getattr(instance, field).file


@pytest.mark.parametrize("spec_name", HEADSHOT_SPECS)
def test_every_headshot_rendition_exists_in_every_format_at_its_size(commit, spec_name):
    expert = make_expert("Nadia Farouk")
    headshot = upload(commit, expert, "headshot", files.photo((2400, 3000)))
    spec = renditions.SPECS[spec_name]
    planned = renditions.field_plan(headshot, spec_name)
    assert {r.format for r in planned} == set(spec.formats)
    for rendition in planned:
        with stored_image(headshot, rendition) as image:
            assert (
                image.format
                == {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}[rendition.format]
            )
            assert image.size == (rendition.width, rendition.height)
            if spec.ratio:
                rw, rh = spec.ratio
                assert abs(image.width / image.height - rw / rh) < 0.02


@pytest.mark.parametrize("spec_name", LEAD_SPECS)
def test_every_lead_image_rendition_exists(commit, spec_name):
    article = make_article(lead_image_alt_en="A harbour crane at dawn")
    lead = upload(
        commit, article, "lead_image", files.photo((3200, 1800), "PNG"), "x.png"
    )
    spec = renditions.SPECS[spec_name]
    planned = renditions.field_plan(lead, spec_name)
    widths = sorted({r.width for r in planned})
    assert widths == sorted(w for w in spec.widths if w <= 3200) or spec.ratio is None
    for rendition in planned:
        assert lead.storage.exists(rendition.name)
        with stored_image(lead, rendition) as image:
            assert image.size == (rendition.width, rendition.height)


def test_og_image_is_1200_by_630_jpeg(commit):
    article = make_article(lead_image_alt_en="Ships")
    lead = upload(commit, article, "lead_image", files.photo((2000, 1500)))
    (og,) = renditions.field_plan(lead, "og")
    assert (og.width, og.height, og.format) == (1200, 630, "jpeg")
    with stored_image(lead, og) as image:
        assert image.size == (1200, 630)


def test_press_download_keeps_the_whole_photo_at_high_resolution(commit):
    expert = make_expert("Omar Saleh")
    headshot = upload(commit, expert, "headshot", files.photo((4000, 5000)))
    (press,) = renditions.field_plan(headshot, "press")
    assert (press.width, press.height) == (2400, 3000)


def test_small_sources_are_never_upscaled(commit):
    expert = make_expert("Huda Karam")
    headshot = upload(commit, expert, "headshot", files.photo((100, 120)))
    for spec_name in HEADSHOT_SPECS:
        for rendition in renditions.field_plan(headshot, spec_name):
            assert rendition.width <= 100 and rendition.height <= 120
            assert headshot.storage.exists(rendition.name)


@pytest.mark.parametrize(
    ("size", "focus", "spec_name"),
    [
        ((1600, 900), (8, 50), "bio"),  # a face at the left edge of a wide photo
        ((1600, 900), (92, 20), "profile"),
        ((900, 1600), (50, 90), "lead"),  # a subject at the bottom of a tall photo
        ((900, 1600), (30, 8), "card"),
        ((900, 1600), (70, 92), "og"),
        ((1600, 900), (95, 50), "rail"),
    ],
)
def test_every_crop_keeps_the_focal_point_in_frame(commit, size, focus, spec_name):
    content = files.photo(size, dot=focus)
    if spec_name in ("bio", "profile"):
        instance = make_expert("Focal Point")
        field = "headshot"
    else:
        instance = make_article(lead_image_alt_en="A red buoy")
        field = "lead_image"
    image_file = upload(commit, instance, field, content, focus=focus)
    for rendition in renditions.field_plan(image_file, spec_name):
        with stored_image(image_file, rendition) as image:
            assert files.has_red(image), rendition.name
    # Centred instead, the same crop loses the dot: the test can tell.
    centred = renditions.crop_box(*size, renditions.SPECS[spec_name].ratio, (50, 50))
    with Image.open(io.BytesIO(content)) as source:
        assert not files.has_red(source.crop(centred))


def test_headshots_default_to_an_upper_centre_focus():
    """A photo uploaded as a headshot starts with its focus where a face usually is."""
    values = Expert(name_en="Default Focus").library_values("headshot")
    assert (values["focus_x"], values["focus_y"]) == (50, 30)


def test_a_new_focal_point_gets_new_renditions(commit):
    expert = make_expert("Moving Point")
    headshot = upload(
        commit,
        expert,
        "headshot",
        files.photo((1600, 900), dot=(10, 50)),
        focus=(10, 50),
    )
    before = {r.name for r in renditions.field_plan(headshot, "bio")}
    expert.headshot.focus_x = 90
    commit(expert.headshot.save)
    after = {r.name for r in renditions.field_plan(expert.headshot, "bio")}
    assert before.isdisjoint(after)
    assert all(expert.headshot.file.storage.exists(name) for name in after)


def test_renditions_wait_for_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image = files.library_image(files.photo((400, 400)), name="p.jpg")
        planned = renditions.field_plan(image.file, "bio")
        assert not any(image.file.storage.exists(r.name) for r in planned)
    assert callbacks  # the task is queued for after the commit
    for callback in callbacks:
        callback()
    assert all(image.file.storage.exists(r.name) for r in planned)


# ------------------------------------------------------------------ allow-list


def test_unknown_spec_is_refused():
    with pytest.raises(renditions.UnknownSpec):
        renditions.get_spec("800x600")


def test_the_template_tag_refuses_a_spec_the_field_does_not_have(commit):
    expert = make_expert("Tag Check")
    upload(commit, expert, "headshot", files.photo((300, 300)))
    for spec_name in ("800x600", "huge"):
        with pytest.raises((KeyError, LookupError, TemplateSyntaxError, Exception)):
            engines["jinja2"].from_string(
                '{% from "components/picture.html" import picture %}'
                '{{ picture(image, spec, alt="x") }}'
            ).render({"image": expert.headshot, "spec": spec_name})
    # A library image has every named spec: one template serves any use.
    assert set(expert.headshot.file.field.renditions) == set(renditions.SPECS)


def test_no_url_resizes_an_image(commit):
    """Renditions are plain files: there is no view to ask for another size."""
    expert = make_expert("No Resizer")
    headshot = upload(commit, expert, "headshot", files.photo((600, 600)))
    stem = headshot.name.rsplit(".", 1)[0]
    for path in (
        f"/renditions/{stem}/bio-999x999-50-30.jpg",
        f"/media/renditions/{stem}/bio-999x999-50-30.jpg",
        "/resize/999x999/" + headshot.name,
        "/thumbnail/" + headshot.name + "?w=5000",
    ):
        if path.startswith("/media/"):
            # Media files are served as stored: asking for a size that was
            # never built finds nothing, and builds nothing.
            assert resolve(path).func.__name__ == "serve_media"
        else:
            with pytest.raises(Resolver404):
                resolve(path)
        assert Client().get(path).status_code == 404
    assert not headshot.storage.exists(f"renditions/{stem}/bio-999x999-50-30.jpg")


def test_rendition_names_derive_from_the_source_hash_spec_and_focus(commit):
    expert = make_expert("Name Check")
    headshot = upload(
        commit, expert, "headshot", files.photo((600, 600)), focus=(40, 25)
    )
    stem = headshot.name.rsplit(".", 1)[0]
    names = [r.name for r in renditions.field_plan(headshot, "bio")]
    assert f"renditions/{stem}/bio-72x72-40-25.webp" in names
    assert f"renditions/{stem}/bio-144x144-40-25.jpg" in names


# ------------------------------------------------------------------ the markup


def render_picture(image, spec, **options):
    args = "".join(f", {k}={v}" for k, v in options.items())
    html = (
        engines["jinja2"]
        .from_string(
            '{% from "components/picture.html" import picture %}'
            "{{ picture(image, spec" + args + ") }}"
        )
        .render({"image": image, "spec": spec})
    )
    return lxml.html.fragment_fromstring(html)


def test_picture_offers_avif_webp_and_a_jpeg_fallback_with_dimensions(commit):
    article = make_article(lead_image_alt_en="Cranes")
    lead = upload(commit, article, "lead_image", files.photo((2000, 1200)))
    picture = render_picture(lead, "lead", alt='"Cranes"', lazy="True")
    assert picture.tag == "picture"
    sources = picture.xpath(".//source")
    assert [s.get("type") for s in sources] == ["image/avif", "image/webp"]
    (img,) = picture.xpath(".//img")
    assert img.get("alt") == "Cranes"
    assert img.get("loading") == "lazy"
    assert (img.get("width"), img.get("height")) == ("480", "270")
    assert img.get("src").endswith(".jpg")
    widths = [part.split()[1] for part in img.get("srcset").split(", ")]
    assert widths == ["480w", "800w", "1200w", "1600w"]
    for source in sources:
        for part in source.get("srcset").split(", "):
            url = part.split()[0]
            assert lead.storage.exists(url.removeprefix("/media/"))
    above_the_fold = render_picture(lead, "lead", alt='"Cranes"', lazy="False")
    assert above_the_fold.xpath(".//img")[0].get("loading") is None


def test_avif_is_kept_only_where_it_is_smaller(commit):
    """The task compares AVIF with WebP per spec and records the choice on the row."""
    article = make_article(lead_image_alt_en="Cranes")
    lead = upload(
        commit, article, "lead_image", files.photo((2000, 1200), dot=(30, 40))
    )
    decisions = renditions.avif_decisions(lead)
    # og and press are JPEG only, bio WebP and JPEG.
    assert set(decisions) == {"lead", "card", "rail", "profile"}
    assert decisions["lead"]  # a detailed photo: AVIF wins at every width
    for spec_name, offered in decisions.items():
        planned = renditions.field_plan(lead, spec_name, all_formats=True)
        webp = {(r.width, r.height): r for r in planned if r.format == "webp"}
        for r in (r for r in planned if r.format == "avif"):
            if offered:
                assert lead.storage.size(r.name) < lead.storage.size(
                    webp[(r.width, r.height)].name
                )
            else:
                assert not lead.storage.exists(r.name)


def test_avif_is_not_offered_when_it_comes_out_larger(commit):
    """A flat, tiny-palette picture compresses better as WebP: no AVIF source then."""
    flat = Image.new("RGB", (1600, 900), (200, 200, 200))
    buffer = io.BytesIO()
    flat.save(buffer, "PNG")
    article = make_article(lead_image_alt_en="A grey wall")
    lead = upload(commit, article, "lead_image", buffer.getvalue(), "wall.png")
    assert renditions.avif_decisions(lead)["lead"] is False
    picture = render_picture(lead, "lead", alt='"A grey wall"')
    assert [s.get("type") for s in picture.xpath(".//source")] == ["image/webp"]


def test_rendering_a_picture_reads_no_file(commit, monkeypatch):
    expert = make_expert("Quiet Render")
    headshot = upload(commit, expert, "headshot", files.photo((500, 500)))
    expert = Expert.objects.for_byline().get(pk=expert.pk)

    def refuse(*args, **kwargs):
        raise AssertionError("a page render opened a file")

    storage_class = type(headshot.storage._wrapped)
    monkeypatch.setattr(storage_class, "open", refuse)
    monkeypatch.setattr(storage_class, "exists", refuse)
    monkeypatch.setattr(Image, "open", refuse)
    picture = render_picture(expert.headshot, "bio", alt='""')
    assert picture.xpath(".//img")[0].get("width") == "72"


def test_build_renditions_command_fills_what_is_missing(commit, settings):
    expert = make_expert("Restored Media")
    headshot = upload(commit, expert, "headshot", files.photo((800, 800)))
    renditions.delete_renditions(headshot.storage, headshot.name)
    LibraryImage.objects.filter(pk=expert.headshot_id).update(width=None, height=None)
    call_command("build_renditions", stdout=io.StringIO())
    expert.headshot.refresh_from_db()
    assert (expert.headshot.width, expert.headshot.height) == (800, 800)
    assert all(
        headshot.storage.exists(name)
        for name in renditions.expected_names(expert.headshot.file)
    )
