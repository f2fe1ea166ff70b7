"""
The automatic fill-up of the "Recommended" rail, kept ahead of time.

An article's rail is the editor's picks, then live work that shares authors
(3 points each), topics (2) or regions (1) with it, highest score first, then
newest, then highest id. Scoring the archive while a reader waits would cost
more the larger the archive grows, so the scored candidates are kept in
``RelatedArticle``: for each article and language, the best ``KEEP`` live
candidates in that language. Drawing a rail reads those rows (one indexed
lookup); ``recommended_articles()`` merges them with the picks.

What is stored for an article and a language is always the exact head of
its ranking: its first ``n`` candidates, with ``n >= REFILL_BELOW`` unless
fewer exist. ``refresh(ids)`` keeps it so after the articles ``ids`` changed
(text aside: their status, date, languages, trash, authors, topics or
regions):

1. the lists of the changed articles are scored afresh;
2. a changed article leaves every other list; a list that drops below
   ``REFILL_BELOW`` rows is scored afresh;
3. a changed article that is live in a language joins the lists of the
   articles it shares something with, where it ranks among the stored head
   (the list's last row is dropped when it holds ``KEEP``).

Every step reads from an article's own authors, topics and regions through
the indexed relation tables, so its cost follows the size of the article's
neighbourhood, not of the archive. ``rebuild()`` scores every list (after a
bulk load).
"""

import heapq
import itertools
from collections.abc import Iterable, Iterator
from datetime import datetime

from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.tasks import task
from django.utils import timezone

from articles.models import (
    Article,
    Authorship,
    RelatedArticle,
    live_fields,
    live_sql,
)
from core import pagecache
from core.commits import after_commit
from core.i18n import language_codes

#: Rows kept per article and language.
KEEP = 12
#: A list shorter than this (when more candidates exist) is scored afresh: a
#: rail shows 3 pieces, and up to 3 of the stored ones may be editor's picks.
REFILL_BELOW = 6
#: Articles scored per statement.
BATCH = 400

WEIGHTS = {"authors": 3, "topics": 2, "regions": 1}


def _tables() -> dict[str, tuple[str, str]]:
    """Relation -> (table, column of the shared thing), the article column being ``article_id``."""
    return {
        "authors": (Authorship._meta.db_table, "expert_id"),
        "topics": (Article.topics.through._meta.db_table, "topic_id"),
        "regions": (Article.regions.through._meta.db_table, "region_id"),
    }


def _pairs_sql(placeholders: str) -> str:
    """``(src, dst, w)``: each thing ``src`` shares with another article ``dst``, weighted."""
    parts = [
        f"SELECT s.article_id AS src, d.article_id AS dst, {WEIGHTS[name]} AS w "
        f"FROM {table} s JOIN {table} d ON d.{column} = s.{column} "
        f"WHERE s.article_id IN ({placeholders}) AND d.article_id <> s.article_id"
        for name, (table, column) in _tables().items()
    ]
    return " UNION ALL ".join(parts)


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ids = sorted(set(ids))
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def ranked(source_ids: list[int], language_code: str, limit: int | None = None):
    """``(src, dst, score, published_at)``: the best ``limit`` (``KEEP``) candidates of each source."""
    placeholders = ", ".join(["%s"] * len(source_ids))
    live, live_params = live_sql("a", language_code)
    sql = (
        "SELECT src, dst, score, published_at FROM ("
        " SELECT p.src, p.dst, SUM(p.w) AS score, a.published_at,"
        "  ROW_NUMBER() OVER (PARTITION BY p.src"
        "   ORDER BY SUM(p.w) DESC, a.published_at DESC, p.dst DESC) AS position"
        f" FROM ({_pairs_sql(placeholders)}) p"
        f" JOIN {Article._meta.db_table} a ON a.id = p.dst"
        f" WHERE {live}"
        " GROUP BY p.src, p.dst, a.published_at"
        ") ranked WHERE position <= %s"
    )
    params = [*source_ids * len(WEIGHTS), *live_params, limit or KEEP]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        yield from cursor.fetchall()


def _to_datetime(value) -> datetime:
    if isinstance(value, datetime):
        return (
            value
            if timezone.is_aware(value)
            else timezone.make_aware(value, timezone.UTC)
        )
    field = Article._meta.get_field("published_at")
    return _to_datetime(field.to_python(value))


def score_afresh(article_ids: Iterable[int], language_codes_=None) -> None:
    """Replace the stored lists of ``article_ids`` by their current best candidates."""
    for code in language_codes_ or language_codes():
        for chunk in _chunks(article_ids):
            rows = [
                RelatedArticle(
                    article_id=src,
                    language=code,
                    related_id=dst,
                    score=score,
                    related_published_at=_to_datetime(published_at),
                )
                for src, dst, score, published_at in ranked(chunk, code)
            ]
            RelatedArticle.objects.filter(article_id__in=chunk, language=code).delete()
            RelatedArticle.objects.bulk_create(rows, batch_size=1000)


