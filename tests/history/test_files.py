"""
The files that revisions name stay until their revisions go: restoring an
old revision, a trashed record or an unpublished change brings its photo
back, whatever was replaced or swept meanwhile.
"""

import pytest
from django.core.files.storage import default_storage

from articles.models import Article, Status
from experts.models import Expert
from history.models import Revision, RevisionKind
from tests.admin_forms import admin_url, fill, form_data
from tests.factories import make_article, make_expert
from tests.html import parse
from tests.upload_forms import photo, sweep

pytestmark = pytest.mark.django_db


def test_restoring_a_revision_from_before_a_photo_was_replaced(
    admin_client, client, save_form, admin_post
):
    """Defect 3: the replaced headshot stays while a revision names it, and comes back."""
    expert = make_expert("Leila Haddad")
    save_form(expert, headshot=photo((600, 750)))
    first = Expert.objects.get(pk=expert.pk).headshot.name
    save_form(expert, headshot=photo((500, 625), name="new.jpg"))
    second = Expert.objects.get(pk=expert.pk).headshot.name
    assert first != second
    assert default_storage.exists(first)  # a revision still names it

    sweep()
    (old,) = [
        r for r in Revision.objects.of(expert) if r.data["fields"]["headshot"] == first
    ]
    response = admin_post(admin_url(expert, "restore", expert.pk, old.pk))
    assert response.status_code == 302
    expert = Expert.objects.get(pk=expert.pk)
    assert expert.headshot.name == first
    assert (expert.headshot_width, expert.headshot_height) == (600, 750)
    assert default_storage.exists(first) and default_storage.exists(second)
    parse(client.get(expert.get_absolute_url()))
    parse(admin_client.get(admin_url(expert, "change", expert.pk)))


def test_a_replaced_file_that_no_revision_names_is_still_deleted(save_form):
    """Defect 3, the control: files nothing names are deleted after the commit."""
    expert = make_expert("Hana Saleh")
    save_form(expert, headshot=photo((600, 750)))
    first = Expert.objects.get(pk=expert.pk).headshot.name
    Revision.objects.of(expert).delete()
    save_form(expert, headshot=photo((500, 625), name="new.jpg"))
    assert not default_storage.exists(first)


@pytest.mark.parametrize("model", ["expert", "article"])
def test_sweeping_keeps_the_files_of_trashed_records(
    admin_client, model, save_form, admin_post
):
    """Defect 2: a record restored from the trash after a sweep has its photo."""
    if model == "expert":
        obj, field = make_expert("Omar Farid"), "headshot"
    else:
        obj, field = make_article("Ports", status=Status.DRAFT), "lead_image"
    save_form(obj, **{field: photo((800, 450)), f"{field}_alt_en": "Cranes"})
    obj = type(obj).objects.get(pk=obj.pk)
    name = getattr(obj, field).name
    assert (
        admin_post(admin_url(obj, "delete", obj.pk), data={"post": "yes"}).status_code
        == 302
    )

    sweep()
    assert default_storage.exists(name)
    response = admin_post(admin_url(obj, "untrash", obj.pk))
    assert response.status_code == 302
    parse(admin_client.get(response["Location"]))
    assert getattr(type(obj).objects.get(pk=obj.pk), field).name == name


def test_sweeping_keeps_the_photo_of_an_unpublished_change(admin_client, save_form):
    """Defect 4: a new lead image waiting in an unpublished change survives the sweep."""
    article = make_article("Live Ports", status=Status.PUBLISHED)
    save_form(article, lead_image=photo((1600, 900)), lead_image_alt_en="Cranes")
    waiting = Revision.objects.of(article).first()
    assert waiting.kind == RevisionKind.PENDING
    name = waiting.data["fields"]["lead_image"]
    assert name and not Article.objects.get(pk=article.pk).lead_image

    sweep()
    assert default_storage.exists(name)
    form = parse(admin_client.get(admin_url(article, "change", article.pk)))
    assert form.xpath("//img[@class='tt-focal__image']/@src") == [
        default_storage.url(name)
    ]


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
    name = refused.data["fields"]["headshot"]
    assert name

    sweep()
    assert default_storage.exists(name)
    (choice,) = parse(response, status=409).xpath("//form[@class='tt-conflict-choice']")
    assert admin_post(choice.get("action")).status_code == 302
    assert Expert.objects.get(pk=expert.pk).headshot.name == name
