"""Reads for the article pages that span several tables."""

from functools import cache

from django.conf import settings
from django.db.models import Q

from articles.models import (
    Article,
    ArticleType,
    Authorship,
    Recommendation,
    RelatedArticle,
    StaleTranslation,
    live_sql,
)
from core.i18n import language_codes, localized
from core.rows import (
    Columns,
    cache_related,
    converted,
    fetch,
    fill_prefetched,
    optional_instance,
    placeholders,
    quoted,
)
from experts.models import Expert
from library.models import Document, Image
from taxonomy.models import Region, Topic


def recommended_articles(
    article: Article, *, language_code: str, limit: int = 3
) -> list[Article]:
    """
    The "Recommended" rail: the editor's picks that are live in ``language_code``,
    in the editor's order, then live work sharing authors (weight 3), topics (2)
    or regions (1) with ``article``, highest score and newest first.

    The fill-up is scored ahead of time (``articles.rails``): one query reads
    the picks and the stored candidates together, whatever the archive's size.
    Bylines are not loaded: ``with_bylines()`` loads them for the page at once.
    """
    sql, articles, types, images = _rail_query(language_code)
    _live, live_params = live_sql("a", language_code)
    # Picks first: at most ``limit`` of them show, and as many of the scored
    # candidates may repeat them, so twice the limit is always enough.
    rows = fetch(
        sql,
        [article.pk, article.pk, language_code, article.pk, *live_params, 2 * limit],
    )
    picked, scored, known_types = {}, {}, {}
    for row in rows:
        candidate = articles.instance(row)
        if candidate.type_id not in known_types:
            known_types[candidate.type_id] = types.instance(row[len(articles) :])
        cache_related(candidate, "type", known_types[candidate.type_id])
        offset = len(articles) + len(types)
        cache_related(candidate, "lead_image", optional_instance(images, row[offset:]))
        pick_order, score = row[-2:]
        if pick_order is not None:
            picked.setdefault(candidate.pk, (pick_order, candidate))
        else:
            scored[candidate.pk] = (score, candidate)
    rail = [c for _o, c in sorted(picked.values(), key=lambda p: (p[0], p[1].pk))]
    rail += [
        candidate
        for _score, candidate in sorted(
            scored.values(),
            key=lambda s: (s[0], s[1].published_at, s[1].pk),
            reverse=True,
        )
        if candidate.pk not in picked
    ]
    return rail[:limit]


@cache
def _rail_query(language_code: str) -> tuple[str, Columns, Columns, Columns]:
    """The rail's statement in ``language_code`` (its text depends on nothing else)."""
    articles = Columns(Article, RAIL_FIELDS, alias="a")
    types = Columns(ArticleType, alias="t")
    images = Columns(Image, alias="li")
    live, _params = live_sql("a", language_code)
    sql = (
        f"SELECT {articles.sql}, {types.sql}, {images.sql}, c.pick_order, c.score FROM ("
        f" SELECT recommended_id AS id, {quoted('order')} AS pick_order, NULL AS score"
        f" FROM {Recommendation._meta.db_table} WHERE article_id = %s"
        " UNION ALL"
        " SELECT related_id, NULL, score"
        f" FROM {RelatedArticle._meta.db_table} WHERE article_id = %s AND language = %s"
        f") c JOIN {Article._meta.db_table} a ON a.id = c.id"
        f" JOIN {ArticleType._meta.db_table} t ON t.id = a.type_id"
        f" LEFT JOIN {Image._meta.db_table} li ON li.id = a.lead_image_id"
        f" WHERE a.id <> %s AND {live}"
        " ORDER BY c.pick_order IS NULL, c.pick_order, c.score DESC,"
        " a.published_at DESC, a.id DESC LIMIT %s"
    )
    return sql, articles, types, images


#: What a rail item (a card) shows; the other columns are left deferred.
RAIL_FIELDS = [
    "id",
    "type",
    "status",
    "published_at",
    "deleted_at",
    "series",
    "series_number",
    "series_label",
    "lead_image",
    "lead_image_decorative",
    *(
        localized(name, code)
        for name in ("lead_image_alt", "lead_image_caption", "lead_image_credit")
        for code in language_codes()
    ),
    *(
        localized(name, code)
        for name in ("title", "subtitle", "slug", "available")
        for code in language_codes()
    ),
]


def with_bylines(articles: list[Article]) -> None:
    """Load the bylines (authorships and their experts) of ``articles`` in one query."""
    articles = [article for article in articles if article is not None]
    if not articles:
        return
    authorships, experts, headshots = _byline_columns()
    rows = fetch(
        f"SELECT {authorships.sql}, {experts.sql}, {headshots.sql}"
        f" FROM {Authorship._meta.db_table} au"
        f" JOIN {Expert._meta.db_table} e ON e.id = au.expert_id"
        f" LEFT JOIN {Image._meta.db_table} hi ON hi.id = e.headshot_id"
        f" WHERE au.article_id IN ({placeholders(len(articles))})"
        f" ORDER BY au.article_id, au.{quoted('order')}, au.id",
        [article.pk for article in articles],
    )
    by_article = {article.pk: [] for article in articles}
    owners = {article.pk: article for article in articles}
    for row in rows:
        authorship = authorships.instance(row)
        expert = experts.instance(row[len(authorships) :])
        offset = len(authorships) + len(experts)
        cache_related(expert, "headshot", optional_instance(headshots, row[offset:]))
        cache_related(authorship, "expert", expert)
        cache_related(authorship, "article", owners[authorship.article_id])
        by_article[authorship.article_id].append(authorship)
    for article in articles:
        fill_prefetched(article, "authorships", by_article[article.pk])


