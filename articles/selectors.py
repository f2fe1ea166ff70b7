"""Reads for the article pages that span several tables."""

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.db.models.query import QuerySet

from articles.models import Article, Authorship, Recommendation
from taxonomy.models import Region, Topic

#: How much each kind of overlap counts when the rail is filled automatically.
SHARED_AUTHOR_WEIGHT = 3
SHARED_TOPIC_WEIGHT = 2
SHARED_REGION_WEIGHT = 1


def _shared_count(through, column: str, article: Article) -> Coalesce:
    """How many ``column`` values a candidate (``OuterRef``) shares with ``article``, as a subquery."""
    own = through.objects.filter(article_id=article.pk).values(column)
    shared = (
        through.objects.filter(article_id=OuterRef("pk"), **{f"{column}__in": own})
        .order_by()
        .values("article_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(shared, output_field=IntegerField()), Value(0))


def recommended_articles(
    article: Article, *, language_code: str, limit: int = 3
) -> QuerySet[Article]:
    """
    The "Recommended" rail: the editor's picks that are live in ``language_code``,
    in the editor's order, then live work sharing authors (weight 3), topics (2)
    or regions (1) with ``article``, highest score and newest first.

    Scoring, ordering and the limit all happen in SQL: one query for the rail
    and one for its bylines, however large the archive.
    """
    picks = Recommendation.objects.filter(
        article_id=article.pk, recommended=OuterRef("pk")
    )
    score = (
        _shared_count(Authorship, "expert_id", article) * SHARED_AUTHOR_WEIGHT
        + _shared_count(Article.topics.through, "topic_id", article)
        * SHARED_TOPIC_WEIGHT
        + _shared_count(Article.regions.through, "region_id", article)
        * SHARED_REGION_WEIGHT
    )
    return (
        Article.objects.live(language_code)
        .exclude(pk=article.pk)
        .annotate(
            is_pick=Exists(picks),
            pick_order=Subquery(picks.values("order")[:1]),
            score=score,
        )
        .filter(Q(is_pick=True) | Q(score__gt=0))
        .order_by(
            "-is_pick",
            F("pick_order").asc(nulls_last=True),
            "-score",
            "-published_at",
            "-pk",
        )
        .for_listing()[:limit]
    )


def path_term(slug: str) -> Topic | Region | None:
    """The topic or region whose landing lives at ``/policy-analysis/<slug>``, if any."""
    return (
        Topic.objects.filter(slug=slug).first()
        or Region.objects.filter(slug=slug).first()
    )
