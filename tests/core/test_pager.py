"""The lists' pager: links a reader follows, pages that exist, and a cost that does not grow."""

from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from django.db import connection
from django.db.models import Count
from django.http import Http404
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from articles.generate import generate
from articles.models import Article
from core.pager import paginate
from experts.models import Expert, ExpertStatus
from taxonomy.models import Topic
from tests.factories import make_article, make_expert, make_topic
from tests.html import get_page, text

pytestmark = pytest.mark.django_db


def pager_links(doc) -> dict:
    """{"Newer"/"Older"/page number: href} of the page's pager."""
    return {text(a): a.get("href") for a in doc.xpath("//nav[@class='pager']//a")}


def page_of(href: str) -> int:
    return int(parse_qs(urlsplit(href).query).get("page", ["1"])[0])


def card_titles(doc) -> list[str]:
    return [text(h) for h in doc.xpath("//main//article//h2 | //main//article//h3")]


def canonical(doc) -> str:
    """The canonical address's path and query."""
    parts = urlsplit(doc.xpath("//head/link[@rel='canonical']/@href")[0])
    return parts.path + (f"?{parts.query}" if parts.query else "")


def render_pager(page_obj, request):
    source = (
        '{% from "components/pager.html" import pager %}{{ pager(page_obj, query) }}'
    )
    html = (
        engines["jinja2"]
        .from_string(source)
        .render({"page_obj": page_obj, "query": request.GET}, request=request)
    )
    return lxml.html.fromstring(html) if html.strip() else None


@pytest.fixture
def energy():
    topic = make_topic("Energy")
    for n in range(35):
        make_article(f"Energy piece {n:02d}", topics=[topic])
    return topic


def test_newer_and_older_lead_through_every_page_and_no_further(client, energy):
    seen, url, pages = [], "/policy-analysis?topic=energy", []
    while url:
        doc = get_page(client, url)
        pages.append(page_of(url))
        seen += card_titles(doc)
        older = pager_links(doc).get("Older")
        url = f"/policy-analysis{older}" if older else None
    assert pages == [1, 2, 3, 4]
    assert seen == [f"Energy piece {n:02d}" for n in range(35)]
    # Back from the last page, one page at a time.
    doc = get_page(client, "/policy-analysis?topic=energy&page=4")
    assert "Older" not in pager_links(doc)
    assert page_of(pager_links(doc)["Newer"]) == 3
    first = get_page(client, "/policy-analysis?topic=energy")
    assert "Newer" not in pager_links(first)


def test_a_page_past_the_end_or_below_one_does_not_exist(client, energy):
    get_page(client, "/policy-analysis?topic=energy&page=4")
    for page in ("5", "99", "0", "-1"):
        get_page(client, f"/policy-analysis?topic=energy&page={page}", status=404)
        get_page(client, f"/policy-analysis/energy?page={page}", status=404)
    # Not a number: the first page, which is what its canonical address names.
    doc = get_page(client, "/policy-analysis?topic=energy&page=abc")
    assert card_titles(doc)[0] == "Energy piece 00"
    assert canonical(doc) == "/policy-analysis?topic=energy"


def test_an_empty_list_is_a_first_page_without_a_pager(client):
    doc = get_page(client, "/policy-analysis")
    assert card_titles(doc) == []
    assert doc.xpath("//nav[@class='pager']") == []
    get_page(client, "/policy-analysis?page=2", status=404)


def test_prev_and_next_name_the_pages_whose_canonical_they_are(client, energy):
    """Each pager link leads to a page whose canonical address is that page."""
    doc = get_page(client, "/policy-analysis/energy?page=2")
    assert canonical(doc) == "/policy-analysis/energy?page=2"
    prev = doc.xpath("//nav[@class='pager']//a[@rel='prev']/@href")
    nxt = doc.xpath("//nav[@class='pager']//a[@rel='next']/@href")
    assert [page_of(prev[0]), page_of(nxt[0])] == [1, 3]
    after = get_page(client, "/policy-analysis/energy" + nxt[0].split("#")[0])
    assert canonical(after) == "/policy-analysis/energy?page=3"
    before = get_page(client, "/policy-analysis/energy" + prev[0].split("#")[0])
    assert canonical(before) == "/policy-analysis/energy"
    assert after.xpath("//*[@aria-current='page']/text()") == ["3"]
    assert before.xpath("//*[@aria-current='page']/text()") == ["1"]


