import io

from django.core.management import call_command
from django.test import TestCase

from articles.search import search_articles
from tests.factories import make_article, make_expert


class UpdateSearchIndexTests(TestCase):
    def test_command_indexes_names_set_after_saving(self):
        """
        Authors added after the article was saved are found once the index is
        rebuilt, on PostgreSQL and SQLite alike.
        """
        make_article("Water and power", authors=[make_expert("Noura Haddad")])
        before = [a.title for a in search_articles("Haddad", language_code="en")]
        self.assertEqual(before, [])
        out = io.StringIO()
        call_command("update_search_index", stdout=out)
        found = [a.title for a in search_articles("Haddad", language_code="en")]
        self.assertEqual(found, ["Water and power"])
        self.assertEqual(out.getvalue(), "1 articles indexed.\n")

    def test_saving_again_refreshes_the_vector(self):
        article = make_article("Water and power")
        article.title_en = "Rivers and dams"
        article.save()
        self.assertEqual(
            [a.title for a in search_articles("dams", language_code="en")],
            ["Rivers and dams"],
        )
