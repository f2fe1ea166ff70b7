"""A missing file (swept, lost with a disk) never crashes a page or a restore."""

import pytest
from django.core.files.storage import default_storage

from articles.models import Status
from experts.models import Expert
from history.models import Revision
from library.models import Image as LibraryImage
from tests.admin_forms import admin_url
from tests.factories import make_article, make_expert
from tests.html import parse
from tests.upload_forms import photo

pytestmark = pytest.mark.django_db


def test_restoring_a_revision_whose_file_is_gone_still_restores(
    admin_client, save_form, admin_post
):
    """Defect 3: a restore sets the file's name without opening the file."""
    expert = make_expert("Karim Nasser")
    save_form(expert, headshot=photo((600, 750)))
    old = Revision.objects.of(expert).first()
    save_form(expert, name_en="Karim Nasser-Haddad")
    assert old.data["fields"]["headshot_id"]
    name = Expert.objects.get(pk=expert.pk).headshot.file.name
    default_storage.delete(name)  # lost with a disk

    response = admin_post(admin_url(expert, "restore", expert.pk, old.pk))
    assert response.status_code == 302
    assert Expert.objects.get(pk=expert.pk).name_en == "Karim Nasser"
    parse(admin_client.get(admin_url(expert, "change", expert.pk)))


def test_the_change_page_shows_a_change_whose_photo_is_missing(admin_client, save_form):
    """Defect 4: a missing file never crashes the change page."""
    article = make_article("Live Harbour", status=Status.PUBLISHED)
    save_form(article, lead_image=photo((1600, 900)), lead_image_alt_en="Cranes")
    assert Revision.objects.of(article).first().data["fields"]["lead_image_id"]
    name = LibraryImage.objects.get().file.name
    default_storage.delete(name)
    parse(admin_client.get(admin_url(article, "change", article.pk)))


def test_a_row_whose_file_is_missing_still_loads(admin_client, save_form):
    """Defect 4: loading a row never opens its image (its size is stored)."""
    expert = make_expert("Rami Aziz")
    save_form(expert, headshot=photo((600, 750)))
    stored = Expert.objects.filter(pk=expert.pk)
    assert stored.values_list("headshot__width", "headshot__height").get() == (600, 750)
    default_storage.delete(stored.values_list("headshot__file", flat=True).get())
    assert Expert.objects.get(pk=expert.pk).headshot.width == 600
    image = LibraryImage.objects.get()
    parse(admin_client.get(admin_url(image, "change", image.pk)))
    parse(admin_client.get(admin_url(expert, "change", expert.pk)))