def test_near_the_end_the_pager_shows_the_last_page():
    for _ in range(45):
        make_article()
    articles = Article.objects.live("en").newest_first()

    def numbers(page):
        request = RequestFactory().get("/x", {"page": str(page)})
        pager = render_pager(paginate(request, articles), request)
        return [text(e) for e in pager.xpath("//li[not(@class='pager__step')]")]

    # Two pages ahead are counted: from page 2 the list goes on past page 4.
    assert numbers(2) == ["1", "2", "3", "4", "…"]
    # From page 3 the count reaches the end: page 5 is the last.
    assert numbers(3) == ["1", "2", "3", "4", "5"]


def test_a_long_list_shows_the_pages_near_this_one_and_a_gap_after_them():
    """Past the counted window the last page is not known: a gap, and "Older" leads on."""
    for _ in range(30):
        make_article()
    articles = Article.objects.live("en").newest_first()
    request = RequestFactory().get("/x", {"type": "op-ed", "page": "6"})
    page_obj = paginate(request, articles, per_page=2, ahead=3)
    pager = render_pager(page_obj, request)
    items = [
        "…" if "pager__gap" in (li.get("class") or "") else text(li)
        for li in pager.xpath("//li")
    ]
    assert items == ["Newer", "1", "…", "4", "5", "6", "7", "8", "…", "Older"]
    links = {text(a): a.get("href") for a in pager.xpath("//a")}
    assert links["Older"] == "?type=op-ed&page=7"
    assert links["8"] == "?type=op-ed&page=8"
    assert page_obj.number == 6
    assert len(page_obj.object_list) == 2
    # The window reaches the end: the last page is shown, without a gap.
    request = RequestFactory().get("/x", {"page": "13"})
    pager = render_pager(paginate(request, articles, per_page=2, ahead=3), request)
    assert [text(a) for a in pager.xpath("//a")][-2:] == ["15", "Older"]
    request = RequestFactory().get("/x", {"page": "16"})
    with pytest.raises(Http404):
        paginate(request, articles, per_page=2, ahead=3)


def test_a_list_costs_the_same_queries_at_10_and_1000_articles(client):
    """The pager counts a window, not the archive: page 1, a deep page and the last cost alike."""

    def pages(topic, expert):
        urls = {}
        for name, url, live in (
            ("listing", "/policy-analysis", Article.objects.live("en")),
            (
                "landing",
                topic.get_absolute_url(),
                Article.objects.live("en").in_topic(topic),
            ),
            (
                "expert",
                expert.get_absolute_url(),
                Article.objects.live("en").by_expert(expert),
            ),
        ):
            last = max(1, -(-live.count() // 10))
            urls[f"{name}, first page"] = url
            urls[f"{name}, middle page"] = f"{url}?page={max(1, last // 2)}"
            urls[f"{name}, last page"] = f"{url}?page={last}"
        return urls

    def counts(urls):
        found = {}
        for name, url in urls.items():
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, (name, url)
            found[name] = len(queries)
        return found

    generate(10, seed=7)
    # The same records at both sizes: the busiest of the small archive.
    topic = Topic.objects.annotate(n=Count("articles")).order_by("-n", "pk")[0]
    expert = (
        Expert.objects.with_profile()
        .annotate(n=Count("authorships"))
        .order_by("-n", "pk")
        .first()
    )
    small = counts(pages(topic, expert))
    generate(990, seed=7)
    large_pages = pages(topic, expert)
    assert large_pages["listing, last page"] != "/policy-analysis?page=1"
    assert counts(large_pages) == small


def test_the_experts_directory_pages_through_current_then_former_experts(client):
    for n in range(50):
        make_expert(f"Current {n:02d}", sort_name=f"Current {n:02d}")
    for n in range(3):
        make_expert(f"Former {n}", sort_name=f"Former {n}", status=ExpertStatus.FORMER)

    def sections(doc):
        return {
            section.get("aria-labelledby"): [
                text(a) for a in section.xpath(".//*[@class='person__name']/a")
            ]
            for section in doc.xpath("//section[contains(@class, 'directory')]")
        }

    first = get_page(client, "/experts")
    assert sections(first) == {
        "current-heading": [f"Current {n:02d}" for n in range(48)]
    }
    assert canonical(first) == "/experts"
    older = pager_links(first)["Older"]
    second = get_page(client, "/experts" + older)
    assert canonical(second) == "/experts?page=2"
    assert sections(second) == {
        "current-heading": ["Current 48", "Current 49"],
        "former-heading": ["Former 0", "Former 1", "Former 2"],
    }
    assert "Older" not in pager_links(second)
    get_page(client, "/experts?page=3", status=404)
