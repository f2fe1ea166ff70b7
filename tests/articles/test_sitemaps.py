import math
from datetime import datetime, timedelta
from unittest.mock import patch
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.test import TestCase, override_settings
from django.utils import timezone

from articles.models import Article, Status
from articles.sitemaps import ArticleSitemap
from core.sitemaps import MAX_URLS_PER_FILE
from tests.articles.helpers import sitemap_entries
from tests.factories import make_article, make_region, make_topic
from tests.html import SITEMAP, xml
from thinktank.urls import SITEMAPS

SITE = "https://example.org"


@override_settings(SITE_URL=SITE)
class TermLastmodTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.topic = make_topic("Energy", slug="energy")
        cls.region = make_region("Gulf", slug="gulf")
        cls.country = make_region("Qatar", slug="qatar", parent=cls.region)
        cls.live = make_article(topics=[cls.topic], regions=[cls.country])
        cls.draft = make_article(
            status=Status.DRAFT, topics=[cls.topic], regions=[cls.region]
        )
        cls.coming = make_article(
            status=Status.SCHEDULED,
            published_at=timezone.now() + timedelta(days=2),
            topics=[cls.topic],
            regions=[cls.region],
        )
        cls.moment = timezone.make_aware(datetime(2024, 5, 1, 12))
        cls.touch(cls.live, cls.moment)

    @staticmethod
    def touch(article, moment):
        Article.objects.filter(pk=article.pk).update(updated_at=moment)

    def lastmods(self):
        return {
            url.findtext(f"{{{SITEMAP}}}loc"): url.findtext(f"{{{SITEMAP}}}lastmod")
            for url in sitemap_entries(self.client)
        }

    def test_only_live_work_dates_a_landing(self):
        """Defect 29: editing a draft or a scheduled piece leaves the topic and region lastmod as it was."""
        before = self.lastmods()
        self.assertEqual(
            before[f"{SITE}/policy-analysis/energy"], self.moment.date().isoformat()
        )
        # The region's landing lists its countries' work too.
        self.assertEqual(
            before[f"{SITE}/policy-analysis/gulf"], self.moment.date().isoformat()
        )
        later = self.moment + timedelta(days=30)
        self.touch(self.draft, later)
        self.touch(self.coming, later)
        self.assertEqual(self.lastmods(), before)
        # An edit of the live article is what moves it.
        self.touch(self.live, later)
        after = self.lastmods()
        for slug in ("energy", "gulf", "qatar"):
            self.assertEqual(
                after[f"{SITE}/policy-analysis/{slug}"], later.date().isoformat()
            )


@override_settings(SITE_URL=SITE)
class SitemapIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.articles = [
            make_article(languages=("en", "ar"), slug_en=f"piece-{n}") for n in range(5)
        ]
        cls.draft = make_article(status=Status.DRAFT, slug_en="unfinished")

    def test_each_file_holds_at_most_its_share(self):
        """The index lists each section's files; a file holds one range of ids, each in its languages."""
        with patch.object(ArticleSitemap, "limit", 2):
            index = xml(self.client.get("/sitemap.xml"))
            locations = [
                loc.text
                for loc in index.iterfind(f"{{{SITEMAP}}}sitemap/{{{SITEMAP}}}loc")
            ]
            article_files = [loc for loc in locations if "sitemap-articles" in loc]
            highest = Article.all_objects.order_by("-pk").first().pk
            self.assertEqual(len(article_files), math.ceil(highest / 2))
            self.assertEqual(article_files[0], f"{SITE}/sitemap-articles.xml")
            self.assertEqual(article_files[1], f"{SITE}/sitemap-articles.xml?p=2")
            # The files that hold this test's articles (ids are not reset
            # between tests on every database: earlier files may be empty).
            locations = set()
            for number in sorted({math.ceil(a.pk / 2) for a in self.articles}):
                parts = urlsplit(article_files[number - 1])
                urlset = xml(self.client.get(parts.path, parse_qs(parts.query)))
                urls = urlset.findall(f"{{{SITEMAP}}}url")
                # Two ids per file, in two languages at most.
                self.assertLessEqual(len(urls), 4)
                locations |= {url.findtext(f"{{{SITEMAP}}}loc") for url in urls}
        for article in self.articles:
            self.assertIn(f"{SITE}{article.url_in('en')}", locations)
            self.assertIn(f"{SITE}{article.url_in('ar')}", locations)
        self.assertFalse([loc for loc in locations if "unfinished" in loc])
        # Past the last file: not found (a positive control above answered).
        past = len(article_files) + 1
        self.assertEqual(
            self.client.get("/sitemap-articles.xml", {"p": past}).status_code, 404
        )

    def test_a_file_never_exceeds_the_protocol_limit(self):
        """50,000 URLs per file at most, whatever the archive's size: ids per file times languages."""
        for sitemap in SITEMAPS.values():
            self.assertLessEqual(
                sitemap.limit * len(settings.LANGUAGES), MAX_URLS_PER_FILE
            )
        self.assertEqual(MAX_URLS_PER_FILE, 50_000)
