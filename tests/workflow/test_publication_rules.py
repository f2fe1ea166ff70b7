"""
The publication rules are the same everywhere: what the workflow lets an
editor publish, the exporter writes and the importer takes back.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, ArticleType, Status
from history import services as history
from tests import files
from tests.admin_forms import add_inline_row, change_url, errors, fill, form_data
from tests.exchange.helpers import empty_database, export_text, import_file
from tests.factories import make_article, make_expert, make_topic
from tests.workflow.conftest import client_for
from workflow.roles import EDITOR
from workflow.services import TransitionError, perform

pytestmark = pytest.mark.django_db


def draft(
    title,
    *,
    status=Status.DRAFT,
    languages=("en", "ar"),
    authors=(),
    image=None,
    **fields,
):
    """An article with text in ``languages``, published in none yet; ``image``: alt texts or "decorative"."""
    article = make_article(
        title, status=status, languages=languages, authors=authors, **fields
    )
    for code in ("en", "ar"):
        setattr(article, f"available_{code}", False)
    if image is not None:
        article.lead_image = files.library_image(
            files.photo((160, 90)), name="lead.jpg"
        )
        if image == "decorative":
            article.lead_image_decorative = True
        else:
            for code, alt in image.items():
                setattr(article, f"lead_image_alt_{code}", alt)
    article.save()
    return article


def drive(article, user, *steps):
    """Perform ``steps`` (names, or (name, options)) in turn; the names of those refused."""
    refused = []
    for step in steps:
        name, options = step if isinstance(step, tuple) else (step, {})
        try:
            perform(article, name, user, **options)
        except TransitionError:
            refused.append(name)
    return refused


def refusal(article, user, name, **options):
    with pytest.raises(TransitionError) as refused:
        perform(article, name, user, **options)
    return str(refused.value)


def test_a_language_is_published_only_with_alt_text_for_the_lead_image(users):
    """Defect 7: publishing the Arabic version needs the lead image's Arabic alt text."""
    editor = users[EDITOR]
    author = make_expert()
    article = draft("Dams on the Tigris", authors=[author], image={"en": "A dam"})
    message = refusal(article, editor, "publish_ar")
    assert message.startswith("Lead image alt text [ar]: Describe the lead image")
    article.refresh_from_db()
    assert article.available_ar is False

    # Positive controls: with the alt text, or with a decorative image.
    article.lead_image_alt_ar = "سد عند الغروب"
    article.save()
    perform(article, "publish_ar", editor)
    article.refresh_from_db()
    assert article.available_ar is True
    decorative = draft("Rivers", authors=[author], image="decorative")
    perform(decorative, "publish_ar", editor)
    decorative.refresh_from_db()
    assert decorative.available_ar is True


def test_publishing_without_chosen_languages_leaves_out_one_not_ready(users):
    """Defect 7: "Publish now" publishes the languages that are ready, not one missing its alt text."""
    editor = users[EDITOR]
    article = draft("Dams", authors=[make_expert()], image={"en": "A dam"})
    assert drive(article, editor, "submit", "approve", "publish") == []
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.languages == ["en"]


def test_approving_scheduling_and_publishing_need_an_author(users):
    """Defect 7: an article without an author is not approved, scheduled or published."""
    editor = users[EDITOR]
    article = draft("Nobody wrote this")
    perform(article, "submit", editor)
    message = refusal(article, editor, "approve")
    assert message == (
        "Authors: An approved, scheduled or published article needs at least one author."
    )
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW

    # The same rule holds for an article approved before it lost its author.
    approved = draft("Approved earlier", status=Status.APPROVED)
    later = timezone.now() + timedelta(days=2)
    assert "needs at least one author" in refusal(
        approved, editor, "schedule", when=later
    )
    assert "needs at least one author" in refusal(approved, editor, "publish")
    approved.refresh_from_db()
    assert (approved.status, approved.published_at) == (Status.APPROVED, None)

    # Positive control: with an author every step goes through.
    article.authorships.create(expert=make_expert())
    assert drive(article, editor, "approve", ("schedule", {"when": later})) == []
    article.refresh_from_db()
    assert article.status == Status.SCHEDULED


