"""
Hostile uploads are refused through the admin's real forms, with a clear
message and no server error; good ones are stored without
metadata (the orientation aside), under names of our own.
"""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageOps

from articles.models import Status
from experts.models import Expert
from library.models import Document, Image as LibraryImage
from library.services import document_from_upload, image_from_upload
from tests import files
from tests.admin_forms import errors, fill, form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db

IMAGES = files.hostile_images()
PDFS = files.hostile_pdfs()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _split(fields):
    uploads = {k: v for k, v in fields.items() if isinstance(v, SimpleUploadedFile)}
    return {k: v for k, v in fields.items() if k not in uploads}, uploads


def post_expert(client, **fields):
    url = reverse("admin:experts_expert_add")
    fields, uploads = _split({"name_en": "Karim Mansour", **fields})
    data = fill(form_data(client.get(url)), **fields)
    return client.post(url, {**data, **uploads})


def post_article(client, article, headers=None, **fields):
    url = reverse("admin:articles_article_change", args=[article.pk])
    fields, uploads = _split(fields)
    data = fill(form_data(client.get(url, headers=headers)), **fields)
    return client.post(url, {**data, **uploads}, headers=headers)


def test_the_corpus_is_large_enough():
    assert len(IMAGES) + len(PDFS) >= 50
    assert len(IMAGES) >= 50


def refusal_codes(response, field):
    """
    The codes of the errors the admin form gave ``field``, after checking that
    the page shows those errors' messages next to the field.
    """
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert field in form.errors, errors(response)
    assert errors(response).get(field) == list(form.errors[field])
    return [error.code for error in form.errors.as_data()[field]]


def model_refusal_codes(instance, field):
    """The codes of the errors ``full_clean()`` gives ``field`` of ``instance``."""
    with pytest.raises(ValidationError) as refused:
        instance.full_clean()
    return [error.code for error in refused.value.error_dict[field]]


def saved_refusal_codes(field_file, name, content):
    """The code of the error saving ``content`` through the model field raises (no form, no full_clean)."""
    with pytest.raises(ValidationError) as refused:
        field_file.save(name, ContentFile(content), save=False)
    return [refused.value.code]


def no_files_stored(settings):
    root = settings.MEDIA_ROOT
    return not root.exists() or not [p for p in root.rglob("*") if p.is_file()]


CASES = ("name", "content", "overrides", "code")


@pytest.mark.parametrize(
    CASES, [case[1:] for case in IMAGES], ids=[case[0] for case in IMAGES]
)
def test_hostile_headshot_is_refused(
    admin_client, settings, name, content, overrides, code
):
    """Defect 19: the admin refuses each hostile image for its own reason (code)."""
    for key, value in overrides.items():
        setattr(settings, key, value)
    response = post_expert(admin_client, headshot=upload(name, content, "image/jpeg"))
    assert refusal_codes(response, "headshot") == [code]
    assert not Expert.objects.exists()
    assert no_files_stored(settings)


@pytest.mark.parametrize(
    CASES, [case[1:] for case in IMAGES], ids=[case[0] for case in IMAGES]
)
def test_hostile_lead_image_is_refused(
    admin_client, settings, article, name, content, overrides, code
):
    """Defect 19: the article form refuses each hostile lead image for its own reason."""
    for key, value in overrides.items():
        setattr(settings, key, value)
    response = post_article(
        admin_client,
        article,
        lead_image=upload(name, content, "image/png"),
        lead_image_alt_en="A dam at dusk",
    )
    assert refusal_codes(response, "lead_image") == [code]
    article.refresh_from_db()
    assert not article.lead_image


@pytest.mark.parametrize(
    CASES, [case[1:] for case in PDFS], ids=[case[0] for case in PDFS]
)
def test_hostile_pdf_is_refused(
    admin_client, settings, article, name, content, overrides, code
):
    """Defect 19: the article form refuses each hostile PDF for its own reason."""
    for key, value in overrides.items():
        setattr(settings, key, value)
    response = post_article(
        admin_client, article, pdf=upload(name, content, "application/pdf")
    )
    assert refusal_codes(response, "pdf") == [code]
    article.refresh_from_db()
    assert not article.pdf


@pytest.mark.parametrize(
    CASES, [case[1:] for case in IMAGES], ids=[case[0] for case in IMAGES]
)
def test_hostile_image_is_refused_by_the_models(
    settings, article, name, content, overrides, code
):
    """Defect 19: without a form (an import, a script), the models refuse the same files with the same codes."""
    for key, value in overrides.items():
        setattr(settings, key, value)
    image = LibraryImage(title="A dam at dusk", file=upload(name, content))
    assert model_refusal_codes(image, "file") == [code]
    assert saved_refusal_codes(image.file, name, content) == [code]
    with pytest.raises(ValidationError) as refused:
        image_from_upload(upload(name, content))
    assert refused.value.code == code
    assert no_files_stored(settings)
    assert not LibraryImage.objects.exists()


