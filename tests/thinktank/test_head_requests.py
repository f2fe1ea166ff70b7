"""Every public address answers HEAD as it answers GET, without a body."""

import pytest

from tests.factories import make_article, make_expert, make_topic
from tests.files import pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_urls():
    expert = make_expert("Omer Carmi")
    topic = make_topic()
    article = make_article(languages=("en", "ar"), authors=[expert], topics=[topic])
    report = make_article(type="in-depth-report", pdf=pdf_upload())
    for _ in range(9):  # a second page of the listing
        make_article()
    return [
        "/",
        "/ar/",
        "/about",
        "/policy-analysis",
        "/policy-analysis?page=2",
        article.get_absolute_url(),
        article.url_in("ar"),
        f"/policy-analysis/{topic.slug}",
        f"/policy-analysis/view/{article.slug_en}",
        f"{article.get_absolute_url()}/cite.bib",
        f"{article.get_absolute_url()}/cite.ris",
        f"{report.get_absolute_url()}/pdf",
        "/search?q=analysis",
        "/experts",
        f"/experts/{expert.slug}",
        "/experts/view/carmi-omer",
        "/feeds/latest.rss",
        f"/feeds/topic/{topic.slug}.atom",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/robots.txt",
    ]


def test_head_answers_like_get(client, public_urls):
    """Defect 26: HEAD gets GET's status and headers (no 405), and no body."""
    for url in public_urls:
        got = client.get(url)
        head = client.head(url)
        assert got.status_code in (200, 301, 302), (url, got.status_code)
        assert head.status_code == got.status_code, (url, head.status_code)
        assert head["Content-Type"] == got["Content-Type"], url
        assert head.get("Location") == got.get("Location"), url
        assert head.content == b"", url


def test_other_methods_are_still_refused(client, public_urls):
    """Defect 26: only the safe methods are answered; a POST is still refused."""
    for url in public_urls[:3]:
        assert client.post(url).status_code == 405, url
