"""
Lead images where readers meet articles: every card (home, listings, landings,
search results, expert pages), the featured item and the "Recommended" rail,
and a report's cover beside its download button.
"""

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library import covers
from tests import files
from tests.factories import committed, make_article, make_expert, make_topic
from tests.html import cards, cls, get_page, parse

pytestmark = pytest.mark.django_db


def media_path(url):
    return url.split("/media/", 1)[1]


def picture_image(**values):
    with committed():
        return files.library_image(files.photo((1600, 900)), **values)


def assert_picture(img, *, alt, spec):
    """An <img> in a <picture>: src and srcset of the spec's files, stored; size; alt."""
    assert img.xpath("ancestor::picture[1]")
    assert img.get("alt") == alt
    assert int(img.get("width")) > 0 and int(img.get("height")) > 0
    assert img.get("sizes")
    urls = [img.get("src")] + [p.split()[0] for p in img.get("srcset").split(", ")]
    for url in urls:
        assert f"/{spec}-" in url, url
        assert default_storage.exists(media_path(url)), url


def card_img(card):
    found = card.xpath(".//img")
    return found[0] if found else None


def test_listing_cards_show_lead_images_first_eager_then_lazy(client):
    image = picture_image(title="Cranes", alt_en="Container cranes at dusk")
    # The factory dates each article an hour before the one made before it.
    newest = make_article(
        "Newest With a Picture", lead_image=image, lead_image_alt_en="Own alt text"
    )
    older = make_article("Older With a Picture", lead_image=image)
    plain = make_article("Without a Picture")
    tree = get_page(client, "/policy-analysis")
    by_title = {
        c.xpath(f".//*[{cls('card__title')}]")[0].text_content(): c for c in cards(tree)
    }
    first = card_img(by_title[newest.title])
    assert_picture(first, alt="Own alt text", spec="card")
    assert first.get("fetchpriority") == "high" and first.get("loading") is None
    second = card_img(by_title[older.title])
    assert_picture(second, alt="Container cranes at dusk", spec="card")
    assert second.get("loading") == "lazy" and second.get("fetchpriority") is None
    # A card without a picture is a text card, with no empty frame.
    text_card = by_title[plain.title]
    assert card_img(text_card) is None
    assert "card--text" in text_card.get("class")
    assert not text_card.xpath(f".//*[{cls('card__media')}]")


def test_decorative_images_have_empty_alt_on_cards(client):
    image = picture_image(title="Texture", alt_en="Sand")
    make_article("Marked on the Article", lead_image=image, lead_image_decorative=True)
    decorative = picture_image(title="Pattern", decorative=True)
    make_article("Marked in the Library", lead_image=decorative)
    tree = get_page(client, "/policy-analysis")
    images = tree.xpath(f"//article[{cls('card')}]//img")
    assert len(images) == 2
    for img in images:
        assert_picture(img, alt="", spec="card")


def test_home_featured_item_and_latest_cards(client):
    image = picture_image(title="Port", alt_en="A port at night")
    # The newest is featured (the factory dates each article before the last).
    make_article(
        "The Featured Piece", lead_image=image, lead_image_alt_en="Featured alt"
    )
    for n in range(3):
        make_article(f"Latest number {n}", lead_image=image)
    tree = get_page(client, "/")
    (featured,) = tree.xpath(f"//section[{cls('home__featured')}]//img")
    assert_picture(featured, alt="Featured alt", spec="lead")
    assert featured.get("fetchpriority") == "high" and featured.get("loading") is None
    latest = tree.xpath(f"//section[{cls('home__latest')}]//img")
    assert latest
    for img in latest:
        assert_picture(img, alt="A port at night", spec="card")
        assert img.get("loading") == "lazy"


