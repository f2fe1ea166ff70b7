import datetime

import pytest

from tests.factories import make_article
from tests.files import pdf_upload
from tests.html import by_class, get_page, one, text

pytestmark = pytest.mark.django_db


def test_op_ed_names_its_outlet_links_out_and_is_canonical_there(client):
    article = make_article(
        type="op-ed",
        languages=("en", "ar"),
        outlet_name="Foreign Affairs",
        outlet_url="https://outlet.example/iran-talks",
        outlet_date_text="March–April 2022",
    )
    tree = get_page(client, article.url_in("en"))
    assert text(one(tree, by_class("type-label"))) == "Op-Ed"
    assert (
        text(one(tree, by_class("source-line")))
        == "Published in Foreign Affairs, March–April 2022"
    )
    link = one(tree, by_class("read-more") + "//a")
    assert (text(link), link.get("href")) == (
        "Read the full article on Foreign Affairs",
        "https://outlet.example/iran-talks",
    )
    assert (
        one(tree, "//link[@rel='canonical']").get("href")
        == "https://outlet.example/iran-talks"
    )
    arabic = get_page(client, article.url_in("ar"))
    assert (
        text(one(arabic, by_class("read-more") + "//a"))
        == "اقرأ المقال كاملًا في Foreign Affairs"
    )
    assert (
        one(arabic, "//link[@rel='canonical']").get("href")
        == "https://outlet.example/iran-talks"
    )


def test_testimony_shows_venue_and_hearing_date(client):
    article = make_article(
        type="testimony",
        languages=("en", "ar"),
        venue_en="House Foreign Affairs Committee, Subcommittee on the Middle East",
        venue_ar="لجنة الشؤون الخارجية في مجلس النواب، اللجنة الفرعية للشرق الأوسط",
        hearing_date=datetime.date(2023, 6, 13),
    )
    tree = get_page(client, article.url_in("en"))
    details = one(tree, by_class("details-list"))
    assert [text(dt) for dt in details.xpath(".//dt")] == ["Venue", "Hearing date"]
    assert [text(dd) for dd in details.xpath(".//dd")] == [
        "House Foreign Affairs Committee, Subcommittee on the Middle East",
        "Jun 13, 2023",
    ]
    arabic = one(get_page(client, article.url_in("ar")), by_class("details-list"))
    assert [text(dt) for dt in arabic.xpath(".//dt")] == ["الجهة", "تاريخ الجلسة"]
    assert [text(dd) for dd in arabic.xpath(".//dd")] == [
        "لجنة الشؤون الخارجية في مجلس النواب، اللجنة الفرعية للشرق الأوسط",
        "13 يونيو 2023",
    ]


def test_report_shows_subtitle_series_pages_and_pdf(client):
    article = make_article(
        type="policy-note",
        languages=("en", "ar"),
        subtitle_en="Deterrence after the strikes",
        subtitle_ar="الردع بعد الضربات",
        series="Policy Note",
        series_number=79,
        page_count=48,
        pdf=pdf_upload("note-79.pdf", pages=48),
    )
    tree = get_page(client, article.url_in("en"))
    # The series is named as the type: said once (issue 15, item 8).
    assert text(one(tree, by_class("type-label"))) == "Policy Note 79"
    assert (
        text(one(tree, by_class("article__subtitle"))) == "Deterrence after the strikes"
    )
    assert not tree.xpath(by_class("details-list"))
    link = one(tree, by_class("read-more") + "//a")
    assert link.get("href") == article.get_pdf_url() == article.url_in("en") + "/pdf"
    assert text(link) == "Download the full report (PDF)"
    meta = text(one(tree, by_class("read-more__meta")))
    assert meta.endswith(" · 48 pages") and meta.count("pages") == 1
    arabic = get_page(client, article.url_in("ar"))
    assert text(one(arabic, by_class("read-more__meta"))).endswith(" · 48 صفحة")
    assert (
        text(one(arabic, by_class("read-more") + "//a")) == "تنزيل التقرير كاملًا (PDF)"
    )


def test_one_page_report_is_singular(client):
    article = make_article(type="in-depth-report", page_count=1)
    tree = get_page(client, article.url_in("en"))
    assert text(one(tree, by_class("details-line"))) == "1 page"


def test_analysis_shows_series_label_and_number(client):
    article = make_article(
        series_label="Policy Alert", series="PolicyWatch", series_number=3745
    )
    tree = get_page(client, article.url_in("en"))
    assert (
        text(one(tree, by_class("type-label")))
        == "Brief Analysis Policy Alert PolicyWatch 3745"
    )
    assert not tree.xpath(by_class("details-list"))
    assert not tree.xpath(by_class("read-more"))