def test_the_last_author_cannot_be_removed_from_an_approved_article(client, users):
    """Defect 7: the admin keeps at least one author on an article approved for publication."""
    article = draft("Ports", status=Status.APPROVED, authors=[make_expert()])
    client_for(client, users[EDITOR])
    url = change_url(article)
    data = fill(
        form_data(client.get(url)), _save="Save", **{"authorships-0-DELETE": True}
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "needs at least one author" in " ".join(errors(response).get("", []))
    assert article.authorships.count() == 1

    # Positive control: replacing the author is fine.
    other = make_expert()
    data = fill(
        form_data(client.get(url)), _save="Save", **{"authorships-0-DELETE": True}
    )
    add_inline_row(data, "authorships", expert=other.pk, order=1)
    response = client.post(url, data)
    assert response.status_code == 302, errors(response)
    assert [a.expert for a in article.byline()] == [other]


def test_every_state_the_workflow_reaches_exports_and_imports_again(
    client, users, settings, tmp_path
):
    """
    Defect 7: every status and language combination the workflow can reach,
    with unpublished changes, in the trash, archived or scheduled, exports;
    the file imports into an empty database, and exports again byte for byte.
    """
    editor = users[EDITOR]
    author = make_expert("Dana Stroul", slug="dana-stroul")
    topic = make_topic("Water", slug="water")
    soon = timezone.now() + timedelta(days=3)
    to_approved = ("submit", "approve")
    published = (*to_approved, "publish")
    both = {"en": "A dam at dusk", "ar": "سد عند الغروب"}
    plans = {
        # slug: (draft options, steps, the steps refused)
        "draft": ({"languages": ("en",)}, (), []),
        "draft-arabic-chosen": ({}, ("publish_ar",), []),
        "in-review": ({}, ("submit",), []),
        "changes-requested": (
            {},
            ("submit", ("request_changes", {"comment": "Shorter, please."})),
            [],
        ),
        "approved-without-author": ({"authors": ()}, to_approved, ["approve"]),
        "approved": ({}, to_approved, []),
        "scheduled": ({}, (*to_approved, ("schedule", {"when": soon})), []),
        "unscheduled": (
            {},
            (*to_approved, ("schedule", {"when": soon}), "unschedule"),
            [],
        ),
        "published-english": ({"languages": ("en",)}, published, []),
        "published-both": ({"image": both}, published, []),
        "published-arabic-only": ({}, (*published, "withdraw_en"), []),
        "published-then-arabic": (
            {"image": both},
            (*to_approved, "publish_en", "publish", "publish_ar"),
            [],
        ),
        "published-alt-missing": (
            {"image": {"en": "A dam"}},
            (*published, "publish_ar"),
            ["publish_ar"],
        ),
        "published-decorative": ({"image": "decorative"}, published, []),
        "published-changed": ({}, published, []),
        "archived": ({}, (*published, "archive"), []),
        "archived-then-draft": ({}, (*published, "archive", "redraft"), []),
        "trashed": ({}, published, []),
    }
    for slug, (options, steps, expected) in plans.items():
        options = {"authors": [author], "topics": [topic], **options}
        title = slug.replace("-", " ").capitalize()
        article = draft(title, slug_en=slug, **options)
        assert drive(article, editor, *steps) == expected, slug

    # An unpublished change: the editor edits the live article in the admin.
    changed = Article.objects.get(slug_en="published-changed")
    client_for(client, editor)
    url = change_url(changed)
    response = client.post(
        url, fill(form_data(client.get(url)), _save="Save", title_en="Retitled")
    )
    assert response.status_code == 302, errors(response)
    assert history.pending(changed) is not None
    history.trash(Article.objects.get(slug_en="trashed"), editor)

    reached = set(Article.all_objects.values_list("status", flat=True))
    assert reached == set(Status.values)
    first = export_text(tmp_path / "one" / "content.json")
    empty_database()
    assert not ArticleType.objects.exists()
    settings.MEDIA_ROOT = tmp_path / "fresh-media"

    result = import_file(tmp_path / "one" / "content.json")
    assert result.ok, result.stderr
    second = export_text(tmp_path / "two" / "content.json")
    assert second == first
    assert Article.all_objects.count() == len(plans)
