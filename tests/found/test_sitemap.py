from datetime import datetime, timedelta

from django.test import TestCase, override_settings
from django.utils import timezone

from articles.models import Article, Status
from tests.factories import make_article, make_region, make_topic
from tests.found.helpers import SITEMAP, xml

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
        urlset = xml(self.client.get("/sitemap.xml"))
        return {
            url.findtext(f"{{{SITEMAP}}}loc"): url.findtext(f"{{{SITEMAP}}}lastmod")
            for url in urlset.findall(f"{{{SITEMAP}}}url")
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
