"""
``manage.py bench``: what each page type costs on the database of
``DATABASE_URL``, uncached, in process (Django's test client, the whole
middleware stack): its queries, and the median and 95th percentile of its
time in milliseconds. Not a test: numbers for docs/performance.md.

Run it on an archive made by ``manage.py generate_content`` with DEBUG off
(``make bench`` does both steps' measuring part).
"""

import os
import statistics
import time
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count, Q
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from articles.models import Article, ArticleType
from experts.models import Expert
from taxonomy.models import Region, Topic

BENCH_USER = "bench-admin"


class Command(BaseCommand):
    help = (
        "Measure each public and admin page type in process, uncached: "
        "queries, median and p95 ms (on the database of DATABASE_URL)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--runs", type=int, default=40, help="Timed requests per page (40)."
        )
        parser.add_argument(
            "--only", default="", help="Measure only pages whose name contains this."
        )

    def handle(self, *args, runs, only, **options):
        if not Article.objects.live("en").exists():
            raise CommandError(
                "No live article: run manage.py generate_content --articles N first."
            )
        pages = [(name, urls) for name, urls in self.pages() if only in name]
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        self.stdout.write(
            f"{connection.vendor}, {Article._base_manager.count()} articles, "
            f"DEBUG={'on' if settings.DEBUG else 'off'}, {runs} runs per page, "
            f"page cache off, load average {load} on {os.cpu_count()} cores\n"
        )
        self.stdout.write(
            "| page | queries | median ms | p95 ms |\n|---|---:|---:|---:|"
        )
        public, admin = Client(), Client()
        admin.force_login(self.bench_user())
        with override_settings(
            PAGE_CACHE={**settings.PAGE_CACHE, "ENABLED": False},
            # The read API's pages are measured, not rate-limited.
            API={**settings.API, "RATE_ANONYMOUS": 10**9},
        ):
            for name, urls in pages:
                client = admin if name.startswith("admin") else public
                queries, times = self.measure(client, urls, runs)
                self.stdout.write(
                    f"| {name} | {queries} | {statistics.median(times):.1f} "
                    f"| {_percentile(times, 95):.1f} |"
                )

    def measure(self, client, urls, runs):
        for url in urls[:2]:
            self.get(client, url)  # warm: templates, prepared statements
        with CaptureQueriesContext(connection) as captured:
            self.get(client, urls[0])
        # Counted now: the next request clears the connection's query log.
        queries = len(captured)
        times = []
        for n in range(runs):
            url = urls[n % len(urls)]
            started = time.perf_counter()
            self.get(client, url)
            times.append((time.perf_counter() - started) * 1000)
        return queries, times

    def get(self, client, url):
        response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        return response

    def bench_user(self):
        user, _created = get_user_model().objects.get_or_create(
            username=BENCH_USER,
            defaults={"is_staff": True, "is_superuser": True},
        )
        if not user.is_superuser:
            raise CommandError(f"The user {BENCH_USER} exists and is not a superuser.")
        return user

    def pages(self):
        """(name, addresses to rotate through), the busiest record of each kind."""
        live = Article.objects.live("en").canonical_here()
        articles = [a.get_absolute_url() for a in live.newest_first()[:50:5]]
        older = [a.get_absolute_url() for a in live.order_by("published_at")[:50:5]]
        arabic = [
            a.url_in("ar") for a in Article.objects.live("ar").newest_first()[:50:5]
        ]
        topic = _busiest(Topic)
        region = _busiest(Region)
        child_topic = _busiest(Topic, parent__isnull=False)
        expert = (
            Expert.objects.with_profile()
            .annotate(n=Count("authorships"))
            .order_by("-n")
            .first()
        )
        article_type = ArticleType.objects.order_by("sort_order").first()
        word = "security"
        owner = (
            Article._base_manager.exclude(created_by=None)
            .values_list("created_by", flat=True)
            .first()
        )
        pages = [
            # The floor: a page without a query, through the same middleware.
            ("robots.txt (floor)", ["/robots.txt"]),
            ("article", articles + older),
            ("article (Arabic)", arabic),
            ("topic landing (busiest)", [topic.get_absolute_url()]),
            ("topic landing page 5", [f"{topic.get_absolute_url()}?page=5"]),
            ("region landing (busiest)", [region.get_absolute_url()]),
            ("listing", ["/policy-analysis"]),
            ("listing page 50", ["/policy-analysis?page=50"]),
            (
                "listing with filters",
                [
                    (
                        f"/policy-analysis?type={article_type.slug}&topic={child_topic.slug}"
                        f"&region={region.slug}&from=2010-01-01"
                    )
                ],
            ),
            ("expert page (most prolific)", [expert.get_absolute_url()]),
            ("experts directory", ["/experts"]),
            ("home", ["/"]),
            ("home (Arabic)", ["/ar/"]),
            ("search (one word)", [f"/search?q={word}"]),
            (
                "search (two words, filtered)",
                [f"/search?q={quote('oil sanctions')}&type={article_type.slug}"],
            ),
            ("feed latest (RSS)", ["/feeds/latest.rss"]),
            ("feed topic (Atom)", [f"/feeds/topic/{topic.slug}.atom"]),
            ("sitemap index", ["/sitemap.xml"]),
            ("sitemap articles (first file)", ["/sitemap-articles.xml"]),
            # The read API (docs/api.md), beside the pages it mirrors.
            ("api articles", ["/api/v1/articles"]),
            (
                "api articles with filters",
                [
                    (
                        f"/api/v1/articles?type={article_type.slug}&topic={child_topic.slug}"
                        f"&region={region.slug}&from=2010-01-01"
                    )
                ],
            ),
            ("api articles, 100 a page", ["/api/v1/articles?limit=100"]),
            ("api search (one word)", [f"/api/v1/articles?q={word}"]),
            (
                "api article",
                [
                    f"/api/v1/articles/{a.slug_en}"
                    for a in live.newest_first().only("slug_en")[:50:5]
                ],
            ),
            (
                "api article (Arabic)",
                [
                    f"/api/v1/articles/{a.slug_ar}?lang=ar"
                    for a in Article.objects.live("ar")
                    .newest_first()
                    .only("slug_ar")[:50:5]
                ],
            ),
            ("api experts, 100 a page", ["/api/v1/experts?limit=100"]),
            ("api expert (most prolific)", [f"/api/v1/experts/{expert.slug}"]),
            ("api regions", ["/api/v1/regions"]),
            ("admin article list", ["/admin/articles/article/"]),
            (
                "admin article list, filtered",
                [
                    (
                        f"/admin/articles/article/?status__exact=published"
                        f"&type__id__exact={article_type.pk}&published_in=ar"
                    )
                ],
            ),
            ("admin article list, search", [f"/admin/articles/article/?q={word}"]),
            (
                "admin article list, search (two words, page 3)",
                [f"/admin/articles/article/?q={quote('oil sanctions')}&p=3"],
            ),
            (
                "admin article list, search (an author's name)",
                [f"/admin/articles/article/?q={quote(expert.name.split()[-1])}"],
            ),
            (
                "admin article list, search (no match)",
                [f"/admin/articles/article/?q={quote('zyxwvut')}"],
            ),
            (
                "admin article list, by author",
                [f"/admin/articles/article/?author={expert.pk}"],
            ),
            (
                "admin article list, by region",
                [f"/admin/articles/article/?region={region.pk}"],
            ),
            (
                "admin article list, by owner",
                # Generated articles have no owner: then the bench user's (none).
                [f"/admin/articles/article/?owner={owner or 'me'}"],
            ),
            (
                "admin article list, needs translation",
                ["/admin/articles/article/?needs_translation=ar"],
            ),
            (
                "admin article list, search and filters",
                [
                    (
                        f"/admin/articles/article/?q={word}&region={region.pk}"
                        f"&needs_translation=ar&status__exact=published"
                    )
                ],
            ),
            (
                "admin article change form",
                [
                    f"/admin/articles/article/{Article._base_manager.order_by('-pk').first().pk}/change/"
                ],
            ),
        ]
        return [(name, urls) for name, urls in pages if urls]


def _busiest(model, **filters):
    """The term of ``model`` with the most articles."""
    return (
        model.objects.filter(**filters)
        .annotate(n=Count("articles", filter=Q(articles__deleted_at__isnull=True)))
        .order_by("-n", "pk")
        .first()
    )


def _percentile(values, percent):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(percent / 100 * len(ordered)) - 1))
    return ordered[index]
