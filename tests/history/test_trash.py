"""Deleting moves to the trash; the trash restores everything; purge_trash empties it."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Authorship
from core.slugs import slug_owner
from experts.models import Expert
from history.models import Revision, RevisionKind
from tests.factories import make_article, make_expert, make_topic
from tests.html import parse

pytestmark = pytest.mark.django_db


def test_deleting_an_article_moves_it_to_the_trash_and_back(admin_client, client):
    expert, topic = make_expert(), make_topic()
    article = make_article(languages=("en", "ar"), authors=[expert], topics=[topic])
    public = article.get_absolute_url()
    assert client.get(public).status_code == 200

    delete = reverse("admin:articles_article_delete", args=[article.pk])
    confirm = parse(admin_client.get(delete))
    assert confirm.xpath("//form//input[@type='submit']")
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302

    # Hidden from readers, from the change list and from the expert's articles…
    assert client.get(public).status_code == 404
    assert not Article.objects.filter(pk=article.pk).exists()
    listing = parse(admin_client.get(reverse("admin:articles_article_changelist")))
    assert article.title_en not in listing.xpath("string(//table[@id='result_list'])")
    assert list(expert.articles.all()) == []
    # …but kept whole, and its address stays taken.
    trashed = Article.all_objects.get(pk=article.pk)
    assert trashed.deleted_at is not None
    assert slug_owner(article.slug_en, "en") == trashed
    assert Authorship.objects.filter(article=article, expert=expert).exists()

    trash_url = reverse("admin:articles_article_trash")
    assert listing.xpath(f"//ul[@class='object-tools']//a[@href='{trash_url}']")
    trash = parse(admin_client.get(trash_url))
    (row,) = trash.xpath("//table[@id='trash-list']/tbody/tr")
    assert article.title_en in row.text_content()
    restore_url = row.xpath(".//form/@action")[0]
    assert admin_client.post(restore_url).status_code == 302

    article = Article.objects.get(pk=article.pk)
    assert article.title_ar and list(article.topics.all()) == [topic]
    assert [a.expert for a in article.byline()] == [expert]
    assert client.get(public).status_code == 200
    kinds = list(Revision.objects.of(article).values_list("kind", flat=True))
    assert kinds == [RevisionKind.UNTRASH, RevisionKind.TRASH]


def test_deleting_many_asks_first_then_trashes(admin_client):
    articles = [make_article(), make_article()]
    url = reverse("admin:articles_article_changelist")
    data = {
        "action": "delete_selected",
        "_selected_action": [a.pk for a in articles],
    }
    confirm = parse(admin_client.post(url, data))
    assert confirm.xpath("//input[@name='post' and @value='yes']")
    assert Article.objects.filter(pk__in=[a.pk for a in articles]).count() == 2
    assert admin_client.post(url, {**data, "post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk__in=[a.pk for a in articles]).exists()
    assert Article.all_objects.filter(pk__in=[a.pk for a in articles]).count() == 2


def test_deleting_an_expert_leaves_the_articles_intact(admin_client, client):
    expert = make_expert()
    article = make_article(authors=[expert])
    delete = reverse("admin:experts_expert_delete", args=[expert.pk])
    # No "cannot delete: protected" page: the expert only moves to the trash.
    page = parse(admin_client.get(delete))
    assert page.xpath("//input[@name='post']")
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302

    assert Article.objects.filter(pk=article.pk).exists()
    assert Authorship.objects.filter(article=article, expert=expert).exists()
    assert client.get(expert.get_absolute_url()).status_code == 404
    # The byline keeps the name, as plain text.
    html = parse(client.get(article.get_absolute_url()))
    (author,) = html.xpath("//*[contains(@class, 'byline__author')]")
    assert author.tag == "span" and author.text_content() == expert.name_en

    # Restored, the byline links again.
    trash = parse(admin_client.get(reverse("admin:experts_expert_trash")))
    admin_client.post(trash.xpath("//table[@id='trash-list']//form/@action")[0])
    html = parse(client.get(article.get_absolute_url()))
    (author,) = html.xpath("//*[contains(@class, 'byline__author')]")
    assert author.tag == "a"


def test_purge_trash_removes_only_what_is_older_than_30_days():
    old, recent = make_article(), make_article()
    credited, alone = make_expert(), make_expert()
    make_article(authors=[credited])
    long_ago = timezone.now() - timedelta(days=31)
    Article.all_objects.filter(pk=old.pk).update(deleted_at=long_ago)
    Article.all_objects.filter(pk=recent.pk).update(deleted_at=timezone.now())
    Expert.all_objects.filter(pk__in=[credited.pk, alone.pk]).update(
        deleted_at=long_ago
    )
    call_command("purge_trash", verbosity=0)
    assert not Article.all_objects.filter(pk=old.pk).exists()
    assert Article.all_objects.filter(pk=recent.pk).exists()
    assert not Expert.all_objects.filter(pk=alone.pk).exists()
    # An expert still in a byline stays (in the trash) so the byline keeps the name.
    assert Expert.all_objects.filter(pk=credited.pk).exists()


def test_the_expert_list_does_not_count_trashed_articles(admin_client):
    expert = make_expert()
    make_article(authors=[expert])
    trashed = make_article(authors=[expert])
    Article.all_objects.filter(pk=trashed.pk).update(deleted_at=timezone.now())
    page = parse(admin_client.get(reverse("admin:experts_expert_changelist")))
    (cell,) = page.xpath("//table[@id='result_list']//td[@class='field-article_count']")
    assert cell.text_content() == "1"
