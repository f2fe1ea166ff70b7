"""Every API endpoint × every state readers may not see × every language: the article appears nowhere."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Status
from history.services import trash
from tests.factories import make_article, make_expert, make_region, make_topic
from tests.workflow.test_public_visibility import UNPUBLISHED, WORD, WORD_AR

pytestmark = pytest.mark.django_db

#: The states a piece may be in that readers never see: each status, plus a
#: published piece in the trash, one whose unpublication has come, one whose
#: language was not published, and one whose language goes live later.
STATES = [
    *UNPUBLISHED,
    "trashed",
    "unpublished_at",
    "language_not_published",
    "language_later",
]


def _article(state, expert, topic, region):
    when = timezone.now() - timedelta(days=1)
    fields = {}
    status = Status.PUBLISHED
    languages = ("en", "ar")
    if state in UNPUBLISHED:
        status = state
        if state == Status.SCHEDULED:
            when = timezone.now() + timedelta(days=1)
    elif state == "unpublished_at":
        fields["unpublish_at"] = timezone.now() - timedelta(hours=1)
        when = timezone.now() - timedelta(days=2)
    elif state == "language_not_published":
        languages = ()
    elif state == "language_later":
        fields["live_from_en"] = fields["live_from_ar"] = timezone.now() + timedelta(
            days=1
        )
    article = make_article(
        f"{WORD} water talks",
        status=status,
        published_at=when,
        languages=languages,
        title_ar=f"محادثات المياه {WORD_AR}",
        summary_en=f"{WORD} summary.",
        summary_ar=f"{WORD_AR} summary.",
        authors=[expert],
        topics=[topic],
        regions=[region],
        **fields,
    )
    if state == "language_not_published":
        article.title_ar = f"محادثات المياه {WORD_AR}"
        article.save()
    if state == "trashed":
        trash(article, None)
    return article


@pytest.mark.parametrize("state", STATES)
def test_no_endpoint_shows_what_readers_may_not_see(client, state):
    expert, topic, region = make_expert(), make_topic(), make_region()
    article = _article(state, expert, topic, region)
    # A live neighbour proves the lists list at all (positive control).
    neighbour = make_article(
        "Visible neighbour",
        languages=("en", "ar"),
        authors=[expert],
        topics=[topic],
        regions=[region],
    )
    seen = {}
    for language in ("en", "ar"):
        urls = [
            "/api/v1/articles",
            f"/api/v1/articles?topic={topic.slug}",
            f"/api/v1/articles?region={region.slug}",
            f"/api/v1/articles?expert={expert.slug}",
            f"/api/v1/articles?q={WORD}",
            f"/api/v1/articles?q={WORD_AR}",
            f"/api/v1/articles/{article.slug_en}",
            f"/api/v1/articles/{article.slug_ar}" if article.slug_ar else None,
            f"/api/v1/articles/{neighbour.slug_en}",
            f"/api/v1/articles/{neighbour.slug_ar}",
            "/api/v1/experts",
            f"/api/v1/experts/{expert.slug}",
            "/api/v1/topics",
            f"/api/v1/topics/{topic.slug}",
            "/api/v1/regions",
            f"/api/v1/regions/{region.slug}",
            "/api/v1/article-types",
        ]
        for url in filter(None, urls):
            sep = "&" if "?" in url else "?"
            response = client.get(f"{url}{sep}lang={language}")
            assert response.status_code in (200, 404), url
            text = response.content.decode("unicode_escape", errors="ignore")
            raw = response.content.decode()
            if any(
                leak in page
                for page in (text, raw)
                for leak in (
                    "water talks",
                    "محادثات المياه",
                    WORD,
                    f'"id": {article.pk},',
                )
            ):
                seen[(url, language)] = response.status_code
    assert seen == {}
    listed = client.get("/api/v1/articles?lang=ar").json()["items"]
    assert [item["id"] for item in listed] == [neighbour.pk]