@cache
def _byline_columns() -> tuple[Columns, Columns, Columns]:
    return (
        Columns(Authorship, alias="au"),
        Columns(Expert, alias="e"),
        Columns(Image, alias="hi"),
    )


def article_for_page(slug: str, language_code: str) -> Article | None:
    """
    The article live at ``slug`` in ``language_code``, with all its page shows:
    its type, topics and regions, its bylines, ``article.rail`` (with theirs)
    and, for a translation, ``article.stale_since`` (when its English text
    changed since, or None). Five statements, whatever the article or the
    archive; ``Article.objects.live(language_code).for_detail()`` is the same read in ORM terms.
    """
    sql, articles, types, images, documents = _page_query(language_code)
    _live, live_params = live_sql("a", language_code)
    params = [slug, *live_params]
    if language_code != settings.LANGUAGE_CODE:
        params = [*StaleTranslation.columns_in(language_code), *params]
    rows = fetch(sql, params)
    if not rows:
        return None
    row = rows[0]
    article = articles.instance(row)
    cache_related(article, "type", types.instance(row[len(articles) :]))
    offset = len(articles) + len(types)
    cache_related(article, "lead_image", optional_instance(images, row[offset:]))
    offset += len(images)
    cache_related(article, "pdf", optional_instance(documents, row[offset:]))
    if language_code != settings.LANGUAGE_CODE:
        article.stale_since = converted(
            row[-1], StaleTranslation._meta.get_field("since")
        )
    _with_terms(article)
    article.rail = recommended_articles(article, language_code=language_code)
    with_bylines([article, *article.rail])
    return article


@cache
def _page_query(language_code: str) -> tuple[str, Columns, Columns, Columns, Columns]:
    articles = Columns(Article, alias="a")
    types = Columns(ArticleType, alias="t")
    images = Columns(Image, alias="li")
    documents = Columns(Document, alias="ld")
    live, _params = live_sql("a", language_code)
    stale = ""
    if language_code != settings.LANGUAGE_CODE:
        stale = (
            ", (SELECT MAX(s.since)"
            f" FROM {StaleTranslation._meta.db_table} s"
            " WHERE s.article_id = a.id"
            f" AND s.field IN ({placeholders(len(StaleTranslation.columns_in(language_code)))}))"
        )
    slug = Article._meta.get_field(localized("slug", language_code)).column
    sql = (
        f"SELECT {articles.sql}, {types.sql}, {images.sql}, {documents.sql}{stale}"
        f" FROM {Article._meta.db_table} a"
        f" JOIN {ArticleType._meta.db_table} t ON t.id = a.type_id"
        f" LEFT JOIN {Image._meta.db_table} li ON li.id = a.lead_image_id"
        f" LEFT JOIN {Document._meta.db_table} ld ON ld.id = a.pdf_id"
        f" WHERE a.{quoted(slug)} = %s AND {live}"
    )
    return sql, articles, types, images, documents


def _with_terms(article: Article) -> None:
    """Load the article's topics and regions (in the editors' order) in one query."""
    topics, regions = _term_columns()
    parts = []
    for kind, columns, model, column in (
        ("topic", topics, Topic, "topic_id"),
        ("region", regions, Region, "region_id"),
    ):
        through = getattr(Article, f"{kind}s").through._meta.db_table
        parts.append(
            f"SELECT '{kind}', {columns.sql} FROM {model._meta.db_table} x"
            f" JOIN {through} r ON r.{column} = x.id WHERE r.article_id = %s"
        )
    rows = fetch(" UNION ALL ".join(parts), [article.pk, article.pk])
    found = {"topic": [], "region": []}
    for kind, *values in rows:
        columns = topics if kind == "topic" else regions
        found[kind].append(columns.instance(values))
    for kind, terms in found.items():
        terms.sort(key=lambda term: (term.sort_order, term.slug))
        fill_prefetched(article, f"{kind}s", terms)


@cache
def _term_columns() -> tuple[Columns, Columns]:
    return Columns(Topic, alias="x"), Columns(Region, alias="x")


def path_term(slug: str) -> Topic | Region | None:
    """The topic or region whose landing lives at ``/policy-analysis/<slug>``, if any."""
    return (
        Topic.objects.filter(slug=slug).first()
        or Region.objects.filter(slug=slug).first()
    )


def article_by_any_slug(slug: str) -> Article | None:
    """
    The article some reader may see whose slug in any language is ``slug``:
    for an address that names no article in its own language (the English
    slug under /ar/, or an Arabic version not published). One query on the
    slug columns' unique indexes, never a scan.
    """
    by_slug = Q()
    for code in language_codes():
        by_slug |= Q(**{localized("slug", code): slug})
    fields = [
        localized(name, code)
        for name in ("slug", "title", "available")
        for code in language_codes()
    ]
    return (
        Article.objects.live_in_any_language()
        .filter(by_slug)
        .only("status", "published_at", "deleted_at", *fields)
        .first()
    )
