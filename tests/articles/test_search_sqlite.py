"""
Search ranks and normalises the same on PostgreSQL (stored entries) and
SQLite (an FTS5 table): the expectations here hold on both databases.
"""

from datetime import timedelta

from django.db import connection
from django.test import TestCase
from django.utils import timezone

from articles.models import ArticleSearchEntry, ArticleSearchText
from articles.search_index import normalize, update_search_vectors
from tests.factories import make_article, make_topic
from tests.html import parse, select


def result_titles(client, query, prefix=""):
    doc = parse(client.get(f"{prefix}/search", {"q": query}))
    return [a.text_content().strip() for a in select(doc, ".card__title")]


class NormalizeLettersTests(TestCase):
    def test_taa_marbuta_and_alef_maqsura_fold(self):
        self.assertEqual(normalize("عقوبة مستشفى"), "عقوبه مستشفي")
        self.assertEqual(normalize("إيـران"), "ايران")


class RankingTests(TestCase):
    """Title > summary > body > names, whatever the dates."""

    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        pipelines = make_topic("Pipelines")
        # The newest article matches by name only, the oldest in its title.
        cls.by_name = make_article(
            "Gas across the border",
            summary_en="A short note.",
            body_en="<p>Nothing here.</p>",
            topics=[pipelines],
            published_at=now - timedelta(days=1),
        )
        cls.in_body = make_article(
            "Energy corridors",
            summary_en="A short note.",
            body_en="<p>The pipelines run north.</p>",
            published_at=now - timedelta(days=2),
        )
        cls.in_summary = make_article(
            "Energy diplomacy",
            summary_en="Why pipelines matter.",
            body_en="<p>Nothing here.</p>",
            published_at=now - timedelta(days=3),
        )
        cls.in_title = make_article(
            "Pipelines and power",
            summary_en="A short note.",
            body_en="<p>Nothing here.</p>",
            published_at=now - timedelta(days=4),
        )
        make_article(
            "Elections in Turkey",
            summary_en="A short note.",
            body_en="<p>Nothing here.</p>",
        )
        update_search_vectors([cls.by_name.pk])

    def test_title_then_summary_then_body_then_names(self):
        self.assertEqual(
            result_titles(self.client, "pipelines"),
            [
                "Pipelines and power",
                "Energy diplomacy",
                "Energy corridors",
                "Gas across the border",
            ],
        )

    def test_every_word_must_match(self):
        self.assertEqual(
            result_titles(self.client, "pipelines power"), ["Pipelines and power"]
        )

    def test_syntax_is_text(self):
        """Quotes, stars and parentheses typed by a reader are not an error."""
        for query in ('pipelines"', "pipe*", "(pipelines", "NEAR(", "-", '""'):
            with self.subTest(query=query):
                response = self.client.get("/search", {"q": query})
                self.assertEqual(response.status_code, 200)


class ArabicNormalisationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(
            "Sanctions on Iran",
            languages=("en", "ar"),
            title_ar="العقوبات على إيران",
            summary_ar="قراءة في العقوبة الأمريكية.",
            body_ar="<p>زيارة إلى المستشفى في طهران.</p>",
        )
        make_article(
            "Elections in Turkey",
            languages=("en", "ar"),
            title_ar="الانتخابات في تركيا",
        )

    def test_alef_forms_taa_marbuta_alef_maqsura_and_marks(self):
        for query in (
            "إيران",
            "ايران",  # bare alef
            "إيـران",  # tatweel
            "إِيرَان",  # diacritics
            "عقوبه",  # haa for taa marbuta
            "مستشفي",  # yaa for alef maqsura
            "ايران عقوبات",
        ):
            with self.subTest(query=query):
                self.assertEqual(
                    result_titles(self.client, query, "/ar"), ["العقوبات على إيران"]
                )

    def test_english_page_searches_english(self):
        self.assertEqual(result_titles(self.client, "ايران"), [])
        self.assertEqual(result_titles(self.client, "Iran"), ["Sanctions on Iran"])


class IndexUpkeepTests(TestCase):
    """The one service keeps the index of this database in step with the articles."""

    def rows(self, article):
        model = (
            ArticleSearchEntry
            if connection.vendor == "postgresql"
            else ArticleSearchText
        )
        return sorted(
            model.objects.filter(article=article).values_list("language", flat=True)
        )

    def test_rows_follow_saves_and_deletes(self):
        article = make_article(
            "Water and power", summary_en="A note.", body_en="<p>Text.</p>"
        )
        self.assertEqual(self.rows(article), ["en"])
        article.title_ar = "الماء والطاقة"
        article.save()
        self.assertEqual(self.rows(article), ["ar", "en"])
        self.assertEqual(result_titles(self.client, "ماء", "/ar"), [])
        article.available_ar = True
        article.save()
        self.assertEqual(result_titles(self.client, "ماء", "/ar"), ["الماء والطاقة"])
        article.title_en = "Rivers and dams"
        article.save()
        self.assertEqual(result_titles(self.client, "dams"), ["Rivers and dams"])
        self.assertEqual(result_titles(self.client, "power"), [])
        pk = article.pk
        article.delete()
        self.assertEqual(self.rows(pk), [])


class DidYouMeanTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_article(
            "Sanctions Relief and the Gulf",
            languages=("en", "ar"),
            title_ar="العقوبات على إيران",
            summary_en="A short note.",
            body_en="<p>Nothing here.</p>",
        )
        make_article(
            "Elections in Turkey",
            summary_en="A short note.",
            body_en="<p>Nothing here.</p>",
        )

    def suggestion(self, query, prefix=""):
        doc = parse(self.client.get(f"{prefix}/search", {"q": query}))
        links = select(doc, ".search__suggestion", "a")
        return doc, links

    def test_a_misspelling_is_offered_the_spelling_that_finds(self):
        for query, prefix, offered, title in (
            ("sanctoins", "", "sanctions", "Sanctions Relief and the Gulf"),
            ("sanctoins gulf", "", "sanctions gulf", "Sanctions Relief and the Gulf"),
            ("electoins", "", "elections", "Elections in Turkey"),
            ("العقوبت", "/ar", "العقوبات", "العقوبات على إيران"),
        ):
            with self.subTest(query=query):
                doc, links = self.suggestion(query, prefix)
                self.assertEqual(select(doc, ".card__title"), [])
                self.assertEqual([link.text_content() for link in links], [offered])
                # Following the link finds the piece.
                self.assertEqual(
                    [
                        a.text_content().strip()
                        for a in select(
                            parse(
                                self.client.get(
                                    f"{prefix}/search{links[0].get('href')}"
                                )
                            ),
                            ".card__title",
                        )
                    ],
                    [title],
                )

    def test_nothing_is_offered_when_the_search_finds_or_nothing_is_close(self):
        for query in ("sanctions", "zzzzzz", "sanctoins turkey"):
            with self.subTest(query=query):
                self.assertEqual(self.suggestion(query)[1], [])
