"""The newsletter: sign-up with double opt-in, one-click unsubscribe, the admin's CSV export and the digest."""

import csv
import io
import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from newsletter import services
from newsletter.models import DigestItem, Status, Subscriber
from tests.admin_forms import admin_url
from tests.factories import make_article, make_region, make_topic
from tests.html import by_class, get_page, one, parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """Each test starts with no sign-up counted against the test client's address."""
    cache.clear()


LINK = re.compile(r"http://[^\s]+/newsletter/(confirm|unsubscribe)/[^\s]+")


def links(message, kind):
    return [m.group(0) for m in LINK.finditer(message.body) if m.group(1) == kind]


def path_of(url):
    return url.split("8000", 1)[1] if "8000" in url else url


def sign_up(client, email="reader@example.org", prefix="", **data):
    return client.post(f"{prefix}/newsletter", {"email": email, **data})


def confirmed(client, email="reader@example.org", prefix="", **data):
    mail.outbox.clear()
    sign_up(client, email, prefix, **data)
    (message,) = mail.outbox
    (url,) = links(message, "confirm")
    assert client.post(path_of(url)).status_code == 200
    return Subscriber.objects.get(email=email)


def test_sign_up_then_confirm_link_confirms(client):
    iran = make_topic("Iran")
    response = sign_up(client, "Reader@Example.org", topics=[iran.slug])
    tree = parse(response)
    assert text(one(tree, "//h1")) == "Check your inbox"
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.status) == (
        "reader@example.org",
        Status.PENDING,
    )
    (message,) = mail.outbox
    assert message.to == ["reader@example.org"]
    (url,) = links(message, "confirm")
    # Following the link asks; a link scanner's GET confirms nothing.
    page = get_page(client, path_of(url))
    assert one(page, "//main//form").get("method") == "post"
    assert Subscriber.objects.get().status == Status.PENDING
    assert (
        text(one(parse(client.post(path_of(url))), "//h1")) == "Subscription confirmed"
    )
    subscriber.refresh_from_db()
    assert subscriber.status == Status.CONFIRMED
    assert [t.slug for t in subscriber.topics.all()] == [iran.slug]


def test_sign_up_in_arabic_subscribes_in_arabic(client):
    subscriber = confirmed(client, prefix="/ar")
    assert subscriber.language == "ar"
    (message,) = mail.outbox
    assert "/ar/newsletter/confirm/" in message.body
    assert "أكّد اشتراكك" in message.subject


