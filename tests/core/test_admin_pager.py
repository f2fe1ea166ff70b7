"""The article list's pager counts a window of pages: links to the pages near this one, and the end when it is near."""

import pytest
from django.urls import reverse

from tests.factories import make_article
from tests.html import parse
from thinktank.admin import ArticleAdmin

pytestmark = pytest.mark.django_db

URL = reverse("admin:articles_article_changelist")


@pytest.fixture
def twelve(monkeypatch):
    monkeypatch.setattr(ArticleAdmin, "list_per_page", 2)
    monkeypatch.setattr(ArticleAdmin, "list_max_show_all", 2)
    return [make_article(f"Piece {n:02d}") for n in range(12)]


def paginator(doc):
    (nav,) = doc.xpath("//nav[@class='paginator']")
    links = {
        " ".join(a.text_content().split()): a.get("href") for a in nav.xpath(".//a")
    }
    return " ".join(nav.xpath("string(.)").split()), links


def headlines(doc):
    return [
        " ".join(a.text_content().split())
        for a in doc.xpath("//table[@id='result_list']//tbody//th//a")
    ]


def test_far_from_the_end_the_list_says_more_than_it_counted(admin_client, twelve):
    text, links = paginator(parse(admin_client.get(URL)))
    assert text.endswith("3 … more than 6 articles")
    assert sorted(links) == ["1", "2", "3"]
    assert "…" in text


def test_near_the_end_the_count_and_the_last_page_are_exact(admin_client, twelve):
    doc = parse(admin_client.get(URL + "?p=4"))
    text, links = paginator(doc)
    assert text.endswith("5 6 12 articles") and "more than" not in text
    assert "6" in links
    last = parse(admin_client.get(URL + links["6"]))
    oldest = sorted(twelve, key=lambda a: (a.published_at, a.pk))[:2]
    assert headlines(last) == [a.title for a in reversed(oldest)]
    # Every article is reached once, page by page.
    seen = []
    for number in range(1, 7):
        seen += headlines(parse(admin_client.get(f"{URL}?p={number}")))
    assert sorted(seen) == sorted(a.title for a in twelve)


def test_a_page_past_the_end_is_refused_as_django_refuses_it(admin_client, twelve):
    response = admin_client.get(URL + "?p=7")
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")
    assert admin_client.get(URL + "?p=6").status_code == 200
