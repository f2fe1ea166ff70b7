"""Institute pages: records editors manage, served at the site's root in each language they are published in."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.pagecache import current_generation
from history.models import Revision
from pages.models import Page
from tests.admin_forms import admin_url, errors, fill, form_data
from tests.html import by_class, get_page, one, parse, text, xml
from workflow.roles import CONTRIBUTOR, EDITOR, ensure_roles

pytestmark = pytest.mark.django_db


def make_page(slug, *, languages=("en", "ar"), **fields):
    values = {"in_footer": True}
    for code in ("en", "ar"):
        values |= {
            f"title_{code}": f"{slug.title()} {code}",
            f"slug_{code}": slug if code == "en" else f"{slug}-{code}",
            f"body_{code}": f"<p>Body {code}</p>",
            f"published_{code}": code in languages,
        }
    return Page.objects.create(**(values | fields))


def footer_links(tree):
    nav = one(tree, "//footer//nav")
    return [(text(a), a.get("href")) for a in nav.xpath(".//a")]


@pytest.mark.parametrize(
    ("url", "title", "lang"),
    [
        ("/about", "About the institute", "en"),
        ("/ar/about", "عن المعهد", "ar"),
        ("/contact", "Contact us", "en"),
        ("/ar/contact", "اتصل بنا", "ar"),
        ("/privacy", "Privacy policy", "en"),
        ("/ar/privacy", "سياسة الخصوصية", "ar"),
        ("/support", "Support our work", "en"),
        ("/ar/support", "ادعم عملنا", "ar"),
    ],
)
def test_the_institute_pages_exist_in_both_languages(client, url, title, lang):
    tree = get_page(client, url)
    assert text(one(tree, "//h1")) == title
    assert tree.get("lang") == lang
    assert tree.get("dir") == ("rtl" if lang == "ar" else "ltr")
    assert one(tree, "//meta[@name='description']").get("content")
    hreflangs = {
        link.get("hreflang")
        for link in tree.xpath("//link[@rel='alternate'][@hreflang]")
    }
    assert {"en", "ar"} <= hreflangs


def test_about_keeps_the_text_of_the_former_page(client, settings):
    body = text(one(get_page(client, "/about"), by_class("prose")))
    assert "is an independent, nonpartisan research institute" in body
    assert "Everything we publish is free to read" in body
    arabic = text(one(get_page(client, "/ar/about"), by_class("prose")))
    assert "معهد أبحاث مستقل وغير حزبي" in arabic


def test_the_footer_lists_the_pages_contact_social_links_and_year(client, settings):
    settings.SOCIAL_LINKS = [("Mastodon", "https://social.example/@institute")]
    settings.SITE_CONTACT = {
        "email": "desk@institute.example",
        "phone": "+1 202 555 0100",
        "address": {"en": "1 Main Street", "ar": "١ الشارع الرئيسي"},
    }
    tree = get_page(client, "/policy-analysis")
    assert footer_links(tree)[2:6] == [
        ("About the institute", "/about"),
        ("Contact us", "/contact"),
        ("Privacy policy", "/privacy"),
        ("Support our work", "/support"),
    ]
    footer = one(tree, "//footer")
    contact = one(footer, ".//address")
    assert "1 Main Street" in text(contact)
    assert [a.get("href") for a in contact.xpath(".//a")] == [
        "mailto:desk@institute.example",
        "tel:+12025550100",
    ]
    assert [
        (text(a), a.get("href"))
        for a in footer.xpath(f".{by_class('site-footer__social')}//a")
    ] == [("Mastodon", "https://social.example/@institute")]
    assert f"© {timezone.localdate().year} " in text(
        one(footer, by_class("site-footer__copyright"))
    )
    arabic = get_page(client, "/ar/policy-analysis")
    assert footer_links(arabic)[2][1] == "/ar/about"
    assert "١ الشارع الرئيسي" in text(one(arabic, "//footer//address"))
    assert "معهد" in text(one(arabic, by_class("site-footer__copyright")))


def test_a_page_follows_the_editors_order_and_placement(client):
    Page.objects.filter(slug_en="support").update(sort_order=0)
    Page.objects.filter(slug_en="privacy").update(in_footer=False)
    links = footer_links(get_page(client, "/about"))
    hrefs = [href for _title, href in links]
    assert hrefs.index("/support") < hrefs.index("/about")
    assert "/privacy" not in hrefs


def test_a_page_not_published_in_arabic_is_a_404_linking_to_the_english_one(client):
    make_page("careers", languages=("en",))
    get_page(client, "/careers")
    for url in ("/ar/careers-ar", "/ar/careers"):
        tree = get_page(client, url, status=404)
        (link,) = tree.xpath(f"{by_class('error-page__versions')}//a")
        assert (link.get("href"), link.get("hreflang")) == ("/careers", "en")
    assert "/ar/careers" not in [
        href for _t, href in footer_links(get_page(client, "/ar/about"))
    ]
    # Positive control: published in Arabic, the same page answers there.
    Page.objects.filter(slug_en="careers").update(published_ar=True)
    assert text(one(get_page(client, "/ar/careers-ar"), "//h1")) == "Careers ar"


def test_the_other_languages_slug_moves_to_this_languages_address(client):
    make_page("jobs")
    response = client.get("/ar/jobs")
    assert (response.status_code, response["Location"]) == (301, "/ar/jobs-ar")


def test_unknown_pages_and_trashed_pages_are_404(client):
    page = make_page("gone")
    get_page(client, "/gone")
    page.deleted_at = page.updated_at
    page.save()
    get_page(client, "/gone", status=404)
    get_page(client, "/nowhere", status=404)
    get_page(client, "/nowhere/", status=404)
    assert client.get("/about/")["Location"] == "/about"


def test_the_body_is_sanitized_on_every_save():
    page = make_page(
        "unsafe",
        body_en='<p>Hi</p><script>alert(1)</script><a href="javascript:x()">x</a>',
    )
    page.refresh_from_db()
    assert "<script" not in page.body_en
    assert "javascript:" not in page.body_en


def test_page_cost_is_flat_however_many_pages(client, django_assert_num_queries):
    with CaptureQueriesContext(connection) as few:
        client.get("/contact")
    for n in range(8):
        make_page(f"extra-{n}")
    # The page, the footer's pages, the menus.
    with django_assert_num_queries(len(few)):
        response = client.get("/contact")
    assert len(few) == 3
    assert len(footer_links(parse(response))) == 2 + 4 + 8 + 1


def test_the_sitemap_lists_each_page_in_its_published_languages(client):
    make_page("careers", languages=("en",))
    root = xml(client.get("/sitemap-pages.xml"))
    locs = [
        el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert any(loc.endswith("/careers") for loc in locs)
    assert any(loc.endswith("/ar/about") for loc in locs)
    assert not any(loc.endswith("/ar/careers-ar") for loc in locs)


def test_a_page_edit_bumps_the_page_cache(django_capture_on_commit_callbacks):
    before = current_generation().value
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(slug_en="about").save()
    assert current_generation().value == before + 1


# The admin ----------------------------------------------------------------


def add_form(admin_client):
    return form_data(admin_client.get(admin_url(Page(), "add")))


@pytest.mark.parametrize(
    "slug", ["experts", "policy-analysis", "search", "newsletter", "ar", "admin"]
)
def test_the_admin_refuses_an_address_another_route_answers(admin_client, slug):
    data = fill(
        add_form(admin_client),
        title_en="Our experts",
        slug_en=slug,
        body_en="<p>x</p>",
        published_en=True,
    )
    response = admin_client.post(admin_url(Page(), "add"), data)
    assert response.status_code == 200
    assert "belongs to another page of the site" in " ".join(
        errors(response)["slug_en"]
    )
    assert not Page.objects.filter(title_en="Our experts").exists()


def test_the_admin_creates_a_page_and_keeps_a_revision(admin_client):
    data = fill(
        add_form(admin_client),
        title_en="Careers",
        body_en="<p>Join us.</p>",
        description_en="Work at the institute.",
        published_en=True,
        in_footer=True,
        sort_order=9,
    )
    response = admin_client.post(admin_url(Page(), "add"), data)
    assert response.status_code == 302, errors(response)
    page = Page.objects.get(title_en="Careers")
    assert page.slug_en == "careers"
    assert Revision.objects.filter(object_id=page.pk).exists()
    tree = get_page(admin_client, "/careers")
    assert text(one(tree, "//h1")) == "Careers"


def test_the_admin_requires_the_text_of_a_published_language(admin_client):
    data = fill(
        add_form(admin_client),
        title_en="Careers",
        body_en="<p>x</p>",
        published_ar=True,
    )
    response = admin_client.post(admin_url(Page(), "add"), data)
    assert response.status_code == 200
    found = errors(response)
    assert "title_ar" in found and "body_ar" in found
    # Positive control: without the Arabic tick, the same page saves.
    data = fill(data, published_ar=False)
    assert admin_client.post(admin_url(Page(), "add"), data).status_code == 302


def test_an_edit_through_the_admin_can_be_restored_in_both_languages(admin_client):
    page = Page.objects.get(slug_en="contact")
    url = admin_url(page, "change", page.pk)
    data = fill(form_data(admin_client.get(url)), _save="Save", title_ar="عنوان أول")
    assert admin_client.post(url, data).status_code == 302
    first = Revision.objects.of(page).get()
    data = fill(
        form_data(admin_client.get(url)),
        _save="Save",
        title_ar="عنوان ثان",
        body_en="<p>Changed.</p>",
    )
    assert admin_client.post(url, data).status_code == 302
    restore = admin_url(page, "restore", page.pk, first.pk)
    assert admin_client.post(restore).status_code == 302
    page.refresh_from_db()
    assert page.title_ar == "عنوان أول"
    assert "Changed." not in page.body_en
    assert text(one(get_page(admin_client, "/ar/contact"), "//h1")) == "عنوان أول"


def test_deleting_a_page_moves_it_to_the_trash_and_back(admin_client, client):
    page = Page.objects.get(slug_en="support")
    delete = admin_url(page, "delete", page.pk)
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert client.get("/support").status_code == 404
    assert "/support" not in [
        href for _t, href in footer_links(get_page(client, "/about"))
    ]
    assert Page.all_objects.get(pk=page.pk).deleted_at is not None
    trash = parse(admin_client.get(admin_url(page, "trash")))
    (row,) = trash.xpath("//table[@id='trash-list']/tbody/tr")
    assert admin_client.post(row.xpath(".//form/@action")[0]).status_code == 302
    assert text(one(get_page(client, "/support"), "//h1")) == "Support our work"


def test_editors_manage_the_pages_and_contributors_do_not(client, django_user_model):
    groups = ensure_roles()
    for role, status in ((EDITOR, 200), (CONTRIBUTOR, 403)):
        user = django_user_model.objects.create_user(role, password="x", is_staff=True)
        user.groups.add(groups[role])
        client.force_login(user)
        page = Page.objects.get(slug_en="about")
        assert client.get(admin_url(page, "change", page.pk)).status_code == status


def test_a_changed_address_answers_301_and_a_new_language_needs_no_move(client):
    page = make_page("team", languages=("en",), slug_ar=None, title_ar="")
    page.title_ar, page.slug_ar = "الفريق", "al-fariq"
    page.save()
    page.slug_en = "our-team"
    page.save()
    response = client.get("/team")
    assert (response.status_code, response["Location"]) == (301, "/our-team")
