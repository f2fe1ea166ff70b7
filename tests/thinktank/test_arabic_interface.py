"""
No English interface label on an Arabic page, and no template placeholder on any page.

Every page type is rendered in Arabic with Arabic content; each visible text node and
each human-readable attribute must then contain Arabic letters, or be a number,
punctuation or a brand name. Elements marked with another ``lang`` (the language
switcher's "English") are exempt, as a language's own name is written in it.
"""

import datetime
import re

import pytest
from django.conf import settings
from lxml import html

from tests.factories import make_article, make_expert, make_region, make_topic
from tests.files import pdf_upload, png_upload
from tests.html import ARABIC_LETTER, parse

pytestmark = pytest.mark.django_db

#: Names that stay in Latin letters on Arabic pages (the institute, series, formats,
#: citation styles), and web addresses, which are not interface text.
BRANDS = [
    settings.SITE_NAME,
    "PolicyWatch",
    "Policy Note",
    "PDF",
    "APA",
    "BibTeX",
    "RIS",
    # The share links name the services.
    "X",
    "LinkedIn",
    "WhatsApp",
]
URL = re.compile(r"https?://\S+")
NUMBER_OR_PUNCTUATION = re.compile(r"^[\d\s\W_]*$")
ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
PLACEHOLDERS = ("{{", "{%", "[[", "None")


@pytest.fixture
def site_pages():
    """Every page type of the public site, as (English URL, Arabic URL)."""
    expert = make_expert(headshot=png_upload("face.png"))
    guest = make_expert(has_profile=False)
    topic, region = make_topic(), make_region()
    child = make_region(parent=region)
    both = ("en", "ar")
    pick = make_article(type="in-depth-report", languages=both, authors=[expert])
    analysis = make_article(
        languages=both,
        authors=[expert, guest],
        topics=[topic],
        regions=[region, child],
        recommended=[pick],
        series="PolicyWatch",
        series_number=3745,
        series_label="Policy Alert",
        subtitle_ar="عنوان فرعي",
        author_note_ar="الكاتب زميل سابق في المعهد.",
        lead_image=png_upload(),
        lead_image_alt_ar="صورة",
        lead_image_caption_ar="تعليق على الصورة",
        lead_image_credit_ar="وكالة",
    )
    analysis.series_label = "تنبيه سياسي"
    analysis.save()
    op_ed = make_article(
        type="op-ed",
        languages=both,
        authors=[expert],
        outlet_name="الشرق الأوسط",
        outlet_url="https://outlet.example/piece",
        outlet_date_text="مارس ٢٠٢٢",
        topics=[topic],
    )
    testimony = make_article(
        type="testimony",
        languages=both,
        authors=[expert],
        venue_ar="لجنة الشؤون الخارجية",
        venue_en="Foreign Affairs Committee",
        hearing_date=datetime.date(2023, 6, 13),
    )
    report = make_article(
        type="policy-note",
        languages=both,
        authors=[expert],
        series="Policy Note",
        series_number=79,
        page_count=48,
        pdf=pdf_upload("note.pdf", pages=48),
    )
    graphics = make_article(type="maps-graphics", languages=both)
    for _ in range(11):
        make_article(languages=both, authors=[expert], topics=[topic])
    pages = [
        (a.url_in("en"), a.url_in("ar"))
        for a in (analysis, op_ed, testimony, report, graphics)
    ]
    pages += [
        ("/policy-analysis", "/ar/policy-analysis"),
        (
            "/policy-analysis?page=2&topic=" + topic.slug,
            "/ar/policy-analysis?page=2&topic=" + topic.slug,
        ),
        (
            "/policy-analysis?type=op-ed&to=1990-01-01",
            "/ar/policy-analysis?type=op-ed&to=1990-01-01",
        ),
        ("/about", "/ar/about"),
        ("/policy-analysis/no-such-page", "/ar/policy-analysis/no-such-page"),
    ]
    return pages


def english_leftovers(tree):
    """Text and attribute values outside other-language elements that have no Arabic in them."""
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        if (
            any(a.get("lang", "ar") != "ar" for a in element.iterancestors())
            or element.get("lang", "ar") != "ar"
        ):
            continue
        values = [
            element.text,
            element.tail
            if element.getparent() is not None
            and element.getparent().get("lang", "ar") == "ar"
            else None,
        ]
        values += [element.get(name) for name in ATTRIBUTES]
        for value in values:
            if value and not ARABIC_LETTER.search(value):
                rest = URL.sub("", value)
                for brand in BRANDS:
                    rest = rest.replace(brand, "")
                if not NUMBER_OR_PUNCTUATION.match(rest):
                    found.append((element.tag, element.get("class"), value.strip()))
    return found


def test_arabic_pages_have_no_english_interface_text(client, site_pages):
    for english, arabic in site_pages:
        # The detector sees the page's text: on the English page it reports plenty.
        response = client.get(english)
        english_tree = parse(response, status=response.status_code)
        del english_tree.attrib["lang"]
        assert len(english_leftovers(english_tree)) > 10, english
        response = client.get(arabic)
        assert response.status_code in (200, 404), arabic
        tree = parse(response, status=response.status_code)
        assert (tree.get("lang"), tree.get("dir")) == ("ar", "rtl"), arabic
        assert english_leftovers(tree) == [], arabic


def test_no_page_shows_a_template_placeholder(client, site_pages):
    for urls in site_pages:
        for url in urls:
            content = client.get(url).content.decode()
            for placeholder in PLACEHOLDERS:
                assert placeholder not in content, (url, placeholder)


def test_the_check_catches_an_english_label():
    """The detector itself: an untranslated label is reported, brands and numbers are not."""
    tree = html.fromstring(
        '<html lang="ar"><body><h2>Recommended</h2><p>3745</p>'
        f'<p>{settings.SITE_NAME}</p><a lang="en">English</a><p>نص</p>'
        '<img alt="Portrait"></body></html>'
    )
    assert english_leftovers(tree) == [
        ("h2", None, "Recommended"),
        ("img", None, "Portrait"),
    ]
