from django.test import TestCase, override_settings

from core.listing import PAGE_SIZE
from tests.factories import make_article, make_expert, make_topic
from tests.html import parse

SITE = "https://example.org"


@override_settings(SITE_URL=SITE)
class OpenGraphLocaleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.english = make_article(languages=("en",))
        cls.both = make_article(languages=("en", "ar"))

    def og(self, url, prop):
        return parse(self.client.get(url)).xpath(f"//meta[@property='{prop}']/@content")

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


@override_settings(SITE_URL=SITE)
class PaginatedPageAddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.expert = make_expert()
        cls.topic = make_topic("Energy", slug="energy")
        for _n in range(PAGE_SIZE + 1):
            make_article(
                languages=("en", "ar"), authors=[cls.expert], topics=[cls.topic]
            )

    def addresses(self, url):
        """(canonical, og:url, {hreflang: href}) of the page at ``url``."""
        doc = parse(self.client.get(url))
        (canonical,) = doc.xpath("//head/link[@rel='canonical']/@href")
        (og_url,) = doc.xpath("//head/meta[@property='og:url']/@content")
        hreflang = {
            link.get("hreflang"): link.get("href")
            for link in doc.xpath("//head/link[@rel='alternate'][@hreflang]")
        }
        return canonical, og_url, hreflang

    def test_page_n_is_its_own_canonical_and_its_alternates_are_page_n(self):
        """Defect 16: on page 2 the canonical, og:url and every hreflang name page 2."""
        for en, ar in (
            ("/policy-analysis", "/ar/policy-analysis"),
            ("/policy-analysis/energy", "/ar/policy-analysis/energy"),
            (f"/experts/{self.expert.slug}", f"/ar/experts/{self.expert.slug}"),
        ):
            for url, own in ((f"{en}?page=2", "en"), (f"{ar}?page=2", "ar")):
                with self.subTest(url=url):
                    canonical, og_url, hreflang = self.addresses(url)
                    self.assertEqual(canonical, f"{SITE}{url}")
                    self.assertEqual(og_url, canonical)
                    self.assertEqual(hreflang[own], canonical)
                    self.assertEqual(
                        hreflang,
                        {
                            "en": f"{SITE}{en}?page=2",
                            "ar": f"{SITE}{ar}?page=2",
                            "x-default": f"{SITE}{en}?page=2",
                        },
                    )

    def test_first_page_and_stray_parameters(self):
        """Defect 16: page 1 is named without a page number; filters stay, unknown parameters go, in both."""
        for url, expected in (
            ("/policy-analysis", "/policy-analysis"),
            ("/policy-analysis?page=1", "/policy-analysis"),
            ("/policy-analysis?utm_source=x&page=2", "/policy-analysis?page=2"),
            (
                "/policy-analysis?page=2&topic=energy&type=nothing",
                "/policy-analysis?topic=energy&page=2",
            ),
            ("/experts?topic=energy&utm_medium=y", "/experts?topic=energy"),
        ):
            with self.subTest(url=url):
                canonical, _og_url, hreflang = self.addresses(url)
                self.assertEqual(canonical, f"{SITE}{expected}")
                self.assertEqual(hreflang["en"], canonical)
                self.assertEqual(hreflang["ar"], f"{SITE}/ar{expected}")
