"""
Full-text search ranks the newest matches only (``articles.search.RANKED``):
a word most of the archive contains costs the same as a rare one, and the
page says that it shows the most recent matches.
"""

from datetime import timedelta
from unittest.mock import patch

from django.test import TestCase
from django.utils import timezone

from articles import search
from tests.factories import make_article
from tests.html import parse, select


class RankedMatchesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        cls.matches = [
            make_article(
                f"Pipelines report {n}",
                body_en="<p>" + "pipelines " * n + "</p>",
                published_at=now - timedelta(days=n),
            )
            for n in range(1, 6)
        ]
        make_article("Elections in Turkey")

    def results(self, query="pipelines"):
        doc = parse(self.client.get("/search", {"q": query}))
        count = select(doc, ".search__count")[0].text_content()
        return [a.text_content().strip() for a in select(doc, ".card__title")], count

    def test_only_the_newest_matches_are_ranked_when_more_match(self):
        with patch.object(search, "RANKED", 3):
            titles, count = self.results()
        # The same on PostgreSQL and SQLite (FTS5).
        self.assertEqual(sorted(titles), [f"Pipelines report {n}" for n in (1, 2, 3)])
        self.assertIn("The 3 most recent matches for “pipelines”", count)

    def test_fewer_matches_than_the_cap_are_all_ranked_and_counted(self):
        titles, count = self.results()
        self.assertEqual(sorted(titles), [f"Pipelines report {n}" for n in range(1, 6)])
        self.assertIn("5 results for “pipelines”", count)