def _neighbours(article_id: int) -> dict[int, int]:
    """``{other article: score}`` of everything ``article_id`` shares something with."""
    sql = f"SELECT dst, SUM(w) FROM ({_pairs_sql('%s')}) p GROUP BY dst"
    with connection.cursor() as cursor:
        cursor.execute(sql, [article_id] * len(WEIGHTS))
        return dict(cursor.fetchall())


def _leave_lists(article_ids: set[int]) -> bool:
    """Take the changed articles out of other lists (refilling those that run short); any taken out?"""
    touched = set(
        RelatedArticle.objects.filter(related_id__in=article_ids)
        .exclude(article_id__in=article_ids)
        .values_list("article_id", "language")
    )
    if not touched:
        return False
    RelatedArticle.objects.filter(related_id__in=article_ids).exclude(
        article_id__in=article_ids
    ).delete()
    counts = {}
    for owner, code in RelatedArticle.objects.filter(
        article_id__in={owner for owner, _code in touched}
    ).values_list("article_id", "language"):
        counts[owner, code] = counts.get((owner, code), 0) + 1
    short = {}
    for owner, code in touched:
        if counts.get((owner, code), 0) < REFILL_BELOW:
            short.setdefault(code, set()).add(owner)
    for code, owners in short.items():
        score_afresh(owners, [code])
    return True


def _join_lists(article: Article, skip: set[int]) -> None:
    """Put ``article`` into the lists of its neighbours where it ranks among the stored head."""
    neighbours = {
        owner: score
        for owner, score in _neighbours(article.pk).items()
        if owner not in skip
    }
    if not neighbours:
        return
    for code in article.live_languages():
        stored = {}
        for owner, score, published_at, related in RelatedArticle.objects.filter(
            article_id__in=neighbours, language=code
        ).values_list("article_id", "score", "related_published_at", "related_id"):
            stored.setdefault(owner, []).append((score, published_at, related))
        new_rows, dropped = [], []
        for owner, score in neighbours.items():
            rows = stored.get(owner, [])
            if any(related == article.pk for _s, _p, related in rows):
                continue  # already scored afresh with it
            key = (score, article.published_at, article.pk)
            worst = min(rows) if rows else None
            if len(rows) >= REFILL_BELOW and key < worst:
                continue  # below the stored head: its place there is unknown, and never shown
            new_rows.append(
                RelatedArticle(
                    article_id=owner,
                    language=code,
                    related_id=article.pk,
                    score=score,
                    related_published_at=article.published_at,
                )
            )
            if len(rows) >= KEEP:
                dropped.append((owner, worst[2]))
        RelatedArticle.objects.bulk_create(new_rows, batch_size=1000)
        for owner, related in dropped:
            RelatedArticle.objects.filter(
                article_id=owner, language=code, related_id=related
            ).delete()


#: When more than this share of the archive changed at once, everything is
#: scored afresh (an import): cheaper than following each change.
REBUILD_SHARE = 0.5


@transaction.atomic
def refresh(article_ids: Iterable[int]) -> bool:
    """
    Bring the stored rails up to date after ``article_ids`` changed; see the
    module's doc. Returns whether a rail readers can see may have changed.
    """
    ids = set(article_ids)
    if not ids:
        return False
    if len(ids) > REBUILD_SHARE * Article._base_manager.count():
        rebuild()
        return True
    existing = set(
        Article._base_manager.filter(pk__in=ids).values_list("pk", flat=True)
    )
    RelatedArticle.objects.filter(article_id__in=ids - existing).delete()
    score_afresh(existing)
    seen_by_readers = _leave_lists(ids)
    for article in Article.objects.filter(pk__in=existing).only("pk", *live_fields()):
        if article.live_languages():
            seen_by_readers = True  # its own rail shows, and it may join others
            _join_lists(article, skip=ids)
    return seen_by_readers


