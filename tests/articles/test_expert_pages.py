"""The expert page, the directory and the legacy expert addresses, as a reader sees them."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from experts.models import ExpertStatus
from tests.factories import make_article, make_expert, make_region, make_topic
from tests.files import png_upload
from tests.html import card_links, card_titles, cards, cls, hrefs, parse, text, texts

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - timedelta(days=n)


@pytest.fixture
def carmi():
    proliferation = make_topic(
        "Proliferation", slug="proliferation", name_ar="الانتشار النووي"
    )
    iran = make_region("Iran", slug="iran", name_ar="إيران")
    expert = make_expert(
        "Omer Carmi",
        name_ar="عومر كرمي",
        titles_en="Kahn Fellow\nSenior Fellow",
        titles_ar="زميل كان\nزميل أول",
        bio_en="<p>Omer Carmi studies <strong>Iran</strong>.</p>",
        bio_ar="<p>يدرس عومر كرمي إيران.</p>",
        email="press@example.org",
        phone="+1 202 555 0100",
        headshot=png_upload("carmi.png", (600, 750)),
    )
    expert.topics.set([proliferation])
    expert.regions.set([iran])
    return expert


def test_profile_shows_name_titles_bio_and_contact(client, carmi):
    doc = parse(client.get("/experts/omer-carmi"))
    assert texts(doc, "//h1") == ["Omer Carmi"]
    assert texts(doc, f"//ul[{cls('profile__titles')}]/li") == [
        "Kahn Fellow",
        "Senior Fellow",
    ]
    assert doc.xpath(f"//*[{cls('profile__status')}]") == []
    assert "Omer Carmi studies Iran." in texts(doc, f"//*[{cls('profile__bio')}]")[0]
    assert hrefs(doc, f"//*[{cls('profile__contact')}]//a") == [
        "mailto:press@example.org",
        "tel:+12025550100",
    ]


def test_profile_offers_the_original_headshot_for_download(client, carmi):
    doc = parse(client.get("/experts/omer-carmi"))
    link = doc.xpath(f"//a[{cls('profile__download')}]")[0]
    assert link.get("href").startswith(settings.MEDIA_URL)
    assert link.get("download") is not None
    [src] = doc.xpath(f"//*[{cls('profile__photo')}]//img/@src")
    assert src.startswith(settings.MEDIA_URL)


def test_profile_links_to_its_arabic_version_and_back(client, carmi):
    doc = parse(client.get("/experts/omer-carmi"))
    link = doc.xpath(f"//*[{cls('also-available')}]/a")[0]
    assert (link.get("href"), link.get("hreflang"), link.get("lang")) == (
        "/ar/experts/omer-carmi",
        "ar",
        "ar",
    )
    # Named in Arabic, as the language switcher names it.
    assert text(link) in texts(doc, "//nav[contains(@class, 'language-switcher')]//a")
    assert text(link).startswith("العربي")
    arabic = parse(client.get(link.get("href")))
    assert arabic.xpath("/html/@lang") == ["ar"] and arabic.xpath("/html/@dir") == [
        "rtl"
    ]
    assert texts(arabic, "//h1") == ["عومر كرمي"]
    assert texts(arabic, f"//ul[{cls('profile__titles')}]/li") == [
        "زميل كان",
        "زميل أول",
    ]
    assert hrefs(arabic, f"//*[{cls('also-available')}]/a") == ["/experts/omer-carmi"]


def test_profile_without_arabic_name_has_no_arabic_page(client):
    make_expert("Only English", name_ar="")
    doc = parse(client.get("/experts/only-english"))
    assert doc.xpath(f"//*[{cls('also-available')}]") == []
    assert client.get("/ar/experts/only-english").status_code == 404


def test_arabic_profile_shows_the_arabic_biography(client, carmi):
    doc = parse(client.get("/ar/experts/omer-carmi"))
    [bio] = doc.xpath(f"//*[{cls('profile__bio')}]//div[{cls('prose')}]")
    assert (bio.get("lang"), bio.get("dir")) == ("ar", "rtl")
    assert text(bio) == "يدرس عومر كرمي إيران."
    assert doc.xpath(f"//*[{cls('profile__note')}]") == []


def test_arabic_profile_says_when_the_biography_is_only_in_english(client):
    """Issue 15, item 7: English text is marked as English and said to be, never passed off as Arabic."""
    make_expert(
        "Dana Halvorsen",
        name_ar="دانا هالفورسن",
        bio_en="<p>Dana Halvorsen studies the Gulf.</p>",
        bio_ar="",
    )
    doc = parse(client.get("/ar/experts/dana-halvorsen"))
    assert texts(doc, f"//*[{cls('profile__note')}]") == [
        "هذه السيرة الذاتية متاحة باللغة الإنجليزية فقط."
    ]
    [bio] = doc.xpath(f"//*[{cls('profile__bio')}]//div[{cls('prose')}]")
    assert (bio.get("lang"), bio.get("dir")) == ("en", "ltr")
    assert text(bio) == "Dana Halvorsen studies the Gulf."
    # The English page has no such note.
    english = parse(client.get("/experts/dana-halvorsen"))
    assert english.xpath(f"//*[{cls('profile__note')}]") == []


def test_profile_links_to_the_experts_pages_elsewhere(client, carmi):
    carmi.website = "https://omercarmi.example"
    carmi.x_handle = "@omercarmi"
    carmi.linkedin = "https://www.linkedin.com/in/omercarmi"
    carmi.save()
    for path in ("/experts/omer-carmi", "/ar/experts/omer-carmi"):
        doc = parse(client.get(path))
        links = doc.xpath(f"//*[{cls('profile__elsewhere')}]//a")
        assert [(text(a), a.get("href"), a.get("rel")) for a in links][1:] == [
            ("X", "https://x.com/omercarmi", "me noopener"),
            ("LinkedIn", "https://www.linkedin.com/in/omercarmi", "me noopener"),
        ]
        assert links[0].get("href") == "https://omercarmi.example"
    assert (
        texts(
            parse(client.get("/ar/experts/omer-carmi")),
            f"//*[{cls('profile__elsewhere')}]//a",
        )[0]
        == "الموقع الإلكتروني"
    )


def test_profile_without_pages_elsewhere_has_no_such_section(client, carmi):
    doc = parse(client.get("/experts/omer-carmi"))
    assert doc.xpath(f"//*[{cls('profile__elsewhere')}]") == []


def test_expertise_links_lead_to_the_landings(client, carmi):
    doc = parse(client.get("/experts/omer-carmi"))
    links = doc.xpath(f"//*[{cls('profile__expertise')}]//a")
    assert [(text(a), a.get("href")) for a in links] == [
        ("Proliferation", "/policy-analysis/proliferation"),
        ("Iran", "/policy-analysis/iran"),
    ]
    for link in links:
        landing = parse(client.get(link.get("href")))
        assert texts(landing, "//h1") == [text(link)]
    arabic = parse(client.get("/ar/experts/omer-carmi"))
    assert hrefs(arabic, f"//*[{cls('profile__expertise')}]//a") == [
        "/ar/policy-analysis/proliferation",
        "/ar/policy-analysis/iran",
    ]


@pytest.mark.parametrize(
    ("status", "start", "end", "line"),
    [
        (ExpertStatus.FORMER, 2017, 2019, "Former visiting fellow, 2017–2019"),
        (ExpertStatus.FORMER, None, 2019, "Former visiting fellow, until 2019"),
        (ExpertStatus.EMERITUS, 1995, 2020, "Visiting fellow emeritus, 1995–2020"),
        (
            ExpertStatus.IN_MEMORIAM,
            1990,
            2015,
            "In memoriam: visiting fellow, 1990–2015",
        ),
    ],
)
def test_status_line_of_former_experts(client, status, start, end, line):
    make_expert(
        "Past Fellow",
        titles_en="Visiting Fellow\nMilitary Fellow",
        status=status,
        affiliation_start=start,
        affiliation_end=end,
    )
    doc = parse(client.get("/experts/past-fellow"))
    assert texts(doc, f"//*[{cls('profile__status')}]") == [line]


@pytest.mark.parametrize(
    ("status", "title", "start", "line"),
    [
        (
            ExpertStatus.FORMER,
            "Former Senior Fellow",
            2014,
            "Former senior fellow, 2014–2022",
        ),
        (
            ExpertStatus.EMERITUS,
            "Distinguished Fellow Emeritus",
            None,
            "Distinguished fellow emeritus, until 2022",
        ),
    ],
)
def test_status_line_does_not_repeat_the_title(client, status, title, start, line):
    """A title that already says "Former" or "Emeritus" is not prefixed again."""
    make_expert(
        "Past Fellow",
        titles_en=title,
        status=status,
        affiliation_start=start,
        affiliation_end=2022,
    )
    doc = parse(client.get("/experts/past-fellow"))
    assert texts(doc, f"//*[{cls('profile__status')}]") == [line]


def test_status_line_keeps_named_fellowships_capitalized(client):
    make_expert(
        "Named Fellow",
        titles_en="Kahn Fellow",
        titles_ar="زميل كان",
        status=ExpertStatus.FORMER,
        affiliation_start=2013,
        affiliation_end=2018,
    )
    assert texts(
        parse(client.get("/experts/named-fellow")), f"//*[{cls('profile__status')}]"
    ) == ["Former Kahn fellow, 2013–2018"]
    arabic = parse(client.get("/ar/experts/named-fellow"))
    assert texts(arabic, f"//*[{cls('profile__status')}]") == [
        "زميل كان سابق، 2013–2018"
    ]


def test_expert_without_profile_has_no_page(client):
    make_expert("Guest Writer", has_profile=False)
    assert client.get("/experts/guest-writer").status_code == 404
    assert client.get("/experts/view/writer-guest").status_code == 404


def test_legacy_address_redirects_permanently(client, carmi):
    response = client.get("/experts/view/carmi-omer")
    assert response.status_code == 301
    assert response["Location"] == "/experts/omer-carmi"
    response = client.get("/ar/experts/view/carmi-omer")
    assert (response.status_code, response["Location"]) == (
        301,
        "/ar/experts/omer-carmi",
    )
    assert client.get("/experts/view/nobody-known").status_code == 404


def test_legacy_address_with_a_compound_name(client):
    make_expert("Ahmed Al-Hashimi", slug="ahmed-al-hashimi")
    response = client.get("/experts/view/al-hashimi-ahmed")
    assert (response.status_code, response["Location"]) == (
        301,
        "/experts/ahmed-al-hashimi",
    )


def test_publications_newest_first_and_the_pager_reaches_the_oldest(client, carmi):
    for n in range(23):
        make_article(f"Piece {n:02d}", authors=[carmi], published_at=days_ago(n + 1))
    make_article("Not by Carmi", authors=1)
    make_article("Draft by Carmi", authors=[carmi], status="draft")
    doc = parse(client.get("/experts/omer-carmi"))
    assert card_titles(doc) == [f"Piece {n:02d}" for n in range(10)]
    seen = card_titles(doc)
    while older := hrefs(doc, "//nav[@class='pager']//a[@rel='next']"):
        assert older[0].endswith("#publications")
        doc = parse(client.get("/experts/omer-carmi" + older[0]))
        seen += card_titles(doc)
    assert seen == [f"Piece {n:02d}" for n in range(23)]
    last = hrefs(doc, "//nav[@class='pager']//a[@rel='prev']")
    assert last == ["?page=2#publications"]


def test_publication_cards_lead_to_the_articles(client, carmi):
    article = make_article("Iran Ready to Build a Bomb", authors=[carmi])
    doc = parse(client.get("/experts/omer-carmi"))
    assert card_links(doc) == [f"/policy-analysis/{article.slug_en}"]
    page = parse(client.get(card_links(doc)[0]))
    assert "Iran Ready to Build a Bomb" in texts(page, "//h1")[0]


def test_publications_filter_by_type(client, carmi):
    make_article("A Brief", authors=[carmi])
    make_article("A Report", authors=[carmi], type="in-depth-report")
    make_article("An Op-Ed", authors=[carmi], type="op-ed")
    doc = parse(client.get("/experts/omer-carmi"))
    select = doc.xpath("//form[contains(@class,'filters')]//select[@name='type']")[0]
    assert select.xpath("option/@value") == [
        "",
        "brief-analysis",
        "in-depth-report",
        "op-ed",
    ]
    assert doc.xpath(f"//label[@for='{select.get('id')}']")
    doc = parse(client.get("/experts/omer-carmi", {"type": "in-depth-report"}))
    assert card_titles(doc) == ["A Report"]
    assert doc.xpath("//select[@name='type']/option[@selected]/@value") == [
        "in-depth-report"
    ]


def test_arabic_page_shows_only_arabic_publications(client, carmi):
    make_article("English only", authors=[carmi])
    both = make_article("Both", authors=[carmi], languages=("en", "ar"))
    make_article(
        "Arabic draft", authors=[carmi], languages=("en", "ar"), status="draft"
    )
    doc = parse(client.get("/ar/experts/omer-carmi"))
    assert card_links(doc) == [f"/ar/policy-analysis/{both.slug_ar}"]
    assert card_titles(doc) == [both.title_ar]
    assert len(cards(parse(client.get("/experts/omer-carmi")))) == 2


def _fill_profile(expert, count, *, authors):
    topics = [make_topic() for _ in range(count)]
    regions = [make_region() for _ in range(count)]
    expert.topics.add(*topics)
    expert.regions.add(*regions)
    for _ in range(count):
        make_article(
            authors=[expert, *[make_expert() for _ in range(authors)]],
            topics=topics,
            regions=regions,
        )
        make_article(authors=[expert], type="op-ed", languages=("en", "ar"))


def test_profile_queries_do_not_grow(client, django_assert_max_num_queries, carmi):
    """The profile costs the same with 1 or 5 of everything (articles, co-authors, terms)."""
    _fill_profile(carmi, 1, authors=1)
    with django_assert_max_num_queries(11) as one:
        parse(client.get("/experts/omer-carmi"))
    _fill_profile(carmi, 4, authors=5)
    with django_assert_max_num_queries(len(one)):
        parse(client.get("/experts/omer-carmi"))
    with django_assert_max_num_queries(len(one)):
        parse(client.get("/ar/experts/omer-carmi", {"type": "op-ed"}))


# The directory.


@pytest.fixture
def roster():
    gulf = make_region("Gulf States", slug="gulf-states")
    saudi = make_region("Saudi Arabia", slug="saudi-arabia", parent=gulf)
    energy = make_topic("Energy", slug="energy")
    current = make_expert("Ana Current", sort_name="Current, Ana")
    current.regions.set([saudi])
    other = make_expert("Ben Other", sort_name="Other, Ben", name_ar="")
    other.topics.set([energy])
    former = make_expert(
        "Cy Former",
        titles_en="Visiting Fellow",
        status=ExpertStatus.FORMER,
        affiliation_start=2017,
        affiliation_end=2019,
    )
    former.topics.set([energy])
    make_expert("Dee Late", status=ExpertStatus.IN_MEMORIAM).regions.set([gulf])
    make_expert("No Page", has_profile=False)
    return locals()


def _sections(doc):
    return {
        section.get("aria-labelledby"): texts(section, f".//*[{cls('person__name')}]")
        for section in doc.xpath(f"//section[{cls('directory')}]")
    }


def test_directory_separates_former_experts(client, roster):
    doc = parse(client.get("/experts"))
    assert _sections(doc) == {
        "current-heading": ["Ana Current", "Ben Other"],
        "former-heading": ["Cy Former", "Dee Late"],
    }
    former = doc.xpath(f"//section[{cls('directory--former')}]")[0]
    assert "Former visiting fellow, 2017–2019" in texts(
        former, f".//*[{cls('person__status')}]"
    )
    for href in hrefs(doc, f"//*[{cls('person__name')}]/a"):
        assert texts(parse(client.get(href)), "//h1")


def test_directory_filters_by_topic_and_region(client, roster):
    doc = parse(client.get("/experts", {"topic": "energy"}))
    assert _sections(doc) == {
        "current-heading": ["Ben Other"],
        "former-heading": ["Cy Former"],
    }
    assert doc.xpath("//select[@name='topic']/option[@selected]/@value") == ["energy"]
    # A region includes its sub-regions.
    doc = parse(client.get("/experts", {"region": "gulf-states"}))
    assert _sections(doc) == {
        "current-heading": ["Ana Current"],
        "former-heading": ["Dee Late"],
    }
    doc = parse(client.get("/experts", {"region": "saudi-arabia", "topic": "energy"}))
    assert _sections(doc) == {"current-heading": []}
    assert [o.strip() for o in doc.xpath("//select[@name='region']/option/text()")] == [
        "All regions",
        "Gulf States",
        "— Saudi Arabia",
    ]


def test_arabic_directory_lists_experts_with_an_arabic_name(client, roster):
    doc = parse(client.get("/ar/experts"))
    names = [name for section in _sections(doc).values() for name in section]
    assert len(names) == 3 and "Ben Other" not in names
    assert all(
        href.startswith("/ar/experts/")
        for href in hrefs(doc, f"//*[{cls('person__name')}]/a")
    )


def test_directory_queries_do_not_grow(client, django_assert_max_num_queries):
    def add(count):
        for n in range(count):
            expert = make_expert(
                status=ExpertStatus.FORMER if n % 2 else ExpertStatus.CURRENT
            )
            expert.topics.set([make_topic()])
            expert.regions.set([make_region()])

    add(1)
    with django_assert_max_num_queries(9) as one:
        parse(client.get("/experts"))
    add(5)
    with django_assert_max_num_queries(len(one)):
        parse(client.get("/experts"))
