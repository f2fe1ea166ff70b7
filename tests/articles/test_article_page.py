import re

import pytest
from django.conf import settings
from django.urls import resolve
from django.utils import timezone

from tests.factories import (
    in_library,
    make_article,
    make_expert,
    make_region,
    make_topic,
)
from tests.files import png_upload
from tests.html import by_class, document_position, get_page, one, text

pytestmark = pytest.mark.django_db

#: The article page's components, top to bottom, as anatomy.md lists them.
COMPONENTS = [
    by_class("type-label"),
    "//h1",
    by_class("article__subtitle"),
    by_class("byline"),
    by_class("article__meta") + by_class("article-date")[1:],
    by_class("language-versions"),
    by_class("lead-image"),
    by_class("about-authors"),
    by_class("article__summary"),
    by_class("prose"),
    by_class("author-note"),
    by_class("rail"),
    "//section[@aria-labelledby='topics-heading']",
    "//section[@aria-labelledby='regions-heading']",
]


@pytest.fixture
def article():
    first = make_expert("Omer Carmi")
    second = make_expert("Dana Stroul")
    guest = make_expert("Guest Writer", has_profile=False)
    other = make_article("An earlier look at the talks", languages=("en", "ar"))
    article = make_article(
        "Is Iran Ready to Build a Nuclear Bomb or Not?",
        authors=[second, first, guest],
        topics=[make_topic("Proliferation"), make_topic("Energy")],
        regions=[make_region("Iran")],
        languages=("en", "ar"),
        recommended=[other],
        subtitle_en="What the enrichment numbers say",
        subtitle_ar="ما تقوله أرقام التخصيب",
        author_note_en="Omer Carmi is a former visiting fellow at the institute.",
        author_note_ar="عمر كرمي زميل زائر سابق في المعهد.",
        series="PolicyWatch",
        series_number=3745,
        lead_image_caption_en="Centrifuges at an enrichment plant.",
        lead_image_caption_ar="أجهزة طرد مركزي في منشأة تخصيب.",
        lead_image_credit_en="Agency photo",
        lead_image_credit_ar="صورة وكالة",
        lead_image_alt_en="A hall of centrifuges",
        lead_image_alt_ar="قاعة أجهزة طرد مركزي",
    )
    article.lead_image = in_library(png_upload())
    article.save()
    return article


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_component_is_shown_in_anatomy_order(client, article, language):
    """Type label, title … Regions & Countries: each present once, in the reference order."""
    tree = get_page(client, article.url_in(language))
    positions = [document_position(tree, one(tree, xpath)) for xpath in COMPONENTS]
    assert positions == sorted(positions)


