"""
An edit of a published article is built from the form in memory and kept in
its revision: the live row, its search entry and the page cache stay as they
are until an editor publishes exactly that revision.
"""

import pytest

from articles.models import Article, ArticleSearchEntry
from articles.search import search_articles
from core.models import ContentGeneration
from history.models import Revision, RevisionKind
from tests.factories import committed, make_article, make_expert
from tests.workflow.test_drafts import edit, press
from workflow.models import Transition

pytestmark = pytest.mark.django_db


def generation():
    return ContentGeneration.objects.values_list("value", flat=True).first()


def row(article):
    """The live row as stored, every column by its name."""
    columns = [field.attname for field in Article._meta.concrete_fields]
    return Article.all_objects.filter(pk=article.pk).values(*columns).get()


def entries(article):
    """The article's search entries (PostgreSQL's stored vectors), per language."""
    return list(
        ArticleSearchEntry.objects.filter(article=article)
        .order_by("language")
        .values_list("language", "document")
    )


def found(text):
    return [a.title for a in search_articles(text, language_code="en")]


def test_a_pending_change_writes_nothing_live_and_publishing_applies_it(
    admin_client, client
):
    author = make_expert("Noura Haddad")
    article = make_article("Rivers and power", authors=[author])
    with committed():
        pass  # the page cache's generation exists before the edit
    live, before = row(article), generation()

    with committed():
        edit(
            admin_client,
            article,
            title_en="Dams and drought",
            summary_en="A summary written in review.",
        )

    # Nothing readers see moved: the row (updated_at included), what search
    # finds and the page cache's generation are untouched.
    assert row(article) == live
    assert generation() == before
    assert found("Rivers") == ["Rivers and power"]
    assert found("drought") == []
    waiting = Revision.objects.of(article).first()
    assert waiting.kind == RevisionKind.PENDING
    assert waiting.data["fields"]["title_en"] == "Dams and drought"
    assert waiting.data["authorships"][0][0] == author.pk

    # A positive control: publishing applies exactly the reviewed revision,
    # and everything derived from the row follows.
    with committed():
        assert press(admin_client, article, "history-publish").status_code == 302
    published = row(article)
    assert published["title_en"] == "Dams and drought"
    assert published["summary_en"] == "A summary written in review."
    assert generation() > before
    assert found("drought") == ["Dams and drought"]
    newest = Revision.objects.of(article).first()
    assert newest.kind == RevisionKind.PUBLISH
    assert newest.data["fields"]["title_en"] == waiting.data["fields"]["title_en"]
    assert newest.data["authorships"] == waiting.data["authorships"]


@pytest.mark.postgres
def test_a_pending_change_leaves_the_search_entries_until_published(admin_client):
    """The stored vectors (PostgreSQL's index) follow the published revision only."""
    article = make_article("Rivers and power")
    indexed = entries(article)
    assert indexed
    with committed():
        edit(admin_client, article, title_en="Dams and drought")
    assert entries(article) == indexed
    with committed():
        assert press(admin_client, article, "history-publish").status_code == 302
    assert entries(article) != indexed


def test_a_draft_is_saved_at_once(admin_client):
    """The control: a draft's edit writes the row (and the index) right away."""
    article = make_article("Rivers and power", status="draft")
    live = row(article)
    edit(admin_client, article, title_en="Dams and drought")
    assert row(article)["title_en"] == "Dams and drought"
    assert row(article)["updated_at"] != live["updated_at"]
    assert Revision.objects.of(article).first().kind == RevisionKind.SAVE


def test_discarding_is_the_workflows_logged_step(admin_client):
    article = make_article("Rivers and power")
    live = row(article)
    edit(admin_client, article, title_en="Not wanted")
    assert press(admin_client, article, "history-discard").status_code == 302
    assert row(article) == live
    (step,) = Transition.objects.filter(article=article)
    assert step.name == "discard_changes"
    assert step.comment == f"#{Revision.objects.of(article)[1].pk}"
    assert Revision.objects.of(article).first().kind == RevisionKind.DISCARD