def dated(data, *, days):
    """A confirmation token for ``data`` signed ``days`` ago."""

    class Past(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(
                int(time.time() - timedelta(days=days).total_seconds())
            )

    return Past(salt=services.CONFIRM_SALT).sign_object(data, compress=True)


def test_an_expired_or_forged_token_is_refused(client):
    sign_up(client)
    (url,) = links(mail.outbox[0], "confirm")
    path = path_of(url)
    token = path.rsplit("/", 1)[1]
    forged = signing.dumps(
        {
            "s": Subscriber.objects.get().pk,
            "e": "reader@example.org",
            "l": "en",
            "t": [],
        },
        salt="other",
    )
    for bad in (f"/newsletter/confirm/{forged}", f"/newsletter/confirm/{token[:-2]}xx"):
        response = client.post(bad)
        assert response.status_code == 400
        assert text(one(parse(response, 400), "//h1")) == "This link does not work"
    data = signing.loads(token, salt=services.CONFIRM_SALT)
    assert client.post(f"/newsletter/confirm/{dated(data, days=4)}").status_code == 400
    assert Subscriber.objects.get().status == Status.PENDING
    # Positive control: a link two days old, then the one sent, confirm.
    assert client.post(f"/newsletter/confirm/{dated(data, days=2)}").status_code == 200
    assert client.post(path).status_code == 200
    assert Subscriber.objects.get().status == Status.CONFIRMED


def test_bad_input_names_the_field(client):
    response = sign_up(client, "not-an-address", topics=["no-such-topic"])
    tree = parse(response, 400)
    summary = text(one(tree, by_class("form-errors")))
    assert "E-mail address: Enter a valid e-mail address" in summary
    assert "Topics: no-such-topic is not one of the topics." in summary
    assert not Subscriber.objects.exists() and not mail.outbox


def test_the_same_address_twice_is_one_subscriber_and_the_answer_does_not_tell(client):
    first = sign_up(client)
    subscriber = confirmed(client, "twice@example.org")
    again = sign_up(client, "TWICE@example.org")
    assert Subscriber.objects.filter(email="twice@example.org").count() == 1
    assert text(one(parse(first), "//h1")) == text(one(parse(again), "//h1"))
    subscriber.refresh_from_db()
    assert subscriber.status == Status.CONFIRMED


def test_a_flood_of_sign_ups_is_slowed_down(client, settings):
    for n in range(10):
        assert sign_up(client, f"r{n}@example.org").status_code == 200
    assert sign_up(client, "r11@example.org").status_code == 429


def test_the_footer_and_topic_landings_carry_the_form(client):
    iran = make_topic("Iran")
    for url in ("/about", "/ar/about"):
        form = one(
            get_page(client, url), "//footer//form[contains(@class, 'newsletter-form')]"
        )
        assert form.get("method") == "post"
        assert form.get("action") == (
            "/ar/newsletter" if url.startswith("/ar") else "/newsletter"
        )
    landing = get_page(client, iran.get_absolute_url())
    form = one(landing, "//main//form[contains(@class, 'newsletter-form')]")
    assert one(form, ".//input[@name='topics']").get("value") == iran.slug
    gulf = make_region("Gulf")
    landing = get_page(client, f"/ar/policy-analysis/{gulf.slug}")
    form = one(landing, "//main//form[contains(@class, 'newsletter-form')]")
    assert one(form, ".//input[@name='regions']").get("value") == gulf.slug
    assert form.get("action") == "/ar/newsletter"


def unsubscribe_url(subscriber):
    return path_of(services.unsubscribe_url(subscriber))


def test_unsubscribe_with_one_post(client):
    subscriber = confirmed(client)
    (message,) = mail.outbox
    headers = message.message()
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    (url,) = links(message, "unsubscribe")
    assert headers["List-Unsubscribe"] == f"<{url}>"
    response = client.post(path_of(url), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Status.UNSUBSCRIBED


def test_unsubscribe_link_asks_before_it_acts(client):
    subscriber = confirmed(client)
    url = unsubscribe_url(subscriber)
    form = one(get_page(client, url), "//main//form")
    assert form.get("method") == "post"
    subscriber.refresh_from_db()
    assert subscriber.status == Status.CONFIRMED
    client.post(form.get("action"))
    subscriber.refresh_from_db()
    assert subscriber.status == Status.UNSUBSCRIBED
    # A forged link is refused.
    assert client.post(url[:-3] + "abc").status_code == 400


def test_digest_sends_what_is_new_in_the_subscribers_language_and_topics(client):
    iran, energy = make_topic("Iran"), make_topic("Energy")
    everything = confirmed(client, "all@example.org")
    on_iran = confirmed(client, "iran@example.org", topics=[iran.slug])
    arabic = confirmed(client, "ar@example.org", prefix="/ar")
    gulf = make_region("Gulf")
    on_gulf = confirmed(client, "gulf@example.org", regions=[gulf.slug])
    now = timezone.now()
    make_article(
        "Before the sign-up", topics=[iran], published_at=now - timedelta(days=3)
    )
    Subscriber.objects.update(last_digest_at=now - timedelta(days=2))
    sanctions = make_article(
        "Sanctions on Iran",
        topics=[iran],
        languages=("en", "ar"),
        published_at=now - timedelta(hours=2),
    )
    oil = make_article(
        "Oil markets",
        topics=[energy],
        regions=[gulf],
        published_at=now - timedelta(hours=1),
    )
    make_article("A draft", topics=[iran], status="draft")
    mail.outbox.clear()
    call_command("send_digest", stdout=io.StringIO())
    sent = {m.to[0]: m for m in mail.outbox}
    assert set(sent) == {everything.email, on_iran.email, arabic.email, on_gulf.email}
    assert "Oil markets" in sent[on_gulf.email].body
    assert "Sanctions on Iran" not in sent[on_gulf.email].body
    assert "Sanctions on Iran" in sent[everything.email].body
    assert "Oil markets" in sent[everything.email].body
    assert "Oil markets" not in sent[on_iran.email].body
    assert "Before the sign-up" not in sent[everything.email].body
    assert sanctions.url_in("ar") in sent[arabic.email].body
    assert "Oil markets" not in sent[arabic.email].body
    for message in mail.outbox:
        assert (
            message.extra_headers["List-Unsubscribe-Post"]
            == "List-Unsubscribe=One-Click"
        )
        assert links(message, "unsubscribe")
    assert DigestItem.objects.filter(subscriber=on_iran).count() == 1
    # A second run sends nothing new.
    mail.outbox.clear()
    call_command("send_digest", stdout=io.StringIO())
    assert mail.outbox == []
    # An unsubscribed reader gets nothing; a new piece goes to the others.
    services.unsubscribe(everything)
    make_article(
        "Iran talks", topics=[iran], published_at=timezone.now() - timedelta(minutes=1)
    )
    call_command("send_digest", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [[on_iran.email]]
    assert oil.pk not in DigestItem.objects.filter(subscriber=on_iran).values_list(
        "article_id", flat=True
    )


def test_the_admin_exports_subscribers_as_csv(admin_client, client):
    iran = make_topic("Iran")
    confirmed(client, "one@example.org", topics=[iran.slug])
    gulf = make_region("Gulf")
    confirmed(client, "two@example.org", prefix="/ar", regions=[gulf.slug])
    changelist = admin_url(Subscriber(), "changelist")
    listing = get_page(admin_client, changelist)
    assert "one@example.org" in text(listing)
    response = admin_client.post(
        changelist,
        {
            "action": "export_csv",
            "_selected_action": [
                str(pk) for pk in Subscriber.objects.values_list("pk", flat=True)
            ],
        },
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "email",
        "language",
        "topics",
        "regions",
        "status",
        "signed_up",
        "confirmed",
    ]
    assert [row[:5] for row in rows[1:]] == [
        ["one@example.org", "en", iran.slug, "", "confirmed"],
        ["two@example.org", "ar", "", gulf.slug, "confirmed"],
    ]


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_the_sign_up_page_offers_the_topics_and_works_without_javascript(
    client, prefix
):
    make_topic("Iran")
    tree = get_page(client, f"{prefix}/newsletter")
    form = one(tree, "//main//form")
    assert (form.get("method"), form.get("action")) == ("post", f"{prefix}/newsletter")
    # No third-party script: whatever script there is comes from the site.
    assert all(src.startswith("/static/") for src in tree.xpath("//script/@src"))
    assert one(form, ".//input[@type='email']").get("name") == "email"
    assert [box.get("value") for box in form.xpath(".//input[@type='checkbox']")] == [
        "iran"
    ]
    if prefix:
        assert tree.get("dir") == "rtl"
        assert text(one(tree, "//h1")) == "النشرة البريدية"
        errors = text(
            one(parse(sign_up(client, "x", prefix), 400), by_class("form-errors"))
        )
        assert "عنوان بريد إلكتروني صالحًا" in errors


def test_send_digest_reports_what_it_did(client):
    confirmed(client)
    Subscriber.objects.update(last_digest_at=timezone.now() - timedelta(days=1))
    make_article("Fresh", published_at=timezone.now() - timedelta(hours=1))
    out = io.StringIO()
    call_command("send_digest", stdout=out)
    assert (
        out.getvalue().strip() == "1 subscriber(s) queued; 1 article(s) sent at once."
    )
