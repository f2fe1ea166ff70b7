"""Redirects for editors: legacy addresses with a query string, the 404 log and its one-click redirect."""

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from core import notfound
from core.models import NotFound, Redirect, RedirectKind
from core.redirects import import_redirects, record_move
from tests.admin_forms import fill, form_data
from tests.html import parse
from tests.workflow.conftest import make_user
from workflow.roles import CONTRIBUTOR, EDITOR

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"}


class QueryStringRedirectTests(TestCase):
    def test_legacy_addresses_with_a_query_string(self):
        """/?p=123 and /index.php?id=77 answer 301; the parameters' order does not matter."""
        record_move("/?p=123", "/policy-analysis", kind=RedirectKind.MANUAL)
        Redirect.objects.create(
            old_path="/index.php?lang=en&id=77", new_path="/experts"
        )
        response = self.client.get("/?p=123", **BROWSER)
        self.assertEqual(
            (response.status_code, response["Location"]), (301, "/policy-analysis")
        )
        response = self.client.get("/index.php?id=77&lang=en", **BROWSER)
        self.assertEqual(
            (response.status_code, response["Location"]), (301, "/experts")
        )
        # Another value is another address: the home page stays, index.php is a 404.
        self.assertEqual(self.client.get("/?p=124", **BROWSER).status_code, 200)
        self.assertEqual(
            self.client.get("/index.php?id=78", **BROWSER).status_code, 404
        )

    def test_the_plain_path_rule_still_works(self):
        """A rule for the path alone answers every query string, passing it on; a rule for the query wins."""
        import_redirects("/index.php,/about\n/index.php?id=77,/experts\n")
        self.assertEqual(self.client.get("/index.php?id=5")["Location"], "/about?id=5")
        self.assertEqual(self.client.get("/index.php")["Location"], "/about")
        self.assertEqual(self.client.get("/index.php?id=77")["Location"], "/experts")

    def test_every_entry_path_stores_one_spelling(self):
        """The ORM, record_move() and the CSV import normalise the query string alike."""
        Redirect.objects.create(old_path="/a.php?b=2&a=1", new_path="/x")
        self.assertEqual(Redirect.objects.get().old_path, "/a.php?a=1&b=2")
        result = import_redirects("/a.php?a=1&b=2,/y\n/a.php?b=2&a=1,/z\n")
        self.assertEqual(len(result.errors), 1, result.errors)
        self.assertIn("already redirected on line 1", result.errors[0])
        record_move("/a.php?b=2&a=1", "/y")
        self.assertEqual(
            list(Redirect.objects.values_list("old_path", "new_path")),
            [("/a.php?a=1&b=2", "/y")],
        )

    def test_a_page_with_a_query_string_costs_no_redirect_query(self):
        """Only the home page (which reads no query string) and 404s look a query string up."""
        with CaptureQueriesContext(connection) as queries:
            self.client.get("/experts?page=1", **BROWSER)
        self.assertFalse([q for q in queries if "core_redirect" in q["sql"]])


class NotFoundLogTests(TestCase):
    def test_one_upsert_per_404_counts_hits(self):
        """Each 404 is one statement on the log; the same address counts up."""
        with CaptureQueriesContext(connection) as queries:
            self.client.get("/old/page?b=2&a=1", **BROWSER)
        self.assertEqual(sum("core_notfound" in q["sql"] for q in queries), 1)
        self.client.get("/old/page?a=1&b=2", **BROWSER)
        self.client.get("/other", **BROWSER)
        self.assertEqual(
            list(NotFound.objects.values_list("path", "hits")),
            [("/old/page?a=1&b=2", 2), ("/other", 1)],
        )

    def test_robots_files_staff_pages_and_posts_are_not_logged(self):
        self.client.get("/nowhere", HTTP_USER_AGENT="Googlebot/2.1")
        self.client.get("/nowhere")  # no user agent at all
        self.client.get("/static/missing.css", **BROWSER)
        self.client.get("/wp-content/x.png", **BROWSER)
        self.client.get("/admin/no-such-page/", **BROWSER)
        self.client.get("/ar/admin/no-such-page/", **BROWSER)
        self.client.post("/nowhere", **BROWSER)
        self.assertFalse(NotFound.objects.exists())
        self.client.get("/nowhere", **BROWSER)
        self.assertEqual(NotFound.objects.get().path, "/nowhere")

    @override_settings(NOT_FOUND_LOG_SIZE=3)
    def test_the_log_is_pruned_to_its_size(self):
        """The least recently seen addresses go; the log never grows past its size for long."""
        for i in range(notfound.PRUNE_EVERY * 2):
            self.client.get(f"/missing-{i}", **BROWSER)
        # Pruned on the way (every PRUNE_EVERY-th new row), never past a round.
        logged = NotFound.objects.count()
        self.assertLessEqual(logged, notfound.PRUNE_EVERY + 3)
        self.assertEqual(notfound.prune(3), logged - 3)
        self.assertEqual(
            sorted(NotFound.objects.values_list("path", flat=True)),
            sorted(
                f"/missing-{i}"
                for i in range(notfound.PRUNE_EVERY * 2 - 3, notfound.PRUNE_EVERY * 2)
            ),
        )


class EditorRedirectTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user(EDITOR)
        cls.contributor = make_user(CONTRIBUTOR)

    def test_editor_makes_a_redirect_from_the_log_in_one_click(self):
        """The log lists the address with its hits; its link opens the filled form; saving clears the row."""
        for _ in range(3):
            self.client.get("/index.php?id=77", **BROWSER)
        self.client.force_login(self.editor)
        page = self.client.get("/admin/core/notfound/")
        self.assertEqual(page.status_code, 200)
        doc = parse(page)
        (row,) = doc.xpath("//table[@id='result_list']/tbody/tr")
        self.assertEqual(row.xpath("string(.//td[@class='field-hits'])"), "3")
        (link,) = row.xpath(".//a[text()='Make a redirect']/@href")
        form = self.client.get(link)
        data = form_data(form)
        self.assertEqual(data["old_path"], ["/index.php?id=77"])
        response = self.client.post(link, fill(data, new_path="/experts"))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Redirect.objects.get().old_path, "/index.php?id=77")
        self.assertFalse(NotFound.objects.exists())
        self.client.logout()
        self.assertEqual(self.client.get("/index.php?id=77")["Location"], "/experts")

    def test_contributor_may_not_manage_redirects(self):
        """A contributor is refused where the editor (positive control) is served."""
        self.client.get("/gone", **BROWSER)
        for user, expected in ((self.contributor, 403), (self.editor, 200)):
            self.client.force_login(user)
            for url in ("/admin/core/notfound/", "/admin/core/redirect/add/"):
                with self.subTest(user=user.username, url=url):
                    self.assertEqual(self.client.get(url).status_code, expected)
