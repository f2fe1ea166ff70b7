"""
"Feature on the home page" in the article admin: those who may publish tick
it; for others it is read-only. On a live article the edit waits as an
unpublished change, like any other, until it is published.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Status
from tests.admin_forms import change_form, change_url, fill, form_data
from tests.factories import committed, make_article
from tests.html import card_titles, cls, parse
from tests.workflow.conftest import client_for
from tests.workflow.test_drafts import edit, press
from workflow.roles import CONTRIBUTOR, EDITOR

pytestmark = pytest.mark.django_db


def home_featured(client):
    doc = parse(client.get("/"))
    return card_titles(doc.xpath(f"//*[{cls('home__featured')}]")[0])


def featured_box(client, article):
    return change_form(client.get(change_url(article))).xpath(
        ".//input[@name='featured']"
    )


def save(client, article, **fields):
    data = fill(form_data(client.get(change_url(article))), _save="Save", **fields)
    return client.post(change_url(article), data)


def test_an_editor_features_a_draft(client, users):
    article = make_article("Draft on water", status=Status.DRAFT)
    editor = client_for(client, users[EDITOR])
    assert featured_box(editor, article)
    with committed():
        assert save(editor, article, featured=True).status_code == 302
    assert Article.objects.get(pk=article.pk).featured
    # The label in the Arabic admin.
    page = parse(editor.get("/ar" + change_url(article)))
    assert page.xpath("//label[@for='id_featured']/text()") == [
        "إبراز على الصفحة الرئيسية"
    ]


def test_a_contributor_cannot_feature_their_draft(client, users):
    contributor = users[CONTRIBUTOR]
    article = make_article("Own draft", status=Status.DRAFT, created_by=contributor)
    as_contributor = client_for(client, contributor)
    # The field is shown read-only: no box to tick, and a forged one is ignored.
    page = change_form(as_contributor.get(change_url(article)))
    assert page.xpath(".//*[contains(@class, 'field-featured')]")
    assert not page.xpath(".//input[@name='featured']")
    data = fill(
        form_data(as_contributor.get(change_url(article))),
        _save="Save",
        featured=True,
        title_en="Own draft, retitled",
    )
    with committed():
        assert as_contributor.post(change_url(article), data).status_code == 302
    stored = Article.objects.get(pk=article.pk)
    assert stored.title_en == "Own draft, retitled" and not stored.featured
    # Positive control: the same POST by an editor features it.
    client.logout()
    editor = client_for(client, users[EDITOR])
    with committed():
        assert save(editor, article, featured=True).status_code == 302
    assert Article.objects.get(pk=article.pk).featured


def test_featuring_a_live_article_waits_until_the_change_is_published(
    admin_client, client
):
    make_article("Newest brief", published_at=timezone.now() - timedelta(hours=1))
    article = make_article(
        "Older brief", published_at=timezone.now() - timedelta(days=30)
    )
    assert home_featured(client) == ["Newest brief"]
    with committed():
        edit(admin_client, article, featured=True)
    assert not Article.objects.get(pk=article.pk).featured
    assert home_featured(client) == ["Newest brief"]
    with committed():
        assert press(admin_client, article, "history-publish").status_code == 302
    assert Article.objects.get(pk=article.pk).featured
    assert home_featured(client) == ["Older brief"]


def test_the_article_list_filters_by_featured(admin_client):
    make_article("Plain brief")
    make_article("Featured brief", featured=True)
    listing = parse(admin_client.get("/admin/articles/article/"))
    # The filter's own link, as an editor follows it.
    (link,) = listing.xpath(
        "//*[@id='changelist-filter']//details[.//text()[contains(., 'Feature on')]]"
        "//a[normalize-space()='Yes']/@href"
    )
    page = parse(admin_client.get("/admin/articles/article/" + link))
    rows = page.xpath("string(//table[@id='result_list']/tbody)")
    assert "Featured brief" in rows and "Plain brief" not in rows
