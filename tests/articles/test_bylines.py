"""An article's byline is kept as it was at first publication for its citations."""

import json
import shutil
from importlib import import_module

import pytest
from django.apps import apps
from django.db.models import Count
from django.urls import reverse

from articles import bylines
from articles.models import Article, Authorship, Status
from experts.models import Expert
from history import services
from tests.demo.helpers import import_demo
from tests.exchange.helpers import SAMPLE, import_file
from tests.factories import make_article, make_expert
from tests.html import parse
from workflow import services as workflow

pytestmark = pytest.mark.django_db


def test_first_publication_freezes_the_byline_and_citations_keep_it(
    admin_client, admin_user, client
):
    expert = make_expert("Dana Stroul", name_ar="دانا سترول", sort_name="Stroul, Dana")
    article = make_article(
        authors=[expert], status=Status.APPROVED, languages=("en", "ar")
    )
    assert Authorship.objects.get(article=article).frozen == {}
    workflow.perform(article, "publish", admin_user)

    (authorship,) = Authorship.objects.filter(article=article)
    assert authorship.frozen["en"]["name"] == "Dana Stroul"
    assert authorship.frozen["ar"]["name"] == "دانا سترول"
    assert authorship.frozen["en"]["titles"] == expert.titles_en
    assert authorship.frozen["sort_name"] == "Stroul, Dana"

    # The expert changes name and title later.
    expert.name_en, expert.sort_name, expert.titles_en = (
        "Dana Stroul-Ward",
        "Stroul-Ward, Dana",
        "Research Director",
    )
    expert.name_ar = "دانا سترول وارد"
    expert.save()
    article.refresh_from_db()
    article.save()  # a later save does not refreeze
    assert Authorship.objects.get(pk=authorship.pk).frozen == authorship.frozen

    page = parse(client.get(article.url_in("en")))
    citations = page.xpath("string(//*[contains(@class, 'cite')])")
    assert "Stroul, Dana" in citations and "Stroul-Ward" not in citations
    # "About the authors" shows the profile as it is now.
    bio = page.xpath("string(//*[contains(@class, 'bio-card')])")
    assert "Dana Stroul-Ward" in bio


def test_an_author_added_after_publication_is_frozen_when_saved(admin_user):
    article = make_article(status=Status.PUBLISHED)
    expert = make_expert()
    Authorship.objects.create(article=article, expert=expert, order=0)
    article.save()
    assert (
        Authorship.objects.get(article=article).frozen["en"]["name"] == expert.name_en
    )


def test_restoring_a_revision_keeps_the_frozen_byline(admin_user):
    expert = make_expert()
    article = make_article(authors=[expert])
    article.save()
    frozen = Authorship.objects.get(article=article).frozen
    kept = services.record(article, admin_user)
    Authorship.objects.filter(article=article).delete()
    # The article is live: the restore waits as a change until it is published.
    services.publish_pending(services.restore(kept, admin_user), admin_user)
    assert Authorship.objects.get(article=article).frozen == frozen


def test_the_history_page_shows_no_byline_change_for_a_freeze(admin_client, admin_user):
    article = make_article(authors=1)
    first = services.record(article, admin_user)
    article.save()  # freezes the byline
    second = services.record(article, admin_user)
    url = reverse("admin:articles_article_compare", args=[article.pk])
    page = parse(admin_client.get(url, {"a": first.pk, "b": second.pk}))
    assert not page.xpath("//tr[@class='tt-change']")


def test_importing_published_work_freezes_its_bylines(client, settings):
    """Defect 8: renaming an expert leaves the citation of an imported 2023 report alone."""
    import_demo(settings)
    published = Authorship.objects.filter(article__first_published_at__isnull=False)
    assert published.exists() and not published.filter(frozen={}).exists()
    drafts = Authorship.objects.filter(article__first_published_at__isnull=True)
    assert not drafts.exclude(frozen={}).exists()

    report = Article.objects.get(slug_en="proliferation-pressure-points")
    assert report.published_at.year == 2023
    expert = Expert.objects.get(slug="leila-navabi")
    expert.name_en, expert.sort_name = "Leila Navabi-Stone", "Navabi-Stone, Leila"
    expert.save()
    page = parse(client.get(report.url_in("en")))
    citation = page.xpath("string(//*[contains(@class, 'cite-this__chicago')])")
    assert "Navabi, Leila" in citation and "Navabi-Stone" not in citation


def test_reimporting_new_author_order_keeps_the_frozen_bylines(tmp_path):
    """Defect 8: an import that rewrites the byline keeps each author as first published."""
    assert import_file(SAMPLE).ok
    article = (
        Article.objects.filter(first_published_at__isnull=False)
        .annotate(authors_count=Count("authorships"))
        .filter(authors_count__gte=2)
        .first()
    )
    frozen = dict(article.authorships.values_list("expert_id", "frozen"))
    assert all(frozen.values())
    Expert.objects.filter(pk__in=frozen).update(name_en="Renamed Since")
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for record in document["articles"]:
        if record["slug"]["en"] == article.slug_en:
            record["authors"] = record["authors"][::-1]
    path = tmp_path / "reordered.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    shutil.copytree(SAMPLE.parent / "images", tmp_path / "images")
    assert import_file(path).ok

    assert dict(article.authorships.values_list("expert_id", "frozen")) == frozen
    assert (
        list(article.authorships.values_list("expert_id", flat=True))
        == list(frozen)[::-1]
    )


def test_the_data_migration_freezes_what_is_stored():
    """Defect 8: bylines of published articles stored without one are frozen by 0009."""
    migration = import_module("articles.migrations.0009_freeze_published_bylines")
    expert = make_expert("Hiba Mansour", name_ar="هبة منصور", sort_name="Mansour, Hiba")
    published = make_article(authors=[expert], status=Status.PUBLISHED)
    draft = make_article(authors=[expert], status=Status.DRAFT)
    Authorship.objects.update(frozen={})  # as imports left them

    migration.freeze_published_bylines(apps, None)

    frozen = Authorship.objects.get(article=published).frozen
    assert frozen["en"]["name"] == "Hiba Mansour"
    assert frozen["ar"]["name"] == "هبة منصور"
    assert frozen["sort_name"] == "Mansour, Hiba"
    assert frozen == bylines.snapshot_of(expert)
    assert Authorship.objects.get(article=draft).frozen == {}
