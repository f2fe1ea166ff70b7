"""Search words written into the statement: any text a reader types is quoted, never run."""

from django.test import TestCase

from articles.models import Article
from articles.search import search_articles
from articles.search_index import update_search_vectors
from tests.articles.helpers import full_text_search
from tests.factories import make_article
from tests.html import parse


class QuotedWordsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hit = make_article("Iran's oil at 100% of capacity")
        cls.other = make_article("Elections in Turkey")
        update_search_vectors([cls.hit.pk, cls.other.pk])

    def titles(self, text):
        return [a.title for a in search_articles(text, language_code="en")]

    def test_quotes_and_percent_signs_are_words_to_find(self):
        self.assertEqual(self.titles("Iran's oil 100%"), [self.hit.title])
        # The same search again and again (PostgreSQL prepares a statement run
        # five times): the same answer each time.
        for _ in range(7):
            self.assertEqual(self.titles("Iran's oil 100%"), [self.hit.title])

    def test_text_that_looks_like_sql_finds_nothing_and_changes_nothing(self):
        for text in (
            "'; DELETE FROM articles_article; --",
            "nothing') OR ('1'='1",
            "\\' %s %(x)s $1",
        ):
            with self.subTest(text=text):
                doc = parse(self.client.get("/search", {"q": text}))
                self.assertEqual(doc.xpath("//main//article"), [])
        self.assertEqual(Article.objects.count(), 2)
        if full_text_search():
            # A word of the title still matches beside the stray characters.
            self.assertEqual(self.titles("oil' %"), [self.hit.title])
