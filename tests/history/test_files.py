"""
The library records that revisions name stay until their revisions go:
restoring an old revision, a trashed record or an unpublished change brings
its picture back, whatever was replaced or swept meanwhile. A record (and its
file) cannot be deleted while a row, a trashed row or a revision names it.
"""

import hashlib

import pytest
from django.core.files.storage import default_storage
from django.db.models import ProtectedError

from articles.models import Article, Status
from experts.models import Expert
from history.models import Revision, RevisionKind
from library.models import Image
from library.usage import InUse
from tests.admin_forms import admin_url, fill, form_data
from tests.factories import make_article, make_expert
from tests.html import parse
from tests.upload_forms import photo, sweep

pytestmark = pytest.mark.django_db


def intact(image):
    """The stored file is there and holds the bytes the record was made from."""
    with default_storage.open(image.file.name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest() == image.content_hash


def test_restoring_a_revision_from_before_a_photo_was_replaced(
    admin_client, client, save_form, admin_post, commit
):
    """Defect 3: the replaced headshot stays while a revision names it, and comes back."""
    expert = make_expert("Leila Haddad")
    save_form(expert, headshot=photo((600, 750)))
    first = Expert.objects.get(pk=expert.pk).headshot
    save_form(expert, headshot=photo((500, 625), name="new.jpg"))
    second = Expert.objects.get(pk=expert.pk).headshot
    assert first != second
    assert intact(first)  # a revision still names it

    with pytest.raises(InUse) as refused:
        commit(first.delete)
    assert "revision" in str(refused.value) and "Leila Haddad" in str(refused.value)
    sweep()
    (old,) = [
        r
        for r in Revision.objects.of(expert)
        if r.data["fields"]["headshot_id"] == first.pk
    ]
    response = admin_post(admin_url(expert, "restore", expert.pk, old.pk))
    assert response.status_code == 302
    expert = Expert.objects.get(pk=expert.pk)
    assert expert.headshot == first
    assert (expert.headshot.width, expert.headshot.height) == (600, 750)
    assert intact(expert.headshot) and intact(second)
    parse(client.get(expert.get_absolute_url()))
    parse(admin_client.get(admin_url(expert, "change", expert.pk)))


def test_a_replaced_image_that_nothing_names_can_be_deleted_with_its_file(
    save_form, commit
):
    """Defect 3, the control: once no revision names it, the image and its file go."""
    expert = make_expert("Hana Saleh")
    save_form(expert, headshot=photo((600, 750)))
    first = Expert.objects.get(pk=expert.pk).headshot
    save_form(expert, headshot=photo((500, 625), name="new.jpg"))
    assert first.uses()  # the revisions
    Revision.objects.of(expert).delete()
    assert first.uses() == []
    name = first.file.name
    commit(first.delete)
    assert not default_storage.exists(name)
    assert not Image.objects.filter(pk=first.pk).exists()


@pytest.mark.parametrize("model", ["expert", "article"])
def test_sweeping_keeps_the_files_of_trashed_records(
    admin_client, model, save_form, admin_post, commit
):
    """Defect 2: a record restored from the trash after a sweep has its photo."""
    if model == "expert":
        obj, field = make_expert("Omar Farid"), "headshot"
    else:
        obj, field = make_article("Ports", status=Status.DRAFT), "lead_image"
    save_form(obj, **{field: photo((800, 450)), f"{field}_alt_en": "Cranes"})
    obj = type(obj).objects.get(pk=obj.pk)
    image = getattr(obj, field)
    assert (
        admin_post(admin_url(obj, "delete", obj.pk), data={"post": "yes"}).status_code
        == 302
    )
    Revision.objects.of(obj).delete()  # the row in the trash alone keeps it
    labels = [use.label for use in image.uses()]
    assert len(labels) == 1 and "in the trash" in labels[0]
    with pytest.raises(ProtectedError):
        commit(image.delete)

    sweep()
    assert intact(image)
    response = admin_post(admin_url(obj, "untrash", obj.pk))
    assert response.status_code == 302
    parse(admin_client.get(response["Location"]))
    assert getattr(type(obj).objects.get(pk=obj.pk), field) == image


def test_sweeping_keeps_the_photo_of_an_unpublished_change(
    admin_client, save_form, commit
):
    """Defect 4: a new lead image waiting in an unpublished change survives the sweep."""
    article = make_article("Live Ports", status=Status.PUBLISHED)
    save_form(article, lead_image=photo((1600, 900)), lead_image_alt_en="Cranes")
    waiting = Revision.objects.of(article).first()
    assert waiting.kind == RevisionKind.PENDING
    image = Image.objects.get(pk=waiting.data["fields"]["lead_image_id"])
    assert not Article.objects.get(pk=article.pk).lead_image

    sweep()
    assert intact(image)
    with pytest.raises(InUse):
        commit(image.delete)
    form = parse(admin_client.get(admin_url(image, "change", image.pk)))
    (used_by,) = form.xpath("//ul[@class='tt-used-by']")
    assert "Live Ports" in used_by.text_content()


def test_a_refused_save_keeps_its_photo_for_use_my_version(
    admin_client, save_form, admin_post
):
    """Defects 2 and 4: the photo of a save refused in a conflict survives the sweep."""
    expert = make_expert("Samir Haddad")
    url = admin_url(expert, "change", expert.pk)
    mine = fill(form_data(admin_client.get(url)), _save="Save")
    save_form(expert, name_en="Samir Haddad Jr")  # someone else saves first
    mine["headshot"] = photo((600, 750))
    response = admin_post(url, data=mine)
    assert response.status_code == 409
    refused = Revision.objects.of(expert).get(kind=RevisionKind.CONFLICT)
    image = Image.objects.get(pk=refused.data["fields"]["headshot_id"])

    sweep()
    assert intact(image)
    (choice,) = parse(response, status=409).xpath("//form[@class='tt-conflict-choice']")
    assert admin_post(choice.get("action")).status_code == 302
    assert Expert.objects.get(pk=expert.pk).headshot == image
