from django.test import TestCase, override_settings

from tests.factories import make_article
from tests.found.helpers import page

SITE = "https://example.org"


@override_settings(SITE_URL=SITE)
class OpenGraphLocaleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.english = make_article(languages=("en",))
        cls.both = make_article(languages=("en", "ar"))

    def og(self, url, prop):
        return page(self.client.get(url)).xpath(f"//meta[@property='{prop}']/@content")

    def test_alternate_locales_are_the_versions_that_exist(self):
        """Defect 13: an English-only article announces no Arabic version; a bilingual one announces the other."""
        url = self.english.get_absolute_url()
        self.assertEqual(self.og(url, "og:locale"), ["en_US"])
        self.assertEqual(self.og(url, "og:locale:alternate"), [])
        url = self.both.get_absolute_url()
        self.assertEqual(self.og(url, "og:locale:alternate"), ["ar_AR"])
        arabic = self.both.url_in("ar")
        self.assertEqual(self.og(arabic, "og:locale"), ["ar_AR"])
        self.assertEqual(self.og(arabic, "og:locale:alternate"), ["en_US"])
