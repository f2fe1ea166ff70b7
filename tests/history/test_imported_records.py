"""
Records written by ``import_content`` (no signed-in user): their history,
restore, conflict and unpublished-change pages work and name the import.
"""

import pytest
from django.urls import reverse

from articles.models import Article, Status
from experts.models import Expert
from history import services
from history.models import Revision
from tests.admin_forms import fill, form_data
from tests.demo.helpers import import_demo
from tests.exchange.helpers import SAMPLE, import_file
from tests.html import parse

pytestmark = pytest.mark.django_db


def history_url(obj):
    return reverse(
        f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk]
    )


def authors_listed(page):
    """The "By" column of a history page."""
    return [
        row.xpath("string(td[5])").strip()
        for row in page.xpath("//table[@id='revision-list']/tbody/tr")
    ]


def test_history_page_of_every_demo_record_answers(admin_client, settings):
    """Defect 1: every imported demo article and expert has a history page naming the import."""
    import_demo(settings)
    records = [*Article._base_manager.all(), *Expert._base_manager.all()]
    assert len(records) == 50
    for record in records:
        page = parse(admin_client.get(history_url(record)))
        assert authors_listed(page) == ["import_content"], record


def test_restoring_an_imported_revision_lands_on_a_working_history(admin_client):
    """Defect 1: after a restore the editor sees the history, both revisions named."""
    assert import_file(SAMPLE).ok
    expert = Expert.objects.first()
    imported = Revision.objects.of(expert).get()
    change = reverse("admin:experts_expert_change", args=[expert.pk])
    data = fill(form_data(admin_client.get(change)), _save="Save", name_en="Renamed")
    assert admin_client.post(change, data).status_code == 302

    restore = reverse("admin:experts_expert_restore", args=[expert.pk, imported.pk])
    parse(admin_client.get(restore))
    response = admin_client.post(restore, follow=True)
    page = parse(response)
    assert response.redirect_chain[-1][0] == history_url(expert)
    assert authors_listed(page) == ["admin", "admin", "import_content"]
    expert.refresh_from_db()
    assert expert.name_en != "Renamed"


def test_an_unpublished_change_without_a_user_shows_its_origin(admin_client):
    """Defect 1: the change page's notice names the command that left a change waiting."""
    assert import_file(SAMPLE).ok
    article = Article.objects.filter(status=Status.PUBLISHED).first()
    first = Revision.objects.of(article).get()
    services.record_pending(article, first.data, None, via="import_content")
    change = reverse("admin:articles_article_change", args=[article.pk])
    page = parse(admin_client.get(change))
    notice = page.xpath("string(//div[@class='module tt-pending']/p[1])")
    assert " by import_content on " in notice


def test_a_conflict_with_an_import_names_the_import(admin_client, tmp_path):
    """Defect 1: an editor whose save lost to an import sees who saved: the import."""
    assert import_file(SAMPLE).ok
    expert = Expert.objects.first()
    change = reverse("admin:experts_expert_change", args=[expert.pk])
    data = fill(form_data(admin_client.get(change)), _save="Save", name_en="Mine")
    services.record(expert, None, via="import_content")  # an import runs meanwhile
    response = admin_client.post(change, data)
    assert response.status_code == 409
    page = parse(response, status=409)
    assert "import_content saved this record" in page.xpath(
        "string(//p[@class='errornote'])"
    )
