"""
Recommendations name only what the user may recommend: live work, or an
article they may open in the admin. The autocomplete and the form agree.
"""

import pytest
from django.urls import reverse

from articles.models import Recommendation, Status
from tests.admin_forms import add_inline_row, change_url, errors, fill, form_data
from tests.factories import make_article
from tests.html import parse
from tests.workflow.conftest import make_user
from workflow.roles import CONTRIBUTOR, EDITOR

pytestmark = pytest.mark.django_db

INLINE = "recommendation_links"
REFUSED = "Choose a published article, or one you can open here."


@pytest.fixture
def world():
    mine, theirs = make_user(CONTRIBUTOR, "mine"), make_user(CONTRIBUTOR, "theirs")
    draft = {"status": Status.DRAFT, "languages": ()}
    return {
        "user": mine,
        "editing": make_article("My draft on water", created_by=mine, **draft),
        "own": make_article("My other draft", created_by=mine, **draft),
        "live": make_article("A published analysis", created_by=theirs),
        "secret": make_article("Their secret merger plans", created_by=theirs, **draft),
        "withdrawn": make_article(
            "A withdrawn analysis", created_by=theirs, languages=()
        ),
        "trashed": make_article(
            "A trashed analysis", created_by=theirs, deleted_at="2024-01-01T00:00Z"
        ),
    }


def recommend(client, article, pick):
    """Add ``pick`` (an id) to the article's recommendations through the change form."""
    data = form_data(client.get(change_url(article)))
    fill(data, _save="Save")
    add_inline_row(data, INLINE, recommended=pick, order=1)
    return client.post(change_url(article), data)


def field_errors(response, name):
    """The errors shown in the recommendations table's column ``name``."""
    return parse(response).xpath(
        f"//div[@id='{INLINE}-group']//td[contains(@class, 'field-{name}')]"
        "//ul[contains(@class, 'errorlist')]/li/text()"
    )


def autocomplete(client, term=""):
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "recommendation",
            "field_name": "recommended",
            "term": term,
        },
    )
    assert response.status_code == 200
    return {int(result["id"]) for result in response.json()["results"]}


@pytest.mark.parametrize("name", ["secret", "withdrawn", "trashed"])
def test_contributor_cannot_recommend_hidden_work_by_id(client, world, name):
    """
    Defect 24: a raw id of an article the contributor may not see is refused
    on the field, and its title never appears in their form.
    """
    client.force_login(world["user"])
    target = world[name]
    response = recommend(client, world["editing"], target.pk)
    assert response.status_code == 200
    assert field_errors(response, "recommended") == [REFUSED]
    assert target.title_en not in response.content.decode()
    assert not Recommendation.objects.exists()


@pytest.mark.parametrize("name", ["live", "own"])
def test_contributor_recommends_live_work_and_their_own(client, world, name):
    """The control: the same request with a published article or one of their own saves."""
    client.force_login(world["user"])
    response = recommend(client, world["editing"], world[name].pk)
    assert response.status_code == 302, errors(response)
    (pick,) = Recommendation.objects.all()
    assert (pick.article, pick.recommended) == (world["editing"], world[name])


def test_editor_recommends_any_article(client, world):
    """The control by role: an editor, who sees every article, may recommend a draft."""
    editor = make_user(EDITOR)
    client.force_login(editor)
    draft = make_article("An editor's draft", status=Status.DRAFT, created_by=editor)
    response = recommend(client, draft, world["secret"].pk)
    assert response.status_code == 302, errors(response)
    assert Recommendation.objects.get().recommended == world["secret"]


def test_autocomplete_offers_exactly_what_the_form_accepts(client, world):
    """Defect 24: the autocomplete and the form apply one rule."""
    client.force_login(world["user"])
    offered = autocomplete(client)
    assert offered == {world[n].pk for n in ("editing", "own", "live")}
    for name in ("own", "live", "secret", "withdrawn"):
        response = recommend(client, world["editing"], world[name].pk)
        saved = response.status_code == 302
        assert saved == (world[name].pk in offered), name
        Recommendation.objects.all().delete()
    # The search narrows the same set: nothing hidden is found by its title.
    assert autocomplete(client, "secret") == set()
    assert autocomplete(client, "published") == {world["live"].pk}


def test_a_pick_made_by_an_editor_stays_when_the_contributor_saves(client, world):
    """A recommendation the contributor could not choose stays: saving the form keeps it."""
    Recommendation.objects.create(
        article=world["editing"], recommended=world["secret"], order=1
    )
    client.force_login(world["user"])
    data = fill(form_data(client.get(change_url(world["editing"]))), _save="Save")
    response = client.post(change_url(world["editing"]), data)
    assert response.status_code == 302, errors(response)
    assert Recommendation.objects.get().recommended == world["secret"]
