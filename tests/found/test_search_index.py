import io

from django.core.management import call_command
from django.test import TestCase

from articles.search import search_articles
from tests.factories import make_article, make_expert
from tests.found.helpers import full_text_search


class UpdateSearchIndexTests(TestCase):
    def test_command_indexes_names_set_after_saving(self):
        """
        Authors added after the article was saved are found once the index is
        rebuilt (PostgreSQL); SQLite reads the names at query time and has no index.
        """
        make_article("Water and power", authors=[make_expert("Noura Haddad")])
        before = [a.title for a in search_articles("Haddad", language_code="en")]
        self.assertEqual(before, [] if full_text_search() else ["Water and power"])
        out = io.StringIO()
        call_command("update_search_index", stdout=out)
        found = [a.title for a in search_articles("Haddad", language_code="en")]
        self.assertEqual(found, ["Water and power"])
        if full_text_search():
            self.assertEqual(out.getvalue(), "1 articles indexed.\n")
        else:
            self.assertIn("Nothing to do", out.getvalue())

    def test_saving_again_refreshes_the_vector(self):
        article = make_article("Water and power")
        article.title_en = "Rivers and dams"
        article.save()
        self.assertEqual(
            [a.title for a in search_articles("dams", language_code="en")],
            ["Rivers and dams"],
        )
