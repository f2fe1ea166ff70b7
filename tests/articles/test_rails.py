"""
The stored rails (articles/rails.py) give exactly the rail the definition
gives, however the archive changes: scored in the test from scratch (the
oracle below), compared for every article and language after each change.
"""

import io
import random
from collections import defaultdict
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles import rails
from articles.models import Article, Authorship, RelatedArticle, Status
from articles.selectors import recommended_articles
from history import services as history
from tests.factories import (
    committed,
    make_article,
    make_expert,
    make_region,
    make_topic,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ar")


def oracle(article, language, relations, limit=3):
    """The definition: picks live in the language, then shared authors 3, topics 2, regions 1, newest."""
    live = {a.pk: a for a in Article.objects.live(language).exclude(pk=article.pk)}
    picks = [
        link.recommended_id
        for link in article.recommendation_links.order_by("order", "pk")
        if link.recommended_id in live
    ]
    weights = {"authors": 3, "topics": 2, "regions": 1}
    scored = []
    for pk, other in live.items():
        if pk in picks:
            continue
        score = sum(
            weight * len(relations[name][article.pk] & relations[name][pk])
            for name, weight in weights.items()
        )
        if score:
            scored.append((score, other.published_at, pk))
    scored.sort(reverse=True)
    return (picks + [pk for _s, _p, pk in scored])[:limit]


def relations_now():
    """{relation: {article id: set of ids}} as stored now."""
    found = {name: defaultdict(set) for name in ("authors", "topics", "regions")}
    for article_id, expert_id in Authorship.objects.values_list(
        "article_id", "expert_id"
    ):
        found["authors"][article_id].add(expert_id)
    for name in ("topics", "regions"):
        through = getattr(Article, name).through
        column = f"{name[:-1]}_id"
        for article_id, term_id in through.objects.values_list("article_id", column):
            found[name][article_id].add(term_id)
    return found


def stored_rails_agree():
    relations = relations_now()
    for article in Article.objects.all():
        for language in LANGUAGES:
            got = [a.pk for a in recommended_articles(article, language_code=language)]
            assert got == oracle(article, language, relations), (article.pk, language)


@pytest.fixture(params=["as configured", "short lists"])
def archive(request, monkeypatch):
    """
    Forty articles with overlapping authors, topics and regions, in one or two
    languages; and again with lists kept so short that every change refills some.
    """
    if request.param == "short lists":
        monkeypatch.setattr(rails, "KEEP", 5)
        monkeypatch.setattr(rails, "REFILL_BELOW", 4)
    rng = random.Random(7)
    experts = [make_expert() for _ in range(6)]
    topics = [make_topic() for _ in range(5)]
    regions = [make_region() for _ in range(4)]
    articles = []
    for n in range(40):
        articles.append(
            make_article(
                authors=rng.sample(experts, rng.randint(1, 2)),
                topics=rng.sample(topics, rng.randint(0, 2)),
                regions=rng.sample(regions, rng.randint(0, 2)),
                languages=("en", "ar") if n % 3 else ("en",),
                published_at=timezone.now() - timedelta(days=rng.randint(1, 900)),
                recommended=rng.sample(articles, 1) if articles and n % 7 == 0 else (),
            )
        )
    return {
        "rng": rng,
        "experts": experts,
        "topics": topics,
        "regions": regions,
        "articles": articles,
    }


def test_every_rail_matches_the_definition(archive):
    assert RelatedArticle.objects.exists()
    stored_rails_agree()


def test_rails_follow_every_kind_of_change(archive):
    rng = archive["rng"]
    articles = archive["articles"]
    with committed():  # a new piece joins the rails it ranks in
        make_article(
            authors=archive["experts"][:2],
            topics=archive["topics"][:2],
            regions=archive["regions"][:1],
            languages=("en", "ar"),
        )
    stored_rails_agree()
    with committed():  # withdrawn from one language
        article = Article.objects.get(pk=articles[4].pk)
        article.available_ar = False
        article.save()
    stored_rails_agree()
    with committed():  # archived
        article = Article.objects.get(pk=articles[5].pk)
        article.status = Status.ARCHIVED
        article.save()
    stored_rails_agree()
    with committed():  # its authors, topics and regions change
        article = Article.objects.get(pk=articles[6].pk)
        Authorship.objects.filter(article=article).delete()
        Authorship.objects.create(
            article=article, expert=archive["experts"][5], order=0
        )
        article.topics.set(archive["topics"][3:])
        article.regions.clear()
    stored_rails_agree()
    with committed():  # a topic loses articles from its own side
        archive["topics"][0].articles.remove(*articles[10:20])
    stored_rails_agree()
    with committed():  # trashed, then back
        history.trash(Article.objects.get(pk=articles[7].pk))
    stored_rails_agree()
    with committed():
        history.untrash(Article.all_objects.get(pk=articles[7].pk))
    stored_rails_agree()
    with committed():  # moved back in time
        article = Article.objects.get(pk=articles[8].pk)
        article.published_at -= timedelta(days=2000)
        article.save()
    stored_rails_agree()
    with committed():  # deleted for good
        Article.objects.get(pk=articles[9].pk).delete()
    stored_rails_agree()
    for _ in range(15):  # and a run of random withdrawals and returns
        with committed():
            article = Article.objects.get(pk=rng.choice(articles[11:]).pk)
            article.available_en = not article.available_en
            article.save()
        stored_rails_agree()


def test_a_rail_is_drawn_from_the_article_own_neighbourhood(
    archive, django_assert_num_queries
):
    """One statement, whatever the archive holds."""
    article = archive["articles"][20]
    with django_assert_num_queries(1):
        recommended_articles(article, language_code="en")


def test_the_command_scores_every_rail_afresh(archive):
    RelatedArticle.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_rails", stdout=out)
    assert "rail candidates stored" in out.getvalue()
    stored_rails_agree()
