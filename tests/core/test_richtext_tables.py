"""
Tables in rich text on the public site: each one inside a scrolling box
(core.richtext.present), styled by site.css; on a 390-pixel phone a wide table
scrolls inside its box instead of widening the page, in English and Arabic.
"""

import pytest

from core.richtext import present, sanitize_html
from tests.browser import chromium_page, screenshot
from tests.factories import make_article, make_expert
from tests.html import cls, fragment, get_page

COLUMNS = ["Year", "Enrichment level", "Stockpile (kg)", "Inspections",
           "Sites declared", "Centrifuges installed", "Breakout estimate"]  # fmt: skip
COLUMNS_AR = ["السنة", "مستوى التخصيب", "المخزون (كغ)", "عمليات التفتيش",
              "المواقع المعلنة", "أجهزة الطرد المركزي", "تقدير زمن الاختراق"]  # fmt: skip


def table(columns, rows=4):
    """A table as the editor writes it: a header row of <th>, cells holding paragraphs."""
    head = "".join(f"<th><p>{name}</p></th>" for name in columns)
    body = "".join(
        "<tr>" + "".join(f"<td><p>{2019 + r} · {c * 1234:,}</p></td>" for c in range(len(columns))) + "</tr>"
        for r in range(rows)
    )  # fmt: skip
    return f"<table><tbody><tr>{head}</tr>{body}</tbody></table>"


def wide_article(**fields):
    return make_article(
        "Enrichment by the Numbers",
        title_ar="التخصيب بالأرقام",
        languages=("en", "ar"),
        body_en="<p><strong>The record.</strong> Seven years at a glance.</p>" + table(COLUMNS)
        + "<p>After the table.</p>",
        body_ar="<p><strong>السجل.</strong> سبع سنوات في لمحة.</p>" + table(COLUMNS_AR)
        + "<p>بعد الجدول.</p>",
        **fields,
    )  # fmt: skip


def test_present_puts_every_table_in_a_labelled_scrolling_box():
    html = sanitize_html(table(COLUMNS) + "<p>Between.</p>" + table(COLUMNS[:2]))
    shown = fragment(present(html))
    boxes = shown.xpath(f"./div[{cls('table-scroll')}]")
    assert len(boxes) == 2
    for box in boxes:
        assert box.get("tabindex") == "0" and box.get("role") == "region"
        assert box.get("aria-label") == "Table"
        (inner,) = box.xpath("./table")
        assert inner.xpath(".//tr[1]/th")
    assert shown.xpath("./p")[0].text == "Between."


def test_present_leaves_text_without_tables_alone():
    html = "<p>No <em>table</em> here.</p>"
    assert present(html) == html
    assert present("") == "" and present(None) == ""


def test_a_box_cannot_be_forged_in_stored_text():
    """The sanitizer drops <div>: only present() makes the box, one per table."""
    stored = sanitize_html(
        '<div class="table-scroll"><p>fake</p></div>' + table(COLUMNS[:3])
    )
    assert "<div" not in stored
    shown = fragment(present(stored))
    assert len(shown.xpath(f"//div[{cls('table-scroll')}]")) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_article_page_shows_its_tables_in_the_box(client, language):
    article = wide_article()
    page = get_page(client, article.url_in(language))
    (box,) = page.xpath(f"//div[{cls('prose')}]/div[{cls('table-scroll')}]")
    headers = [
        " ".join(th.text_content().split()) for th in box.xpath("./table//tr[1]/th")
    ]
    assert headers == (COLUMNS if language == "en" else COLUMNS_AR)
    assert len(box.xpath("./table//tr[td]")) == 4
    assert box.get("aria-label") == ("Table" if language == "en" else "جدول")


@pytest.mark.django_db
def test_an_expert_biography_shows_its_tables_in_the_box(client):
    expert = make_expert(
        "Leila Haddad",
        bio_en="<p>Positions held.</p>" + table(["Years", "Position"], 2),
    )
    page = get_page(client, expert.get_absolute_url())
    assert page.xpath(f"//div[{cls('table-scroll')}]/table")


PHONE = {"width": 390, "height": 844}
MEASURE = """() => {
    const box = document.querySelector('.prose .table-scroll');
    const table = box.querySelector('table');
    const before = box.scrollLeft;
    box.scrollLeft = box.scrollLeft + (getComputedStyle(box).direction === 'rtl' ? -200 : 200);
    const rect = box.getBoundingClientRect();
    return {
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        boxLeft: rect.left, boxRight: rect.right,
        boxWidth: box.clientWidth, tableWidth: table.scrollWidth,
        scrolled: Math.abs(box.scrollLeft - before),
        direction: getComputedStyle(box).direction,
        overflow: getComputedStyle(box).overflowX,
        headerWeight: getComputedStyle(table.querySelector('th')).fontWeight,
        cellBorder: getComputedStyle(table.querySelector('td')).borderBottomWidth,
    };
}"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_wide_table_scrolls_inside_its_box_on_a_phone(live_server, language):
    article = wide_article()
    url = live_server.url + article.url_in(language)
    with chromium_page(viewport=PHONE) as page:
        page.goto(url)
        page.locator(".prose .table-scroll").scroll_into_view_if_needed()
        page.screenshot(path=screenshot(f"table-phone-{language}.png"))
        seen = page.evaluate(MEASURE)
    # The page is not widened: nothing scrolls sideways but the box.
    assert seen["page"] <= seen["viewport"] == 390, seen
    assert seen["boxLeft"] >= 0 and seen["boxRight"] <= 390, seen
    # The table is wider than its box, and the box scrolls.
    assert seen["tableWidth"] > seen["boxWidth"] + 100, seen
    assert seen["overflow"] == "auto" and seen["scrolled"] > 100, seen
    assert seen["direction"] == ("rtl" if language == "ar" else "ltr"), seen
    # Real styles: a bold header row, rules between rows.
    assert int(seen["headerWeight"]) >= 600 and seen["cellBorder"] == "1px", seen


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_narrow_table_fills_the_column_on_a_desktop(live_server):
    """Positive control: where the table fits, the box does not scroll."""
    article = make_article(body_en=table(COLUMNS[:3], 2))
    with chromium_page(viewport={"width": 1280, "height": 900}) as page:
        page.goto(live_server.url + article.url_in("en"))
        page.screenshot(path=screenshot("table-desktop-en.png"), full_page=True)
        seen = page.evaluate(
            """() => { const box = document.querySelector('.prose .table-scroll');
            return {box: box.clientWidth, table: box.querySelector('table').scrollWidth,
                    column: box.parentElement.clientWidth}; }"""
        )
    assert seen["table"] <= seen["box"] and seen["box"] >= seen["column"] - 2, seen
