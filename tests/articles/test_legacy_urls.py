import pytest

from articles.models import Status
from tests.factories import make_article, make_region, make_topic

pytestmark = pytest.mark.django_db


def test_old_article_address_moves_permanently(client):
    article = make_article(
        "Is Iran Ready to Build a Nuclear Bomb or Not?", languages=("en", "ar")
    )
    response = client.get("/policy-analysis/view/iran-ready-build-nuclear-bomb-or-not")
    assert response.status_code == 301
    assert (
        response["Location"] == "/policy-analysis/iran-ready-build-nuclear-bomb-or-not"
    )
    response = client.get(f"/ar/policy-analysis/view/{article.slug_ar}")
    assert response.status_code == 301
    assert response["Location"] == article.url_in("ar")
    assert client.get(response["Location"]).status_code == 200


def test_old_topic_and_region_addresses_move_permanently(client):
    make_topic("Proliferation")
    make_region("Iran")
    for prefix in ("", "/ar"):
        for slug in ("proliferation", "iran"):
            response = client.get(f"{prefix}/policy-analysis/view/{slug}")
            assert response.status_code == 301
            assert response["Location"] == f"{prefix}/policy-analysis/{slug}"


@pytest.mark.parametrize(
    "path",
    ["/policy-analysis/view/nothing-here", "/ar/policy-analysis/view/nothing-here"],
)
def test_unknown_old_address_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_old_address_of_unpublished_work_is_not_found(client):
    article = make_article(status=Status.DRAFT)
    assert client.get(f"/policy-analysis/view/{article.slug_en}").status_code == 404
