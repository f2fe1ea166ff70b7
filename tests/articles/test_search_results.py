"""
The search page's reads: the ranked matches in one statement (their number is
the count), then the shown page's rows and snippets, then its bylines. The same
order on PostgreSQL and SQLite.
"""

from datetime import timedelta
from unittest.mock import patch

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import search
from articles.search import ranked_ids, search_results
from tests.factories import make_article, make_expert
from tests.html import parse, select

#: Types, topics, regions and experts for the filters; the ranked matches;
#: the page's rows with their snippets and pictures; their bylines; the
#: chrome's menus; the footer's institute pages.
SEARCH_PAGE_QUERIES = 9


class RankingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        # The same word in the title, then the summary, then the body: the
        # newest of them has it in the body only.
        cls.in_body = make_article(
            "Ports and shipping",
            body_en="<p>Notes on pipelines in the Gulf.</p>",
            published_at=now - timedelta(days=1),
        )
        cls.in_summary = make_article(
            "Trade routes",
            summary_en="Pipelines and their politics.",
            published_at=now - timedelta(days=2),
        )
        cls.in_title = make_article(
            "Pipelines of the Levant", published_at=now - timedelta(days=3)
        )
        # Two matches alike in every way but their dates: the newer first.
        cls.older_twin, cls.newer_twin = (
            make_article(
                "Gas grids",
                slug_en=f"gas-grids-{days}",
                body_en="<p>Storage.</p>",
                published_at=now - timedelta(days=days),
            )
            for days in (9, 8)
        )

    def ids(self, text, **kwargs):
        return ranked_ids(text, language_code="en", **kwargs)

    def test_title_then_summary_then_body_on_both_databases(self):
        self.assertEqual(
            self.ids("pipelines"),
            [self.in_title.pk, self.in_summary.pk, self.in_body.pk],
        )

    def test_equal_ranks_newest_first(self):
        self.assertEqual(self.ids("grids"), [self.newer_twin.pk, self.older_twin.pk])

    def test_only_the_newest_matches_are_ranked(self):
        # The cap keeps the newest two (body, summary), ranked among themselves.
        with patch.object(search, "RANKED", 2):
            self.assertEqual(
                self.ids("pipelines"), [self.in_summary.pk, self.in_body.pk]
            )

    def test_nothing_to_look_for(self):
        self.assertEqual(self.ids("   "), [])
        self.assertEqual(self.ids("zebras"), [])

    def test_results_keep_the_ranking_order_with_snippets_and_bylines(self):
        author = make_expert("Noura Haddad")
        self.in_body.authorships.create(expert=author, order=1)
        ids = self.ids("pipelines")
        with CaptureQueriesContext(connection) as queries:
            found = search_results(ids, "pipelines", language_code="en")
            bylines = [[a.expert.name for a in article.byline()] for article in found]
            types = [article.type.name for article in found]
        # The rows with their snippets, then the bylines: nothing per result.
        self.assertEqual(len(queries), 2)
        self.assertEqual([a.pk for a in found], ids)
        self.assertEqual(bylines[2], ["Noura Haddad"])
        self.assertEqual(len(types), 3)
        # The title's match is in its (default) summary too: marked on both databases.
        self.assertIn("<mark>Pipelines</mark>", found[0].snippet)


class SearchPageStatementsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for n in range(3):
            make_article(f"Sanctions note {n}", authors=2, topics=1, regions=1)

    def test_the_page_costs_eight_queries_plain_filtered_or_empty(self):
        for params in (
            {"q": "sanctions"},
            {"q": "sanctions", "type": "brief-analysis", "from": "2000-01-01"},
            {"q": "sanctions", "page": "2"},
        ):
            with self.subTest(params=params):
                with self.assertNumQueries(SEARCH_PAGE_QUERIES):
                    response = self.client.get("/search", params)
                self.assertEqual(response.status_code, 200)

    def test_a_page_past_the_end_is_the_last_page(self):
        for n in range(10):
            make_article(f"Sanctions brief {n}")
        doc = parse(self.client.get("/search", {"q": "sanctions", "page": "9"}))
        self.assertEqual(len(select(doc, ".search-result")), 3)
        self.assertIn("13 results", select(doc, ".search__count")[0].text_content())
