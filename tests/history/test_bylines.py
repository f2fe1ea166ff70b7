"""An article's byline is kept as it was at first publication for its citations."""

import lxml.html
import pytest
from django.urls import reverse

from articles.models import Authorship, Status
from history import services
from tests.factories import make_article, make_expert
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

    page = lxml.html.fromstring(client.get(article.url_in("en")).content.decode())
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
    page = lxml.html.fromstring(
        admin_client.get(url, {"a": first.pk, "b": second.pk}).content.decode()
    )
    assert not page.xpath("//tr[@class='tt-change']")
