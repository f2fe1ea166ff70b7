"""Staff preview and share links: drafts shown to the right people only, never cached or indexed."""

import uuid
from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.admin_forms import change_url
from tests.factories import make_article, make_expert, make_topic
from tests.html import parse
from tests.workflow.conftest import client_for
from tests.workflow.helpers import press
from workflow import sharing
from workflow.models import ShareLink, ShareLinkOpening
from workflow.roles import CONTRIBUTOR, EDITOR, EXPERT_MANAGER

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    article = make_article(
        "A draft on water security",
        status=Status.DRAFT,
        languages=("en", "ar"),
        authors=[make_expert("Jane Draftwriter")],
        topics=[make_topic("Water")],
        title_ar="مسودة عن الأمن المائي",
    )
    article.available_en = article.available_ar = False
    article.save()
    return article


def assert_private(response):
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "noindex" in response["X-Robots-Tag"]


def preview_url(article, code):
    return reverse("admin:articles_article_preview", args=[article.pk, code])


@pytest.mark.parametrize(
    ("code", "title"),
    [("en", "A draft on water security"), ("ar", "مسودة عن الأمن المائي")],
)
def test_preview_renders_the_public_page_in_each_language(
    client, users, draft, code, title
):
    """Staff see the draft with the public template, in the language asked, marked noindex."""
    client_for(client, users[EDITOR])
    response = client.get(preview_url(draft, code))
    assert response.status_code == 200
    assert_private(response)
    page = parse(response)
    assert page.xpath("string(//h1[@class='article__title'])") == title
    assert page.get("lang") == code
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert page.xpath("//*[contains(@class, 'preview-notice')]")
    # No admin chrome, no link to the draft's own (unpublished) addresses.
    assert not page.xpath("//a[contains(@href, '/admin/')]")
    assert not page.xpath("//link[@rel='canonical']")
    assert not page.xpath(f"//a[@href='{draft.url_in('en')}']")


def test_preview_is_staff_only(client, users, draft):
    """Anonymous readers are sent to log in; roles without articles are refused."""
    assert "/login/" in client.get(preview_url(draft, "en"))["Location"]
    client_for(client, users[EXPERT_MANAGER])
    assert client.get(preview_url(draft, "en")).status_code == 403
    client_for(client, users["other contributor"])
    assert client.get(preview_url(draft, "en")).status_code == 403


def test_change_page_links_to_preview(client, users, draft):
    client_for(client, users[EDITOR])
    hrefs = parse(client.get(change_url(draft))).xpath(
        "//a[contains(@class, 'previewlink')]/@href"
    )
    assert hrefs == [preview_url(draft, "en"), preview_url(draft, "ar")]


def test_editor_creates_a_share_link_that_opens_the_draft(client, users, draft):
    """The share button makes a link; anyone holding it reads that language, and each opening is logged."""
    client_for(client, users[EDITOR])
    response = press(client, draft, "share_ar")
    assert response.status_code == 302
    link = ShareLink.objects.get(article=draft)
    assert link.language == "ar"
    assert link.created_by == users[EDITOR]
    url = sharing.link_url(link)
    messages = client.get(change_url(draft)).content.decode()
    assert url in messages

    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    assert_private(response)
    page = parse(response)
    assert page.get("lang") == "ar"
    assert page.xpath("string(//h1)") == "مسودة عن الأمن المائي"
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert not page.xpath("//a[contains(@href, '/admin/')]")
    # Nothing else about the draft: no link to its English version or its addresses.
    assert not page.xpath("//a[@hreflang='en' and contains(@href, 'water')]")
    assert not page.xpath(f"//a[contains(@href, '{draft.slug_en}')]")
    assert ShareLinkOpening.objects.filter(link=link, accepted=True).count() == 1


def make_link(article, user, **fields):
    link = sharing.create_link(article, "en", user)
    for name, value in fields.items():
        setattr(link, name, value)
    link.save()
    return link


def test_expired_link_is_refused(client, users, draft):
    link = make_link(
        draft, users[EDITOR], expires_at=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(sharing.link_url(link))
    assert response.status_code == 404
    assert_private(response)
    assert "water security" not in response.content.decode()
    assert ShareLinkOpening.objects.filter(link=link, accepted=False).count() == 1


def test_revoked_link_is_refused(client, users, draft):
    """Revoking from the share link admin ends the link at once."""
    link = make_link(draft, users[EDITOR])
    assert client.get(sharing.link_url(link)).status_code == 200
    client_for(client, users[EDITOR])
    client.post(
        reverse("admin:workflow_sharelink_changelist"),
        {"action": "revoke", "index": 0, "_selected_action": [link.pk]},
    )
    client.logout()
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert client.get(sharing.link_url(link)).status_code == 404


def _changed(token, index):
    """``token`` with the character at ``index`` replaced by a different one."""
    other = "1" if token[index] == "0" else "0"
    return token[:index] + other + token[index + 1 :]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: _changed(token, -1),
        lambda token: _changed(token, 0),
        lambda token: signing.TimestampSigner().sign(token.split(":")[0]),
        lambda token: "not-a-token",
    ],
    ids=["signature", "id", "other-salt", "garbage"],
)
@pytest.mark.parametrize("first", ["0", "a"])
def test_tampered_token_is_refused(client, users, draft, tamper, first):
    """
    Defect 17: an altered token opens nothing, whatever character the link's
    id starts with (a changed "0" used to be left a "0": the token still worked).
    """
    link = ShareLink.objects.create(
        id=uuid.UUID(first + uuid.uuid4().hex[1:]),
        article=draft,
        language="en",
        created_by=users[EDITOR],
        expires_at=timezone.now() + timedelta(days=1),
    )
    token = sharing.token_for(link)
    # The untampered token opens the draft: only the tampering is refused.
    assert client.get(reverse("share_link", args=[token])).status_code == 200
    tampered = tamper(token)
    assert tampered != token
    response = client.get(reverse("share_link", args=[tampered]))
    assert response.status_code == 404
    assert "water security" not in response.content.decode()


def test_contributor_cannot_make_share_links(client, users, draft):
    draft.created_by = users[CONTRIBUTOR]
    draft.save()
    client_for(client, users[CONTRIBUTOR])
    press(client, draft, "share_en")
    assert not ShareLink.objects.exists()
