import pytest
from django.template import engines

from tests.factories import make_region, make_topic
from tests.html import by_class, get_page, one, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/about", "/policy-analysis", "/ar/about", "/ar/policy-analysis"]
)
def test_landmarks_skip_link_and_one_heading(client, path):
    tree = get_page(client, path)
    skip = one(tree, "//body/a[1]")
    assert skip.get("href") == "#main"
    assert one(tree, "//main").get("id") == "main"
    one(tree, "//header[contains(@class, 'site-header')]")
    one(tree, "//footer[contains(@class, 'site-footer')]")
    assert len(tree.xpath("//h1")) == 1
    for nav in tree.xpath("//nav"):
        assert nav.get("aria-label")
    assert len({nav.get("aria-label") for nav in tree.xpath("//nav")}) == len(
        tree.xpath("//nav")
    )


def test_header_names_the_institute_and_links_the_sections(client, settings):
    settings.SITE_NAME = "The Harbour Institute"
    tree = get_page(client, "/about")
    header = one(tree, "//header[contains(@class, 'site-header')]")
    brand = one(header, ".//a[contains(@class, 'site-header__brand')]")
    assert (text(brand), brand.get("href")) == ("The Harbour Institute", "/")
    main_nav = one(header, ".//nav[@aria-label='Main']")
    assert [(text(a), a.get("href")) for a in main_nav.xpath("./ul/li/a")] == [
        ("Analysis", "/policy-analysis"),
        ("Experts", "/experts"),
        ("About", "/about"),
    ]
    arabic = one(get_page(client, "/ar/about"), "//nav[@aria-label='القائمة الرئيسية']")
    assert [a.get("href") for a in arabic.xpath("./ul/li/a")] == [
        "/ar/policy-analysis",
        "/ar/experts",
        "/ar/about",
    ]


def test_menus_list_topics_and_regions_with_their_children(client):
    make_topic("Proliferation", sort_order=2)
    energy = make_topic("Energy", sort_order=1)
    make_topic("Oil", parent=energy)
    gulf = make_region("Gulf States")
    make_region("Saudi Arabia", parent=gulf)
    tree = get_page(client, "/about")
    menus = tree.xpath(by_class("term-menu"))
    assert [text(one(menu, ".//summary")) for menu in menus] == [
        "Issues",
        "Regions & Countries",
    ]
    issues = one(menus[0], "./details/ul")
    assert [text(one(li, "./a")) for li in issues.xpath("./li")] == [
        "Energy",
        "Proliferation",
    ]
    assert [(text(a), a.get("href")) for a in issues.xpath("./li[1]/ul/li/a")] == [
        ("Oil", "/policy-analysis/oil")
    ]
    assert [text(a) for a in menus[1].xpath(".//a")] == ["Gulf States", "Saudi Arabia"]
    arabic = get_page(client, "/ar/about").xpath(by_class("term-menu"))
    assert text(one(arabic[0], ".//summary")) == "القضايا"
    assert arabic[1].xpath(".//a")[0].get("href") == "/ar/policy-analysis/gulf-states"


def test_menus_follow_every_change_of_the_terms(client):
    """The menus built for some terms are reused only while the terms are the same."""
    energy = make_topic("Energy")

    def issues(path="/about"):
        menu = get_page(client, path).xpath(by_class("term-menu"))[0]
        return [(text(a), a.get("href")) for a in menu.xpath(".//a")]

    assert issues() == [("Energy", "/policy-analysis/energy")]
    energy.name_en, energy.slug = "Power", "power"
    energy.save()
    make_topic("Oil", parent=energy)
    assert issues() == [
        ("Power", "/policy-analysis/power"),
        ("Oil", "/policy-analysis/oil"),
    ]
    assert issues("/ar/about")[0] == (energy.name_ar, "/ar/policy-analysis/power")


def test_chrome_menus_tag_costs_one_query(django_assert_num_queries):
    make_topic(parent=make_topic())
    make_region(parent=make_region())
    with django_assert_num_queries(1):
        engines["jinja2"].from_string("{{ chrome_menus().topics[0].name }}").render()


@pytest.mark.parametrize(
    ("path", "switch_to", "label"),
    [
        ("/about", "/ar/about", "العربية"),
        ("/ar/about", "/about", "English"),
        ("/policy-analysis?type=op-ed", "/ar/policy-analysis?type=op-ed", "العربية"),
        (
            "/ar/policy-analysis/no-such-page",
            "/",
            "English",
        ),  # no page there: that language's home
    ],
)
def test_language_switcher_keeps_the_page(client, path, switch_to, label):
    response = client.get(path)
    tree = get_page(client, path, status=response.status_code)
    link = one(tree, "//nav[contains(@class, 'language-switcher')]//a")
    assert (link.get("href"), text(link)) == (switch_to, label)
    assert link.get("lang") == ("ar" if label == "العربية" else "en")


def test_stylesheets_and_script_are_our_own(client):
    tree = get_page(client, "/about")
    sheets = [link.get("href") for link in tree.xpath("//link[@rel='stylesheet']")]
    assert sheets == [
        "/static/css/site.css",
        "/static/css/lists.css",
        "/static/css/print.css",
    ]
    assert one(tree, "//link[@href='/static/css/print.css']").get("media") == "print"
    # One script of ours, deferred; the page works without it.
    scripts = tree.xpath("//script[@src]")
    assert [(s.get("src"), s.get("defer")) for s in scripts] == [
        ("/static/js/site.js", "defer")
    ]
    assert not tree.xpath("//*[@style]")
