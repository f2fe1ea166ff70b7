"""
Issue 15, item 8 (and the conjunction of item 5): details of the article page
and the cards that a reader of a serious institute's site would notice.
"""

import pytest

from tests.factories import make_article, make_expert
from tests.html import cards, cls, hrefs, parse, text, texts

pytestmark = pytest.mark.django_db


def type_label(doc) -> str:
    [label] = doc.xpath(f"//*[{cls('type-label')}]")
    return " | ".join(text(part) for part in label.xpath("./span"))


def test_a_series_named_as_its_type_is_not_said_twice(client):
    article = make_article(
        "Red Lines", type="policy-note", series="Policy Note", series_number="105"
    )
    doc = parse(client.get(article.get_absolute_url()))
    assert type_label(doc) == "Policy Note 105"
    listing = parse(client.get("/policy-analysis"))
    [card] = cards(listing)
    assert texts(card, f".//*[{cls('card__type')}]") == ["Policy Note 105"]


def test_a_series_of_another_name_follows_the_type(client):
    article = make_article("Gulf Notes", series="PolicyWatch", series_number="3745")
    doc = parse(client.get(article.get_absolute_url()))
    assert type_label(doc) == "Brief Analysis | PolicyWatch 3745"
    [card] = cards(parse(client.get("/policy-analysis")))
    assert texts(card, f".//*[{cls('card__series')}]") == ["PolicyWatch 3745"]


def test_about_the_author_or_authors_as_many_as_there_are(client):
    one = make_article("Alone", authors=1, languages=("en", "ar"))
    two = make_article("Together", authors=2, languages=("en", "ar"))
    heading = "//*[@id='about-authors-heading']"
    assert texts(parse(client.get(one.get_absolute_url())), heading) == [
        "About the author"
    ]
    assert texts(parse(client.get(two.get_absolute_url())), heading) == [
        "About the authors"
    ]
    assert texts(parse(client.get(one.url_in("ar"))), heading) == ["عن الكاتب"]
    assert texts(parse(client.get(two.url_in("ar"))), heading) == ["عن الكتّاب"]


def test_a_reports_series_is_in_its_type_label_and_its_length_said_once(client):
    article = make_article(
        "The Long View",
        type="in-depth-report",
        series="Policy Focus",
        series_number="180",
        page_count=42,
    )
    doc = parse(client.get(article.get_absolute_url()))
    assert type_label(doc) == "In-Depth Report | Policy Focus 180"
    header = text(doc.xpath(f"//header[{cls('article__header')}]")[0])
    assert header.count("Policy Focus 180") == 1
    assert header.count("42 pages") == 1


def test_an_op_ed_whose_body_links_to_the_outlet_has_no_second_button(client):
    url = "https://harborreview.example/2025/12/snapback?a=1&b=2"
    linked = make_article(
        "Snapback",
        type="op-ed",
        outlet_name="Harbor Review",
        outlet_url=url,
        body_en=f'<p>Text.</p><p>Read it in <a href="{url}">Harbor Review</a>.</p>',
    )
    plain = make_article(
        "Other Op-Ed",
        type="op-ed",
        outlet_name="Harbor Review",
        outlet_url=url,
        body_en="<p>Text.</p>",
    )
    button = f"//*[{cls('read-more')}]//a"
    assert hrefs(parse(client.get(linked.get_absolute_url())), button) == []
    # Positive control: without the link in the body, the button is there.
    assert hrefs(parse(client.get(plain.get_absolute_url())), button) == [url]


def test_arabic_cards_attach_the_conjunction_as_the_byline_does(client):
    first = make_expert("Leila Navabi", name_ar="ليلى نوابي")
    second = make_expert("Daniel Rees", name_ar="دانيال ريس")
    article = make_article(authors=[first, second], languages=("en", "ar"))
    doc = parse(client.get("/ar/policy-analysis"))
    [card] = cards(doc)
    assert texts(card, f".//*[{cls('card__authors')}]") == ["ليلى نوابي ودانيال ريس"]
    page = parse(client.get(article.url_in("ar")))
    byline = text(page.xpath(f"//*[{cls('byline')}]")[0])
    assert byline.endswith("ليلى نوابي ودانيال ريس")


def test_bylines_link_only_to_pages_that_exist_in_the_language(client):
    named = make_expert("Leila Navabi", name_ar="ليلى نوابي")
    unnamed = make_expert("Guest Author", name_ar="")
    article = make_article(authors=[named, unnamed], languages=("en", "ar"))
    arabic = parse(client.get(article.url_in("ar")))
    links = f"//*[{cls('byline')}]//a"
    assert hrefs(arabic, links) == [f"/ar/experts/{named.slug}"]
    assert hrefs(arabic, f"//*[{cls('bio-card__name')}]//a") == [
        f"/ar/experts/{named.slug}"
    ]
    english = parse(client.get(article.url_in("en")))
    assert hrefs(english, links) == [
        f"/experts/{named.slug}",
        f"/experts/{unnamed.slug}",
    ]
