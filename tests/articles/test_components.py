"""The list components render from prefetched data alone, and render cleanly."""

import lxml.html
import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import timezone, translation

from articles.forms import ListFilterForm
from articles.models import Article
from core.listing import paginate
from tests.factories import make_article, make_expert
from tests.html import cls, text

pytestmark = pytest.mark.django_db


def render_component(template, arguments, request=None):
    """The component of ``template`` (a macro named after its file) called with ``arguments``."""
    macro = template.rsplit("/", 1)[-1].removesuffix(".html")
    source = f'{{% from "{template}" import {macro} %}}{{{{ {macro}(**arguments) }}}}'
    return (
        engines["jinja2"]
        .from_string(source)
        .render({"arguments": arguments}, request=request)
    )


def render(template, context, path="/"):
    request = RequestFactory().get(path)
    return lxml.html.fromstring(render_component(template, context, request=request))


def test_card_renders_every_part_without_queries(django_assert_num_queries):
    """Type label, title link, subtitle, summary, date and authors in order, from the prefetch."""
    first, second = make_expert("Omer Carmi"), make_expert("Dana Stroul")
    article = make_article(
        "Iran and the Bomb",
        type="in-depth-report",
        authors=[first, second],
        subtitle_en="What the breakout time means",
    )
    article = Article.objects.live("en").for_listing().get(pk=article.pk)
    with django_assert_num_queries(0):
        card = render("components/article_card.html", {"article": article})
    assert text(card.xpath(f"//*[{cls('card__type')}]")[0]) == "In-Depth Report"
    assert card.xpath("//h3/a/@href") == [article.get_absolute_url()]
    assert text(card.xpath("//h3")[0]) == "Iran and the Bomb"
    assert (
        text(card.xpath(f"//*[{cls('card__subtitle')}]")[0])
        == "What the breakout time means"
    )
    assert text(card.xpath(f"//*[{cls('card__summary')}]")[0]) == article.summary_en
    # The date readers see is the institute's (TIME_ZONE), not UTC's.
    assert card.xpath("//time/@datetime") == [
        timezone.localdate(article.published_at).isoformat()
    ]
    assert (
        text(card.xpath(f"//*[{cls('card__authors')}]")[0])
        == "Omer Carmi and Dana Stroul"
    )
    assert card.xpath(f"//*[{cls('card__authors')}]//a/@href") == [
        "/experts/omer-carmi",
        "/experts/dana-stroul",
    ]


def test_card_without_author_is_clean():
    """No authors: no byline element, no stray separator."""
    article = Article.objects.for_listing().get(pk=make_article("Alone").pk)
    card = render("components/article_card.html", {"article": article})
    assert card.xpath(f"//*[{cls('card__authors')}]") == []
    meta = text(card.xpath(f"//*[{cls('card__meta')}]")[0])
    assert meta == text(card.xpath("//time")[0])


def test_card_contributor_without_profile_is_plain_text():
    """A one-off contributor is named without a (dead) link."""
    guest = make_expert("Guest Writer", has_profile=False)
    article = Article.objects.for_listing().get(pk=make_article(authors=[guest]).pk)
    card = render("components/article_card.html", {"article": article})
    authors = card.xpath(f"//*[{cls('card__authors')}]")[0]
    assert text(authors) == "Guest Writer"
    assert authors.xpath(".//a") == []


def test_card_in_arabic_links_to_arabic_urls():
    """In Arabic the title and author links are the Arabic addresses."""
    expert = make_expert("Omer Carmi")
    article = make_article(authors=[expert], languages=("en", "ar"))
    with translation.override("ar"):
        article = Article.objects.live("ar").for_listing().get(pk=article.pk)
        card = render("components/article_card.html", {"article": article})
    assert card.xpath("//h3/a/@href") == [f"/ar/policy-analysis/{article.slug_ar}"]
    assert card.xpath(f"//*[{cls('card__authors')}]//a/@href") == [
        "/ar/experts/omer-carmi"
    ]


def test_pager_keeps_filters_and_reaches_the_last_page(django_assert_num_queries):
    """Page links keep the other parameters; "Older" and the last number reach the end."""
    for _ in range(45):
        make_article()
    request = RequestFactory().get("/x", {"type": "brief-analysis", "page": "2"})
    page_obj = paginate(request, Article.objects.live("en").newest_first())
    with django_assert_num_queries(0):
        html = render_component(
            "components/pager.html",
            {"page_obj": page_obj, "query": request.GET},
            request=request,
        )
    pager = lxml.html.fromstring(html)
    links = {text(a): a.get("href") for a in pager.xpath("//a")}
    assert links["Newer"] == "?type=brief-analysis&page=1"
    assert links["Older"] == "?type=brief-analysis&page=3"
    assert links["5"] == "?type=brief-analysis&page=5"
    assert pager.xpath("//*[@aria-current='page']/text()") == ["2"]


def test_pager_is_absent_for_a_single_page():
    make_article()
    request = RequestFactory().get("/x")
    page_obj = paginate(request, Article.objects.live("en"))
    assert (
        render_component(
            "components/pager.html", {"page_obj": page_obj, "query": request.GET}
        ).strip()
        == ""
    )


def test_filters_are_labelled_selects_without_queries(django_assert_num_queries):
    """Each select has a label; the chosen value is selected; rendering reads nothing."""
    request = RequestFactory().get("/x", {"type": "op-ed"})
    form = ListFilterForm(request.GET)
    with django_assert_num_queries(0):
        html = render_component(
            "components/list_filters.html", {"form": form}, request=request
        )
    doc = lxml.html.fromstring(html)
    assert doc.xpath("//form/@method") == ["get"]
    for select in doc.xpath("//select"):
        assert doc.xpath(f"//label[@for='{select.get('id')}']")
    assert [s.get("name") for s in doc.xpath("//select")] == ["type", "topic", "region"]
    assert doc.xpath("//select[@name='type']/option[@selected]/@value") == ["op-ed"]
