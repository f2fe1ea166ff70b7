"""Small ``make_*`` helpers that build valid records with as little said as possible."""

import contextlib
import itertools
import sys
from datetime import timedelta

from django.db import transaction
from django.test import TestCase
from django.utils import timezone

from articles.models import Article, ArticleType, Authorship, Recommendation, Status
from core.commits import close_batches
from experts.models import Expert
from taxonomy.models import Region, Topic

_seq = itertools.count(1)


def make_topic(name=None, **fields):
    n = next(_seq)
    name = name or f"Topic {n}"
    fields.setdefault("name_en", name)
    fields.setdefault("name_ar", f"موضوع {n}")
    return Topic.objects.create(**fields)


def make_region(name=None, **fields):
    n = next(_seq)
    name = name or f"Region {n}"
    fields.setdefault("name_en", name)
    fields.setdefault("name_ar", f"منطقة {n}")
    return Region.objects.create(**fields)


def in_library(upload):
    """The library's record (an image, or a document for a PDF) of an uploaded file."""
    from django.core.files.base import File

    from library.services import document_from_upload, image_from_upload

    if upload is None or not isinstance(upload, File):
        return upload
    upload.seek(0)
    is_pdf = upload.read(5) == b"%PDF-"
    upload.seek(0)
    store = document_from_upload if is_pdf else image_from_upload
    return store(upload, name=getattr(upload, "name", "") or "")


def _library_fields(fields):
    """Files given for the library's foreign keys become the records that hold them."""
    for key in ("headshot", "lead_image", "pdf"):
        if key in fields:
            fields[key] = in_library(fields[key])
    return fields


def make_expert(name=None, **fields):
    n = next(_seq)
    name = name or f"Expert Number{n}"
    fields.setdefault("name_en", name)
    fields.setdefault("name_ar", f"الخبير {n}")
    fields.setdefault("titles_en", "Senior Fellow")
    fields.setdefault("titles_ar", "زميل أول")
    fields.setdefault("short_bio_en", f"{name} is a senior fellow at the institute.")
    fields.setdefault("short_bio_ar", f"الخبير {n} زميل أول في المعهد.")
    return Expert.objects.create(**_library_fields(fields))


def article_type(slug="brief-analysis"):
    return ArticleType.objects.get(slug=slug)


def make_article(
    title=None,
    *,
    type="brief-analysis",
    authors=(),
    topics=(),
    regions=(),
    languages=("en",),
    status=Status.PUBLISHED,
    published_at=None,
    recommended=(),
    **fields,
):
    """A published English article unless told otherwise; ``authors`` etc. take records or counts."""
    n = next(_seq)
    title = title or f"Analysis number {n} on regional security"
    _library_fields(fields)
    fields.setdefault("title_en", title)
    fields.setdefault("summary_en", f"The summary of {title}.")
    fields.setdefault("body_en", f"<p>The body of {title}.</p>")
    if "ar" in languages:
        fields.setdefault("title_ar", f"تحليل رقم {n} حول الأمن الإقليمي")
        fields.setdefault("summary_ar", f"ملخص التحليل رقم {n}.")
        fields.setdefault("body_ar", f"<p>نص التحليل رقم {n}.</p>")
    for code in languages:
        fields[f"available_{code}"] = True
    if published_at is None and status in (Status.PUBLISHED, Status.SCHEDULED):
        # Hours, not days: the counter grows over a whole test run, and dates
        # must stay recent (and distinct) however many articles came before.
        published_at = timezone.now() - timedelta(hours=n)
    with committed():
        return _make_article(
            title,
            type,
            authors,
            topics,
            regions,
            status,
            published_at,
            recommended,
            fields,
        )


@contextlib.contextmanager
def committed():
    """
    Run what the writes inside wait for until their commit (rails, the page
    cache's generation), as if they committed: a test's transaction never does.
    """
    close_batches()  # the writes before have their own (never run) batches
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield


def built_once(django_db_blocker, build):
    """
    For a class- or module-scoped fixture: ``build()``'s rows, made once and
    read by every test of the class, as ``setUpTestData`` does for a TestCase.
    They live in a transaction that each test's own nests in, rolled back
    after the last test. Only for data the tests read: a test's writes roll
    back with it, but Python objects it changes stay changed.

        @pytest.fixture(scope="class")
        def archive(django_db_setup, django_db_blocker):
            yield from built_once(django_db_blocker, make_archive)
    """
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()
        try:
            built = build()
        except BaseException:
            atomic.__exit__(*sys.exc_info())
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _make_article(
    title, type, authors, topics, regions, status, published_at, recommended, fields
):
    article = Article.objects.create(
        type=ArticleType.objects.get(slug=type),
        status=status,
        published_at=published_at,
        **fields,
    )
    if isinstance(authors, int):
        authors = [make_expert() for _ in range(authors)]
    if isinstance(topics, int):
        topics = [make_topic() for _ in range(topics)]
    if isinstance(regions, int):
        regions = [make_region() for _ in range(regions)]
    for order, expert in enumerate(authors):
        Authorship.objects.create(article=article, expert=expert, order=order)
    article.topics.set(topics)
    article.regions.set(regions)
    for order, other in enumerate(recommended):
        Recommendation.objects.create(article=article, recommended=other, order=order)
    return article
