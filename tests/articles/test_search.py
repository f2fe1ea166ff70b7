from datetime import timedelta

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Status
from articles.search import search_articles
from articles.search_index import normalize, update_search_vectors
from tests.factories import make_article, make_expert, make_region, make_topic
from tests.html import parse, select


def titles(qs, language="en"):
    with translation.override(language):
        return [article.title for article in qs]


class NormalizeTests(TestCase):
    def test_strips_tashkeel_tatweel_and_unifies_alef(self):
        """Diacritics, the tatweel and hamza-carrying alefs disappear before indexing."""
        self.assertEqual(normalize("أَحْمَد إبـراهيم آمال"), "احمد ابراهيم امال")

    def test_drops_the_article_prefix(self):
        """ال, وال, بال and لل go when three letters remain; short words keep theirs."""
        self.assertEqual(normalize("العقوبات والنفط للعراق"), "عقوبات نفط عراق")
        self.assertEqual(normalize("الله والي"), "الله والي")

    def test_leaves_latin_text_alone(self):
        self.assertEqual(normalize("Sanctions & Iran"), "Sanctions & Iran")


class SearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.expert = make_expert("Omer Carmi")
        cls.topic = make_topic("Energy")
        cls.region = make_region("Iraq")
        cls.title_hit = make_article(
            "Sanctions and their limits",
            authors=[cls.expert],
            topics=[cls.topic],
            languages=("en", "ar"),
            title_ar="العقوبات وحدودها",
            summary_ar="قراءة في الْعُقُوبَاتِ الأمريكية على إيران.",
            body_ar="<p>نص عن النفط.</p>",
        )
        cls.body_hit = make_article(
            "Oil markets in a tight year",
            regions=[cls.region],
            body_en="<p>Washington keeps sanctioning tankers.</p>",
        )
        cls.other = make_article("Elections in Turkey")
        cls.draft = make_article("Sanctions draft", status=Status.DRAFT)
        cls.future = make_article(
            "Sanctions in the future",
            status=Status.SCHEDULED,
            published_at=timezone.now() + timedelta(days=3),
        )
        cls.english_only = make_article("Sanctions seen from Europe")
        # The stored vectors include names set after the articles were saved.
        update_search_vectors(
            [
                cls.title_hit.pk,
                cls.body_hit.pk,
                cls.other.pk,
                cls.draft.pk,
                cls.future.pk,
                cls.english_only.pk,
            ]
        )

    def search(self, text, language="en", **filters):
        return titles(search_articles(text, language_code=language), language)

    def test_never_returns_unpublished_work(self):
        """Drafts, scheduled work whose date has not come and other languages' versions stay out."""
        found = self.search("sanctions")
        self.assertNotIn("Sanctions draft", found)
        self.assertNotIn("Sanctions in the future", found)
        self.assertNotIn(self.english_only.title_en, self.search("Sanctions", "ar"))

    def test_empty_query_finds_nothing(self):
        self.assertEqual(self.search("   "), [])

    def test_finds_by_author_name(self):
        self.assertEqual(self.search("Carmi"), ["Sanctions and their limits"])

    def test_english_search(self):
        """Both databases stem and rank a title match above a body match."""
        # "sanctioning" and "sanctions" share the stem "sanction".
        found = self.search("sanctioning")
        self.assertCountEqual(
            found,
            [
                "Sanctions and their limits",
                "Sanctions seen from Europe",
                "Oil markets in a tight year",
            ],
        )
        # A match in the title outranks one in the body.
        self.assertEqual(found[-1], "Oil markets in a tight year")
        self.assertEqual(self.search("energy"), ["Sanctions and their limits"])
        self.assertEqual(self.search("oil -tankers"), [])
        self.assertEqual(self.search("oil"), ["Oil markets in a tight year"])
        self.assertEqual(self.search('"tight year"'), ["Oil markets in a tight year"])
        self.assertEqual(self.search('"year tight"'), [])

    def test_arabic_search(self):
        """Both databases match with or without diacritics, ال, or the hamza on the alef."""
        for query in ("العقوبات", "عقوبات", "العُقُوبَات", "عُقوبات", "والعقوبات"):
            with self.subTest(query=query):
                self.assertEqual(self.search(query, "ar"), ["العقوبات وحدودها"])
        self.assertEqual(self.search("نفط", "ar"), ["العقوبات وحدودها"])
        self.assertEqual(self.search("إيران", "ar"), ["العقوبات وحدودها"])
        self.assertEqual(self.search("ايران", "ar"), ["العقوبات وحدودها"])
        self.assertEqual(self.search("Sanctions", "ar"), [])


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.expert = make_expert("Dana Stroul")
        cls.topic = make_topic("Energy")
        cls.region = make_region("Gulf")
        cls.a = make_article(
            "Sanctions on oil exports",
            authors=[cls.expert],
            topics=[cls.topic],
            summary_en="Why <sanctions> on oil bite.",
            published_at=timezone.now() - timedelta(days=400),
        )
        cls.b = make_article(
            "Sanctions and the Gulf",
            regions=[cls.region],
            type="policy-note",
            published_at=timezone.now() - timedelta(days=1),
        )
        update_search_vectors([cls.a.pk, cls.b.pk])

    def results(self, **params):
        doc = parse(self.client.get(reverse("search"), params))
        return doc, [
            a.text_content() for a in select(doc, ".search-result", ".card__title", "a")
        ]

    def test_count_snippet_and_escaping(self):
        doc, found = self.results(q="sanctions")
        self.assertCountEqual(
            found, ["Sanctions on oil exports", "Sanctions and the Gulf"]
        )
        self.assertIn("2 results", select(doc, ".search__count")[0].text_content())
        marks = [
            m.text_content().lower() for m in select(doc, ".search-result", "mark")
        ]
        self.assertIn("sanctions", marks)
        # The summary's "<sanctions>" is text, never markup.
        self.assertEqual(select(doc, ".search-result__snippet", "sanctions"), [])

    def test_filters(self):
        """Type, topic, region, expert and the date range narrow the results."""
        cases = {
            "type": ({"type": "policy-note"}, ["Sanctions and the Gulf"]),
            "topic": ({"topic": self.topic.slug}, ["Sanctions on oil exports"]),
            "region": ({"region": self.region.slug}, ["Sanctions and the Gulf"]),
            "expert": ({"expert": self.expert.slug}, ["Sanctions on oil exports"]),
            "from": (
                {"from": (timezone.now() - timedelta(days=30)).date().isoformat()},
                ["Sanctions and the Gulf"],
            ),
            "to": (
                {"to": (timezone.now() - timedelta(days=300)).date().isoformat()},
                ["Sanctions on oil exports"],
            ),
        }
        for name, (params, expected) in cases.items():
            with self.subTest(name):
                self.assertEqual(self.results(q="sanctions", **params)[1], expected)

    def test_arabic_page_searches_arabic_versions(self):
        make_article("Iraq", languages=("en", "ar"), title_ar="العراق والعقوبات")
        doc = parse(self.client.get("/ar/search", {"q": "عقوبات"}))
        self.assertEqual(doc.get("lang"), "ar")
        found = [
            a.text_content() for a in select(doc, ".search-result", ".card__title", "a")
        ]
        self.assertEqual(found, ["العراق والعقوبات"])
        self.assertTrue(
            select(doc, ".search-result", ".card__title", "a")[0]
            .get("href")
            .startswith("/ar/policy-analysis/")
        )

    def test_pagination(self):
        for n in range(11):
            make_article(f"Sanctions note {n}")
        doc, found = self.results(q="sanctions")
        self.assertEqual(len(found), 10)
        self.assertIn("13 results", select(doc, ".search__count")[0].text_content())
        doc, found = self.results(q="sanctions", page=2)
        self.assertEqual(len(found), 3)

    def test_queries_do_not_grow_with_results(self):
        with CaptureQueriesContext(connection) as one:
            self.client.get(reverse("search"), {"q": "sanctions"})
        for n in range(4):
            make_article(f"Sanctions note {n}", authors=2, topics=1)
        with self.assertNumQueries(len(one)):
            response = self.client.get(reverse("search"), {"q": "sanctions"})
        self.assertEqual(len(select(parse(response), ".search-result")), 6)