def test_landing_search_and_expert_page_cards(client):
    image = picture_image(title="Map", alt_en="A map of the Gulf")
    topic = make_topic("Maritime Security")
    expert = make_expert("Rana Khalil")
    article = make_article(
        "Shipping Lanes Under Pressure",
        lead_image=image,
        topics=[topic],
        authors=[expert],
    )
    for url, spec in (
        (topic.get_absolute_url(), "card"),
        (expert.get_absolute_url(), "card"),
        ("/search?q=shipping", "rail"),
    ):
        tree = get_page(client, url)
        found = tree.xpath(
            f"//article[{cls('card')}][.//a[@href='{article.get_absolute_url()}']]//img"
        )
        assert len(found) == 1, url
        assert_picture(found[0], alt="A map of the Gulf", spec=spec)


def test_recommended_rail_shows_pictures_in_the_same_queries(client):
    image = picture_image(title="Desert", alt_en="Dunes at dawn")
    pick = make_article("A Picked Piece", lead_image=image)
    plain_pick = make_article("A Plain Pick")
    article = make_article("The Page", recommended=[pick, plain_pick])
    tree = get_page(client, article.get_absolute_url())
    items = tree.xpath(f"//li[{cls('rail__item')}]")
    assert len(items) == 2
    (img,) = tree.xpath(f"//li[{cls('rail__item')}]//img")
    assert_picture(img, alt="Dunes at dawn", spec="rail")
    assert img.get("loading") == "lazy"
    # The picture is read with the rail: no query more than a rail without one.
    bare = make_article("Bare Page", recommended=[plain_pick, make_article("Another")])
    with CaptureQueriesContext(connection) as without:
        client.get(bare.get_absolute_url())
    with CaptureQueriesContext(connection) as with_pictures:
        client.get(article.get_absolute_url())
    assert len(with_pictures) == len(without)


def test_listing_queries_do_not_grow_with_pictures(client):
    make_article("Plain")
    with CaptureQueriesContext(connection) as one:
        client.get("/policy-analysis")
    make_article("Own picture", lead_image=picture_image(title="Own", alt_en="Own"))
    image = picture_image(title="Shared", alt_en="Shared alt")
    for n in range(4):
        make_article(f"Shared picture {n}", lead_image=image)
    with CaptureQueriesContext(connection) as many:
        tree = parse(client.get("/policy-analysis"))
    assert len(tree.xpath(f"//article[{cls('card')}]//picture")) == 5
    assert len(many) == len(one)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_report_page_shows_the_pdf_cover_beside_the_download(client, language):
    with committed():
        document = files.library_document(files.pdf(4), title_en="Deterrence at Sea")
    document.refresh_from_db()
    assert document.cover_for == document.file.name
    article = make_article(
        "Deterrence at Sea",
        type="policy-note",
        series="Policy Note",
        series_number=81,
        pdf=document,
        languages=("en", "ar"),
    )
    tree = get_page(client, article.url_in(language))
    (cover,) = tree.xpath(f"//*[{cls('report-download')}]//img")
    assert cover.get("width") == str(covers.WIDTHS[0])
    # The hand-written test PDF's page is a US Letter page (612 × 792 points).
    # (PDFium rounds the drawn page's height up to whole pixels.)
    assert abs(int(cover.get("height")) - covers.WIDTHS[0] * 792 / 612) <= 1
    assert "Deterrence at Sea" in cover.get("alt")
    for part in [cover.get("src")] + [
        p.split()[0] for p in cover.get("srcset").split(", ")
    ]:
        assert default_storage.exists(media_path(part)), part
    assert cover.xpath("following::a[@type='application/pdf']")


def test_a_document_without_a_drawn_cover_shows_the_button_alone(client):
    with committed():
        document = files.library_document(files.pdf(2), title_en="Old Report")
    type(document).objects.filter(pk=document.pk).update(cover_for="")
    article = make_article("Old Report", type="policy-note", pdf=document)
    tree = get_page(client, article.get_absolute_url())
    assert tree.xpath("//a[@type='application/pdf']")
    assert not tree.xpath(f"//*[{cls('report-download')}]//img")
