"""
Issue 15, item 10: sharing without trackers. The article page links to email,
X, LinkedIn and WhatsApp with its absolute canonical address and its title,
percent-encoded, in both languages; the copy-link control is a plain link to
the same address until the site's script makes it a button. Nothing in the
component comes from another origin.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from articles.models import Status
from tests.factories import make_article
from tests.html import by_class, one, parse

pytestmark = pytest.mark.django_db

TITLE_EN = "Oil & Sanctions: Who Pays? 100% of the Cost"
TITLE_AR = "النفط والعقوبات: من يدفع الثمن؟"


def share(client, url):
    tree = parse(client.get(url))
    section = one(tree, "//section[@class='share']")
    links = {
        a.get("class").split("--")[-1]: a.get("href")
        for a in section.xpath(".//a[contains(@class, 'share__link')]")
    }
    return tree, section, links


def query(href) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query, strict_parsing=True)


@pytest.mark.parametrize(
    "language, title", [("en", TITLE_EN), ("ar", TITLE_AR)], ids=["en", "ar"]
)
def test_share_links_carry_the_canonical_address_and_title(client, language, title):
    article = make_article(TITLE_EN, title_ar=TITLE_AR, languages=("en", "ar"))
    url = article.url_in(language)
    tree, section, links = share(client, url)
    canonical = one(tree, "//link[@rel='canonical']").get("href")
    assert canonical == settings.SITE_URL + url
    assert list(links) == ["email", "x", "linkedin", "whatsapp"]

    email = urlsplit(links["email"])
    assert (email.scheme, email.path) == ("mailto", "")
    assert query(links["email"]) == {
        "subject": [title],
        "body": [f"{title}\r\n{canonical}"],
    }
    # Spaces are %20 in a mailto (a "+" would stay a plus sign in the mail).
    assert "+" not in links["email"] and " " not in links["email"]

    assert links["x"].startswith("https://x.com/intent/post?")
    assert query(links["x"]) == {"text": [title], "url": [canonical]}
    assert links["linkedin"].startswith(
        "https://www.linkedin.com/sharing/share-offsite/?"
    )
    assert query(links["linkedin"]) == {"url": [canonical]}
    assert links["whatsapp"].startswith("https://wa.me/?")
    assert query(links["whatsapp"]) == {"text": [f"{title} {canonical}"]}
    # Every character outside the unreserved set is encoded: the query has no raw "&" of the title.
    assert links["x"].count("&") == 1

    # Copy link: a plain link to the same address, and a button the script reveals.
    permalink = one(section, f".{by_class('share__permalink')}")
    assert permalink.get("href") == canonical
    button = one(section, f".{by_class('share__copy')}")
    assert button.get("type") == "button" and button.get("hidden") is not None
    one(section, ".//*[@role='status']")
    heading = one(section, ".//h2").text_content()
    assert heading == ("Share" if language == "en" else "شارك")
    assert section.get("aria-labelledby") == "share-heading"
    # Nothing loaded from elsewhere: no image, script, frame or style in the component.
    assert not section.xpath(".//img | .//script | .//iframe | .//link | .//*[@style]")


def test_an_op_ed_shares_the_outlets_address_as_its_canonical(client):
    article = make_article(
        "Tehran's Choice",
        type="op-ed",
        outlet_name="The Outlet",
        outlet_url="https://outlet.example/opinion/tehran?ref=a&b=c",
    )
    tree, _section, links = share(client, article.get_absolute_url())
    canonical = one(tree, "//link[@rel='canonical']").get("href")
    assert canonical == "https://outlet.example/opinion/tehran?ref=a&b=c"
    assert query(links["linkedin"]) == {"url": [canonical]}
    assert query(links["x"])["url"] == [canonical]


def test_a_staff_preview_has_no_share_links(client, django_user_model):
    draft = make_article("Not Yet", status=Status.DRAFT)
    client.force_login(
        django_user_model.objects.create_superuser("boss", "b@example.com", "pw")
    )
    preview = client.get(
        reverse("admin:articles_article_preview", args=[draft.pk, "en"])
    )
    tree = parse(preview)
    assert tree.xpath("//*[contains(@class, 'preview-notice')]")
    assert not tree.xpath("//section[@class='share']")
    # The published page, as a positive control, has them.
    share(client, make_article("Out Now").get_absolute_url())