@pytest.mark.parametrize(
    CASES, [case[1:] for case in PDFS], ids=[case[0] for case in PDFS]
)
def test_hostile_pdf_is_refused_by_the_model(
    settings, article, name, content, overrides, code
):
    """Defect 19: the article model refuses each hostile PDF with the form's code."""
    for key, value in overrides.items():
        setattr(settings, key, value)
    document = Document(title_en="A report", file=upload(name, content))
    assert model_refusal_codes(document, "file") == [code]
    assert saved_refusal_codes(document.file, name, content) == [code]
    with pytest.raises(ValidationError) as refused:
        document_from_upload(upload(name, content))
    assert refused.value.code == code
    assert no_files_stored(settings)
    assert not Document.objects.exists()


def test_good_files_pass_the_models_checks(article):
    """The control of the model-path tests: good files pass the same checks."""
    image = LibraryImage(title="Karim Mansour", file=upload("k.jpg", files.photo()))
    image.full_clean()
    assert (image.width, image.height) == (1600, 900)
    document = Document(title_en="A report", file=upload("report.pdf", files.pdf(2)))
    document.full_clean()
    # Locked only against editing, a PDF opens without a password: accepted.
    document = Document(
        title_en="A report",
        file=upload("open.pdf", files.encrypted_pdf(user_password="")),
    )
    document.full_clean()


@pytest.mark.parametrize(
    ("name", "format"),
    [
        ("../../etc/passwd.jpg", "JPEG"),
        ("\u202egpj.exe", "JPEG"),
        ("photo\x00.php.jpg", "PNG"),
        ("x" * 300 + ".webp", "WEBP"),
        ("صورة شخصية.avif", "AVIF"),
        ("photo.jpg", "WEBP"),  # the name lies; the content decides
    ],
)
def test_good_headshot_is_stored_clean_under_a_generated_name(
    admin_client, settings, name, format
):
    content = files.photo((300, 200), format, exif=files.gps_exif(orientation=6))
    response = post_expert(admin_client, headshot=upload(name, content, "image/jpeg"))
    assert response.status_code == 302, errors(response)
    expert = Expert.objects.get()
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "AVIF": "avif"}[format]
    assert re.fullmatch(
        rf"images/[0-9a-f]{{32}}\.{extension}", expert.headshot.file.name
    )
    stored = (settings.MEDIA_ROOT / expert.headshot.file.name).read_bytes()
    assert b"Snoopy" not in stored and b"Leaky" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == format
        exif = image.getexif()
        # The orientation (6: turned a quarter) is all that is left: the
        # request does not decode, so the worker turns the pixels.
        assert dict(exif) == {0x0112: 6}, dict(exif)
        assert not exif.get_ifd(0x8825)
        assert "xmp" not in image.info
        assert ImageOps.exif_transpose(image).size == (200, 300)
    assert (expert.headshot.width, expert.headshot.height) == (200, 300)
    # Nothing escaped the media folder.
    assert not (settings.MEDIA_ROOT.parent / "etc").exists()


def test_two_uploads_of_photo_jpg_never_overwrite_each_other(admin_client, settings):
    for name, dot in (("Lina Haddad", (10, 10)), ("Omar Saleh", (90, 90))):
        content = files.photo((200, 200), dot=dot)
        response = post_expert(
            admin_client, name_en=name, headshot=upload("photo.jpg", content)
        )
        assert response.status_code == 302
    first, second = Expert.objects.order_by("pk")
    assert first.headshot.file.name != second.headshot.file.name
    assert first.headshot.file.storage.exists(first.headshot.file.name)
    assert second.headshot.file.storage.exists(second.headshot.file.name)


def test_trailing_payload_is_gone(admin_client, settings):
    """Bytes after the end of the image (not markup) are dropped by the re-encode."""
    content = files.photo((120, 90)) + b"\x00TRAILER-PAYLOAD" * 20
    response = post_expert(admin_client, headshot=upload("photo.jpg", content))
    assert response.status_code == 302
    stored = (
        settings.MEDIA_ROOT / Expert.objects.get().headshot.file.name
    ).read_bytes()
    assert b"TRAILER-PAYLOAD" not in stored
    assert stored.endswith(b"\xff\xd9")


def test_good_pdf_is_named_after_the_series_and_counted(admin_client, settings):
    # A draft: a published article's edit waits as an unpublished change (history).
    article = make_article(
        "Deterrence on the Litani",
        series="Policy Note",
        series_number=79,
        status=Status.DRAFT,
    )
    response = post_article(
        admin_client, article, pdf=upload("../../final FINAL v3.pdf", files.pdf(12))
    )
    assert response.status_code == 302, errors(response)
    article.refresh_from_db()
    assert re.fullmatch(
        r"documents/[0-9a-f]{12}/policy-note-79\.pdf", article.pdf.file.name
    )
    assert article.page_count == 12
    assert article.pdf.size == len(files.pdf(12))


