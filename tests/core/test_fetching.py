"""
The reads behind the public pages refuse a lazy load in the test run
(core.fetching): a page whose query forgets a relation fails instead of
costing one query per article.
"""

import pytest
from django.core.exceptions import FieldFetchBlocked

from articles.models import ArticleQuerySet
from core.fetching import page_fetch_mode
from tests.factories import make_article, make_expert
from tests.html import card_titles, get_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def forgetful_listing(monkeypatch):
    """``for_listing()`` as it would be if it forgot to join the articles' types."""
    listing = ArticleQuerySet.for_listing

    def for_listing(self):
        query = listing(self)
        query.query.select_related = False
        return query

    monkeypatch.setattr(ArticleQuerySet, "for_listing", for_listing)


@pytest.fixture
def articles():
    author = make_expert("Noura Haddad")
    return [make_article(f"Water and power {n}", authors=[author]) for n in range(3)]


def test_the_test_run_refuses_lazy_loads():
    assert page_fetch_mode().__class__.__name__ == "FetchRaise"


def test_a_listing_that_loads_what_its_cards_show_renders(client, articles):
    """The control: the listing's own query loads every card's type and bylines."""
    doc = get_page(client, "/policy-analysis")
    assert sorted(card_titles(doc)) == [a.title for a in articles]


def test_a_lazy_load_on_a_public_page_fails_the_test(
    client, articles, forgetful_listing
):
    with pytest.raises(FieldFetchBlocked, match=r"ArticleType|type"):
        client.get("/policy-analysis")


def test_the_site_itself_loads_lazily_as_django_does(
    client, articles, forgetful_listing, settings
):
    """On the site (Django's default mode) the same page renders: the mode is the test run's."""
    settings.PAGE_FETCH_MODE = "FETCH_ONE"
    doc = get_page(client, "/policy-analysis")
    assert sorted(card_titles(doc)) == [a.title for a in articles]
