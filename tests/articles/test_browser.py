"""
The article page in a real browser (Debian's Chromium through Playwright): direction,
mirroring, a byline followed to the expert page, and axe-core's accessibility audit.
Screenshots land in artifacts/ (desktop and phone, English and Arabic).
"""

import pytest

from tests.browser import ARTIFACTS, audit, chromium
from tests.factories import make_article, make_expert, make_region, make_topic
from tests.files import png_upload

# serialized_rollback brings back the article types the migrations create.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def browser(article):
    """
    Chromium, started after the test data exists. Playwright's sync API runs an
    event loop in this thread, under which Django hands out a different database
    connection: the database set-up must not happen inside it.
    """
    with chromium() as browser:
        yield browser


@pytest.fixture
def article(live_server, settings):
    settings.ROOT_URLCONF = "tests.media_urls"
    carmi = make_expert(
        "Omer Carmi",
        name_ar="عومر كرمي",
        headshot=png_upload("carmi.png", (120, 120)),
        short_bio_en="Omer Carmi is a visiting fellow who studies Iran's politics and nuclear program.",
        short_bio_ar="عومر كرمي زميل زائر يدرس السياسة الإيرانية والبرنامج النووي.",
    )
    stroul = make_expert(
        "Dana Stroul",
        name_ar="دانا سترول",
        short_bio_en="Dana Stroul is director of research and a senior fellow.",
        short_bio_ar="دانا سترول مديرة الأبحاث وزميلة أولى.",
    )
    proliferation = make_topic("Proliferation", name_ar="الانتشار النووي")
    iran = make_region("Iran", name_ar="إيران")
    both = ("en", "ar")
    for title, title_ar, kind in (
        (
            "Tehran's Enrichment Choices After the Talks",
            "خيارات طهران في التخصيب بعد المحادثات",
            "brief-analysis",
        ),
        (
            "Deterrence and Its Limits in the Gulf",
            "الردع وحدوده في الخليج",
            "in-depth-report",
        ),
        ("What the Inspectors Saw", "ما رآه المفتشون", "op-ed"),
    ):
        make_article(
            title,
            type=kind,
            title_ar=title_ar,
            authors=[stroul],
            topics=[proliferation],
            languages=both,
        )
    paragraph_en = (
        "<p><strong>Enrichment levels.</strong> The latest inspection report shows a stockpile that has "
        "grown steadily since the spring, while access for inspectors has narrowed. Read alongside "
        'the <a href="/policy-analysis/proliferation">proliferation archive</a>, the numbers suggest '
        "a program kept deliberately close to the threshold rather than racing across it.</p>"
    )
    paragraph_ar = (
        "<p><strong>مستويات التخصيب.</strong> يُظهر أحدث تقارير التفتيش مخزونًا ازداد باطراد منذ الربيع، "
        "في حين تقلّص وصول المفتشين. وتشير الأرقام إلى برنامج يُبقى عمدًا قريبًا من العتبة بدلًا من "
        "الاندفاع لتجاوزها.</p>"
    )
    return make_article(
        "Is Iran Ready to Build a Nuclear Bomb or Not?",
        title_ar="هل إيران مستعدة لصنع قنبلة نووية أم لا؟",
        subtitle_en="Reading the enrichment numbers without alarm or complacency",
        subtitle_ar="قراءة أرقام التخصيب بلا تهويل ولا تهوين",
        summary_en="Iran's enrichment has reached a level that shortens any breakout, but a weapon "
        "still requires political decisions that Tehran has so far avoided.",
        summary_ar="بلغ التخصيب الإيراني مستوى يقصّر أي اندفاع نحو السلاح، لكن صنع السلاح ما زال "
        "يتطلب قرارات سياسية تجنبتها طهران حتى الآن.",
        body_en=paragraph_en * 4,
        body_ar=paragraph_ar * 4,
        author_note_en="Omer Carmi is a former visiting fellow at the institute.",
        author_note_ar="عومر كرمي زميل زائر سابق في المعهد.",
        authors=[carmi, stroul],
        topics=[proliferation],
        regions=[iran],
        languages=both,
        series="PolicyWatch",
        series_number=3745,
        lead_image=png_upload("lead.png", (1200, 600)),
        lead_image_alt_en="Centrifuge cascades in an enrichment hall",
        lead_image_alt_ar="سلاسل أجهزة الطرد المركزي في قاعة تخصيب",
        lead_image_caption_en="An enrichment hall, shown on state television.",
        lead_image_caption_ar="قاعة تخصيب كما عرضها التلفزيون الرسمي.",
        lead_image_credit_en="State media",
        lead_image_credit_ar="الإعلام الرسمي",
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_article_in_a_browser(live_server, article, browser, axe_script, language):
    ARTIFACTS.mkdir(exist_ok=True)
    # Only axe-core's injection needs the CSP bypass; the page itself loads nothing inline.
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    errors = []
    page.on("response", lambda r: r.status >= 400 and errors.append((r.status, r.url)))
    response = page.goto(live_server.url + article.url_in(language))
    assert response.status == 200

    direction = page.evaluate("getComputedStyle(document.documentElement).direction")
    assert direction == ("rtl" if language == "ar" else "ltr")
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.byline')).direction")
        == direction
    )

    # Mirroring: the byline's first author sits on the reading side of the column.
    box = page.locator(".byline__author").first.bounding_box()
    header = page.locator(".article__header").bounding_box()
    if language == "ar":
        assert box["x"] + box["width"] > header["x"] + header["width"] * 0.5
    else:
        assert box["x"] < header["x"] + header["width"] * 0.5
    # The "About the authors" column is on the inline-end side on a desktop.
    aside = page.locator(".article__aside").bounding_box()
    main = page.locator(".article__main").bounding_box()
    assert (aside["x"] < main["x"]) is (language == "ar")

    page.screenshot(
        path=str(ARTIFACTS / f"article-{language}-desktop.png"), full_page=True
    )
    assert audit(page, axe_script) == []

    # The print stylesheet keeps the article and drops the chrome and the rail.
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    assert page.locator(".rail").is_hidden()
    assert page.locator(".prose").is_visible()
    page.screenshot(
        path=str(ARTIFACTS / f"article-{language}-print.png"), full_page=True
    )
    page.emulate_media(media="screen")

    page.set_viewport_size(PHONE)
    page.screenshot(
        path=str(ARTIFACTS / f"article-{language}-phone.png"), full_page=True
    )
    # Issue 15, item 4: on a phone the summary and body come before the bios.
    summary = page.locator(".article__summary").bounding_box()
    bios = page.locator(".about-authors").bounding_box()
    body = page.locator(".prose").bounding_box()
    assert summary["y"] < body["y"] < bios["y"]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"
    assert audit(page, axe_script) == []

    # Follow the byline to the expert page.
    page.set_viewport_size(DESKTOP)
    with page.expect_navigation():
        page.locator(".byline a").first.click()
    prefix = "/ar" if language == "ar" else ""
    assert page.url == f"{live_server.url}{prefix}/experts/omer-carmi"
    assert page.locator("h1").count() == 1
    page.screenshot(path=str(ARTIFACTS / f"expert-{language}-desktop.png"))
    assert errors == []
    context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_listing_in_a_browser(live_server, article, browser, axe_script, language):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    prefix = "/ar" if language == "ar" else ""
    assert page.goto(f"{live_server.url}{prefix}/policy-analysis").status == 200
    page.screenshot(
        path=str(ARTIFACTS / f"listing-{language}-desktop.png"), full_page=True
    )
    assert audit(page, axe_script) == []
    page.set_viewport_size(PHONE)
    page.screenshot(
        path=str(ARTIFACTS / f"listing-{language}-phone.png"), full_page=True
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_arabic_pages_use_the_sites_own_arabic_typefaces(live_server, article, browser):
    """Issue 15, item 5: Arabic text is set in the served Noto typefaces, from this site only."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    fonts = []
    page.on(
        "response",
        lambda r: r.request.resource_type == "font" and fonts.append((r.status, r.url)),
    )
    assert page.goto(live_server.url + article.url_in("ar")).status == 200
    page.evaluate("document.fonts.ready.then(() => true)")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight)"
    )
    assert {"Noto Naskh Arabic 400", "Noto Sans Arabic 400"} <= set(loaded), loaded
    assert fonts and all(
        status == 200 and url.startswith(live_server.url + "/static/fonts/")
        for status, url in fonts
    ), fonts
    family = page.evaluate(
        "getComputedStyle(document.querySelector('.prose')).fontFamily"
    )
    assert family.startswith('"Noto Naskh Arabic"')

    # An English page downloads no Arabic typeface beyond the switcher's word.
    fonts.clear()
    english = context.new_page()
    english.on(
        "response",
        lambda r: r.request.resource_type == "font" and fonts.append((r.status, r.url)),
    )
    english.goto(live_server.url + article.url_in("en"))
    english.evaluate("document.fonts.ready.then(() => true)")
    assert not [url for _status, url in fonts if "naskh" in url]
    context.close()