def test_alt_text_is_required_for_a_lead_image(admin_client, article):
    photo = files.photo((800, 450))
    response = post_article(
        admin_client,
        article,
        lead_image=upload("hall.jpg", photo),
        lead_image_alt_en="",
    )
    assert response.status_code == 200
    (message,) = errors(response)["lead_image_alt_en"]
    assert "alt text" in message and "decorative" in message
    article.refresh_from_db()
    assert not article.lead_image


def test_alt_text_message_is_in_the_editors_language(article, commit):
    """The message is gettext'd: an Arabic-speaking editor reads it in Arabic."""
    from django.core.exceptions import ValidationError
    from django.utils import translation

    article.lead_image = files.library_image(files.photo((80, 45)), name="hall.jpg")
    with translation.override("ar"):
        with pytest.raises(ValidationError) as refused:
            article.full_clean()
        (message,) = refused.value.message_dict["lead_image_alt_en"]
    assert "النص البديل" in message and "زخرفية" in message


def test_a_decorative_lead_image_needs_no_alt_text(admin_client):
    # A draft: a published article's edit waits as an unpublished change (history).
    article = make_article("A decorated draft", status=Status.DRAFT)
    photo = files.photo((800, 450))
    response = post_article(
        admin_client,
        article,
        lead_image=upload("hall.jpg", photo),
        lead_image_alt_en="",
        lead_image_decorative=True,
    )
    assert response.status_code == 302, errors(response)
    article.refresh_from_db()
    assert article.lead_image and article.lead_image_decorative


ACTIVE_PDFS = files.active_pdfs()


@pytest.mark.parametrize(
    ("content", "what"),
    [case[1:] for case in ACTIVE_PDFS],
    ids=[case[0] for case in ACTIVE_PDFS],
)
def test_pdf_with_active_content_is_refused_in_the_admin(admin_client, content, what):
    """Defect 27: an upload with scripts, actions, attachments or HTML is refused, naming them."""
    article = make_article("A report with a PDF", status=Status.DRAFT)
    response = post_article(
        admin_client, article, pdf=upload("report.pdf", content, "application/pdf")
    )
    assert response.status_code == 200
    (refusal,) = response.context["adminform"].form.errors.as_data()["pdf"]
    assert refusal.code == "active_content"
    (message,) = errors(response)["pdf"]
    assert "active content" in message and what in message
    article.refresh_from_db()
    assert not article.pdf


@pytest.mark.parametrize(
    ("content", "what"),
    [case[1:] for case in ACTIVE_PDFS],
    ids=[case[0] for case in ACTIVE_PDFS],
)
def test_pdf_with_active_content_is_refused_on_orm_save(article, content, what):
    """Defect 27: the model refuses the file however it is saved."""
    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile

    document = Document(
        title_en="A report", file=ContentFile(content, name="report.pdf")
    )
    with pytest.raises(ValidationError) as refused:
        document.save()
    assert refused.value.code == "active_content"
    assert what in refused.value.messages[0]
    fresh = files.library_document()
    with pytest.raises(ValidationError) as refused:
        fresh.file.save("report.pdf", ContentFile(content))
    assert refused.value.code == "active_content"
    fresh.refresh_from_db()
    assert fresh.page_count == 2
    assert Document.objects.count() == 1
    article.refresh_from_db()
    assert not article.pdf


def test_pdf_with_a_web_link_is_accepted_on_every_path(admin_client):
    """Defect 27, positive control: an ordinary link is not active content."""
    from django.core.files.base import ContentFile

    article = make_article("A linked report", status=Status.DRAFT)
    response = post_article(
        admin_client,
        article,
        pdf=upload("report.pdf", files.pdf_with_link(), "application/pdf"),
    )
    assert response.status_code == 302, errors(response)
    article.refresh_from_db()
    assert article.pdf and article.page_count == 2
    other = make_article("Another linked report", status=Status.DRAFT)
    duplicate = Document(
        title_en="Linked", file=ContentFile(files.pdf_with_link(), name="report.pdf")
    )
    with pytest.raises(ValidationError) as refused:
        duplicate.save()  # the library has these bytes: the ORM says which record
    assert refused.value.error_dict["file"][0].code == "duplicate"
    other.pdf = files.library_document(files.pdf_with_link())
    other.save()
    assert type(other).objects.get(pk=other.pk).pdf == article.pdf  # the same bytes
    # A compressed object holding a plain "go to page" action is fine too.
    other.pdf = files.library_document(
        files.pdf_with_object_stream(b"<< /S /GoTo /D [3 0 R /Fit] >>")
    )
    other.save()
    assert type(other).objects.get(pk=other.pk).page_count == 1