def rebuild() -> None:
    """
    Score every article's lists afresh (after a bulk load), in memory
    (``best_lists``): scoring each article with ``ranked()`` would read the
    whole neighbourhood of every article, which grows with the square of the
    archive.
    """
    things = _things_by_article()
    table = RelatedArticle._meta.db_table
    insert = (
        f"INSERT INTO {table} (article_id, language, related_id, score,"
        " related_published_at) VALUES (%s, %s, %s, %s, %s)"
    )
    field = RelatedArticle._meta.get_field("related_published_at")
    with transaction.atomic(), connection.cursor() as cursor:
        RelatedArticle.objects.all().delete()
        for code in language_codes():
            live = dict(Article.objects.live(code).values_list("pk", "published_at"))
            stored = {
                pk: field.get_db_prep_save(published_at, connection)
                for pk, published_at in live.items()
            }
            rows = []
            for src, dst, score in best_lists(things, live):
                rows.append((src, code, dst, score, stored[dst]))
                if len(rows) >= 10_000:
                    cursor.executemany(insert, rows)
                    rows = []
            cursor.executemany(insert, rows)


def _things_by_article() -> dict[int, dict[tuple[str, int], int]]:
    """``{article: {(relation, thing): weight}}`` of every article that has any."""
    things = {}
    for name, (table, column) in _tables().items():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT article_id, {column} FROM {table}")
            for article, thing in cursor.fetchall():
                things.setdefault(article, {})[name, thing] = WEIGHTS[name]
    return things


def best_lists(
    things: dict[int, dict[tuple[str, int], int]], live: dict[int, datetime]
) -> Iterator[tuple[int, int, int]]:
    """
    ``(src, dst, score)``: the best ``KEEP`` candidates of every article in
    ``things`` among the ``live`` ones (``{id: published_at}``), exactly as
    ``ranked()`` scores them, without pairing every article with its whole
    neighbourhood.

    A candidate that shares a single thing ``x`` with an article ranks below
    each of the ``KEEP`` newest live articles that have ``x`` (they score at
    least as much and are newer), so only those ``KEEP`` newest of each thing
    need scoring, plus the candidates that share two things or more: these
    are found through the pairs of things each live article has, whose groups
    are small.
    """
    newest, groups = {}, {}
    for article in sorted(live, key=lambda pk: (live[pk], pk), reverse=True):
        own = sorted(things.get(article, ()))
        for thing in own:
            members = newest.setdefault(thing, [])
            if len(members) <= KEEP:  # one more: the article itself may be among them
                members.append(article)
        for pair in itertools.combinations(own, 2):
            groups.setdefault(pair, []).append(article)
    for src, shared in things.items():
        candidates = set()
        for thing in shared:
            candidates.update(newest.get(thing, ()))
        for pair in itertools.combinations(sorted(shared), 2):
            candidates.update(groups.get(pair, ()))
        candidates.discard(src)
        scored = []
        for dst in candidates:
            theirs = things[dst]
            score = sum(w for thing, w in shared.items() if thing in theirs)
            scored.append((score, live[dst], dst))
        for score, _published_at, dst in heapq.nlargest(KEEP, scored):
            yield src, dst, score


# Following the changes --------------------------------------------------


@task()
def refresh_rails(article_ids: list[int]) -> int:
    """The background task of ``changed()``: ``refresh()``, then pages cached with the old rails are old."""
    if refresh(article_ids):
        pagecache.content_changed()
    return len(article_ids)


def changed(article_ids: Iterable[int], *, using=None) -> None:
    """``article_ids`` changed: refresh the rails (in the background) once this commits."""
    after_commit(
        "rails",
        lambda ids: refresh_rails.enqueue(sorted(ids)) if ids else None,
        [pk for pk in article_ids if pk is not None],
        using=using,
    )


def _article_saved(sender, instance, raw=False, using=None, **kwargs):
    if not raw:
        changed([instance.pk], using=using)


def _relation_saved(sender, instance, raw=False, using=None, **kwargs):
    if not raw:
        changed([instance.article_id], using=using)


def _terms_changed(sender, instance, action, reverse, pk_set, using=None, **kwargs):
    if not reverse:
        if action.startswith("post_"):
            changed([instance.pk], using=using)
        return
    # From the term's side: every article the term is added to, removed from
    # or cleared from.
    if action == "pre_clear":
        column = sender._meta.get_field(type(instance)._meta.model_name).attname
        pk_set = set(
            sender.objects.filter(**{column: instance.pk}).values_list(
                "article_id", flat=True
            )
        )
        changed(pk_set, using=using)
    elif action in ("post_add", "post_remove"):
        changed(pk_set or (), using=using)


def watch() -> None:
    """Follow every change that can alter a rail, whichever way it is written."""
    for signal in (post_save, post_delete):
        signal.connect(_article_saved, sender=Article, dispatch_uid="rails:article")
        signal.connect(
            _relation_saved, sender=Authorship, dispatch_uid="rails:authorship"
        )
    for through in (Article.topics.through, Article.regions.through):
        m2m_changed.connect(
            _terms_changed, sender=through, dispatch_uid=f"rails:{through.__name__}"
        )
