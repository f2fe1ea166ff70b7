"""An unpublished article never reaches anonymous readers, through any public URL, in either language."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Status
from tests.factories import make_article, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db

WORD = "Zanzibarquokka"
WORD_AR = "زنجبارية"

UNPUBLISHED = [
    Status.DRAFT,
    Status.IN_REVIEW,
    Status.CHANGES_REQUESTED,
    Status.APPROVED,
    Status.SCHEDULED,
    Status.ARCHIVED,
]


def public_urls(article, expert, topic, region):
    urls = [
        reverse("sitemap"),
        *(
            reverse("sitemap_section", kwargs={"section": section})
            for section in ("articles", "experts", "topics", "regions")
        ),
        "/robots.txt",
    ]
    for code in ("en", "ar"):
        with translation.override(code):
            urls += [
                reverse("home"),
                reverse("article_list"),
                reverse("search") + f"?q={WORD}",
                reverse("search") + f"?q={WORD_AR}",
                reverse("feed_latest_rss"),
                reverse("feed_latest_atom"),
                reverse("feed_topic_rss", args=[topic.slug]),
                reverse("feed_expert_rss", args=[expert.slug]),
                reverse("feed_region_atom", args=[region.slug]),
                reverse("policy_analysis", args=[topic.slug]),
                reverse("policy_analysis", args=[region.slug]),
                reverse("experts:detail", args=[expert.slug]),
                article.url_in(code),
                article.url_in(code) + "/cite.bib",
                reverse("legacy_policy_analysis", args=[article.slug_en]),
            ]
    return urls


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_unpublished_article_is_nowhere(client, status):
    """Even ticked for both languages and dated in the past (or, scheduled, the future)."""
    expert, topic, region = make_expert(), make_topic(), make_region()
    when = (
        timezone.now() + timedelta(days=1)
        if status == Status.SCHEDULED
        else timezone.now() - timedelta(days=1)
    )
    article = make_article(
        f"{WORD} water talks",
        status=status,
        published_at=when,
        languages=("en", "ar"),
        title_ar=f"محادثات المياه {WORD_AR}",
        summary_en=f"{WORD} summary.",
        summary_ar=f"{WORD_AR} summary.",
        authors=[expert],
        topics=[topic],
        regions=[region],
    )
    # A published neighbour proves the pages list articles at all.
    make_article(
        "Visible neighbour", authors=[expert], topics=[topic], regions=[region]
    )
    seen = {}
    for url in public_urls(article, expert, topic, region):
        response = client.get(url, follow=True)
        body = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
        text = body.decode()
        # The title and summary (a search or a 404 page may echo the query or path, not these).
        leaks = ["water talks", "محادثات المياه", "summary."]
        links = [f'href="{article.url_in(code)}' for code in ("en", "ar")]
        links += [f"{article.url_in(code)}</" for code in ("en", "ar")]
        if any(leak in text for leak in leaks + links):
            seen[url] = response.status_code
    assert seen == {}
    translation.activate("en")
    assert "Visible neighbour" in client.get(reverse("article_list")).content.decode()