def test_english_page_reads_as_the_reference(client, article):
    """The English page's labels, byline, date and language link."""
    tree = get_page(client, article.url_in("en"))
    assert text(one(tree, by_class("type-label"))) == "Brief Analysis PolicyWatch 3745"
    assert text(one(tree, "//h1")) == "Is Iran Ready to Build a Nuclear Bomb or Not?"
    assert (
        text(one(tree, by_class("article__subtitle")))
        == "What the enrichment numbers say"
    )
    assert (
        text(one(tree, by_class("byline")))
        == "By Dana Stroul, Omer Carmi and Guest Writer"
    )
    date = timezone.localtime(article.published_at)
    assert text(one(tree, by_class("article__meta") + "//time")) == date.strftime(
        "%b %-d, %Y"
    )
    versions = one(tree, by_class("language-versions"))
    assert text(versions) == "Also available in العربية"
    link = one(versions, ".//a")
    assert link.get("href") == article.url_in("ar")
    assert link.get("href").startswith("/ar/policy-analysis/")
    assert link.get("lang") == "ar"
    assert (
        text(one(tree, "//section[@aria-labelledby='topics-heading']//h2")) == "Topics"
    )
    topics = tree.xpath("//section[@aria-labelledby='topics-heading']//a")
    # Topics come in the editors' order, then alphabetically.
    assert [(text(a), a.get("href")) for a in topics] == [
        ("Energy", "/policy-analysis/energy"),
        ("Proliferation", "/policy-analysis/proliferation"),
    ]
    regions = tree.xpath("//section[@aria-labelledby='regions-heading']//a")
    assert [(text(a), a.get("href")) for a in regions] == [
        ("Iran", "/policy-analysis/iran")
    ]
    assert (
        text(one(tree, "//section[@aria-labelledby='regions-heading']//h2"))
        == "Regions & Countries"
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_byline_links_each_author_to_their_expert_page_in_order(
    client, article, language
):
    """Profiles are links in the editor's order; a contributor without one is plain text."""
    tree = get_page(client, article.url_in(language))
    byline = one(tree, by_class("byline"))
    experts = [a.expert for a in article.byline()]
    links = byline.xpath(".//a")
    assert [a.get("href") for a in links] == [
        f"{'/ar' if language == 'ar' else ''}/experts/{e.slug}"
        for e in experts
        if e.has_profile
    ]
    assert [
        text(s) for s in byline.xpath(".//span[contains(@class, 'byline__author')]")
    ] == [str(getattr(experts[2], f"name_{language}"))]
    for link in links:
        assert resolve(link.get("href")).view_name == "experts:detail"
        assert client.get(link.get("href")).status_code == 200


def test_arabic_page_is_arabic_and_right_to_left(client, article):
    """<html lang="ar" dir="rtl">, Arabic labels and date, and a link back to the English version."""
    tree = get_page(client, article.url_in("ar"))
    assert tree.get("lang") == "ar" and tree.get("dir") == "rtl"
    assert text(one(tree, by_class("type-label"))) == "تحليل موجز المرصد السياسي 3745"
    # Arabic separates names with "،" and writes the last "و" against the name.
    assert re.fullmatch(
        r"بقلم الخبير \d+، الخبير \d+ والخبير \d+", text(one(tree, by_class("byline")))
    )
    date = text(one(tree, by_class("article__meta") + "//time"))
    assert any(
        month in date
        for month in (
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        )
    )
    versions = one(tree, by_class("language-versions"))
    assert text(versions) == "متوفر أيضًا باللغة English"
    assert one(versions, ".//a").get("href") == article.url_in("en")
    assert (
        text(one(tree, "//section[@aria-labelledby='topics-heading']//h2"))
        == "المواضيع"
    )
    assert (
        text(one(tree, "//section[@aria-labelledby='regions-heading']//h2"))
        == "المناطق والدول"
    )
    assert (
        one(tree, "//section[@aria-labelledby='regions-heading']//a").get("href")
        == "/ar/policy-analysis/iran"
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_hreflang_alternates_are_reciprocal_with_x_default(client, article, language):
    """Both versions list both addresses and x-default (the English one)."""
    tree = get_page(client, article.url_in(language))
    links = {
        link.get("hreflang"): link.get("href")
        for link in tree.xpath("//head/link[@rel='alternate'][@hreflang]")
    }
    assert links == {
        "en": f"{settings.SITE_URL}{article.url_in('en')}",
        "ar": f"{settings.SITE_URL}{article.url_in('ar')}",
        "x-default": f"{settings.SITE_URL}{article.url_in('en')}",
    }
    assert one(tree, "//head/link[@rel='canonical']").get("href") == (
        f"{settings.SITE_URL}{article.url_in(language)}"
    )


def test_language_switcher_leads_to_the_other_version(client, article):
    """The switcher goes to this article in the other language when it is published there."""
    tree = get_page(client, article.url_in("en"))
    switch = one(tree, "//nav[contains(@class, 'language-switcher')]//a")
    assert (switch.get("href"), text(switch)) == (article.url_in("ar"), "العربية")


def test_without_a_published_translation_nothing_points_at_it(client):
    """No "Also available in", no hreflang, and the switcher goes to the Arabic home page."""
    article = make_article(languages=("en",), title_ar="عنوان لم يُنشر بعد")
    tree = get_page(client, article.url_in("en"))
    assert not tree.xpath(by_class("language-versions"))
    assert not tree.xpath("//head/link[@hreflang]")
    switch = one(tree, "//nav[contains(@class, 'language-switcher')]//a")
    assert switch.get("href") == "/ar/"


def test_lead_image_has_alt_caption_and_credit(client, article):
    tree = get_page(client, article.url_in("en"))
    figure = one(tree, by_class("lead-image"))
    image = one(figure, ".//img")
    assert image.get("alt") == "A hall of centrifuges"
    assert image.get("src").startswith("/media/")
    assert (
        text(one(figure, ".//figcaption"))
        == "Centrifuges at an enrichment plant. Credit: Agency photo"
    )


def test_about_the_authors_shows_the_current_bio_and_headshot(client, article):
    """The bio follows the profile; the frozen author note does not."""
    expert = article.authors.get(name_en="Omer Carmi")
    expert.short_bio_en = "Omer Carmi was a 2017 military fellow at the institute."
    expert.headshot = in_library(png_upload("carmi.png"))
    expert.save()
    tree = get_page(client, article.url_in("en"))
    about = one(tree, by_class("about-authors"))
    assert text(one(about, ".//h2")) == "About the authors"
    cards = about.xpath(".//li")
    assert [
        text(one(card, ".//*[contains(@class, 'bio-card__name')]")) for card in cards
    ] == [
        "Dana Stroul",
        "Omer Carmi",
        "Guest Writer",
    ]
    assert "was a 2017 military fellow" in text(cards[1])
    assert one(cards[1], ".//img").get("src").startswith("/media/")
    assert not cards[0].xpath(".//img")
    assert one(cards[1], ".//img").get("alt") == "Omer Carmi"
    assert text(one(tree, by_class("author-note"))) == (
        "Omer Carmi is a former visiting fellow at the institute. ❖"
    )


def test_author_note_mark_is_not_doubled(client):
    article = make_article(author_note_en="She is a fellow. ❖")
    tree = get_page(client, article.url_in("en"))
    assert text(one(tree, by_class("author-note"))) == "She is a fellow. ❖"


def test_summary_is_the_meta_description(client, article):
    tree = get_page(client, article.url_in("en"))
    assert one(tree, "//meta[@name='description']").get("content") == article.summary_en


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_the_shared_url_space_dispatches_topics_and_regions(client, prefix):
    """/policy-analysis/<slug> is an article, else a topic or region landing, else 404."""
    make_topic("Proliferation", name_ar="الانتشار النووي")
    make_region("Iran", name_ar="إيران")
    topic = get_page(client, f"{prefix}/policy-analysis/proliferation")
    assert ("الانتشار النووي" if prefix else "Proliferation") in text(
        one(topic, "//h1")
    )
    region = get_page(client, f"{prefix}/policy-analysis/iran")
    assert ("إيران" if prefix else "Iran") in text(one(region, "//h1"))
    assert client.get(f"{prefix}/policy-analysis/atlantis").status_code == 404
