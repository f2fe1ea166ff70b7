import io
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from articles.models import Status
from core.models import Redirect, RedirectKind
from core.redirects import import_redirects, record_move
from tests.factories import make_article, make_expert, make_region, make_topic
from tests.html import parse


class SlugChangeTests(TestCase):
    def assertMoved(self, old, new):
        response = self.client.get(old)
        self.assertEqual(response.status_code, 301, old)
        self.assertEqual(response["Location"], new)
        self.assertEqual(self.client.get(new).status_code, 200, new)

    def test_article_in_each_language(self):
        article = make_article("Old title", languages=("en", "ar"), slug_ar="old-ar")
        article.slug_en, article.slug_ar = "new-title", "new-ar"
        article.save()
        self.assertMoved("/policy-analysis/old-title", "/policy-analysis/new-title")
        self.assertMoved("/ar/policy-analysis/old-ar", "/ar/policy-analysis/new-ar")
        self.assertEqual(
            Redirect.objects.get(old_path="/ar/policy-analysis/old-ar").language, "ar"
        )

    def test_unpublished_article_leaves_no_redirect(self):
        article = make_article("Draft title", status=Status.DRAFT)
        article.slug_en = "renamed-draft"
        article.save()
        self.assertFalse(Redirect.objects.exists())

    def test_topic_region_and_expert(self):
        topic, region = make_topic("Energy"), make_region("Gulf")
        expert = make_expert("Jane Roe")
        for obj, new in (
            (topic, "energy-security"),
            (region, "gulf-states"),
            (expert, "jane-q-roe"),
        ):
            with translation.override("en"):
                old_url = obj.get_absolute_url()
                obj.slug = new
                obj.save()
                new_url = obj.get_absolute_url()
            with self.subTest(obj=obj):
                self.assertMoved(old_url, new_url)
                self.assertMoved(f"/ar{old_url}", f"/ar{new_url}")

    def test_chains_collapse_and_never_loop(self):
        """A→B then B→C sends A straight to C; moving back to A deletes the redirect from A."""
        article = make_article("Alpha")
        for slug in ("beta", "gamma"):
            article.slug_en = slug
            article.save()
        self.assertEqual(
            dict(Redirect.objects.values_list("old_path", "new_path")),
            {
                "/policy-analysis/alpha": "/policy-analysis/gamma",
                "/policy-analysis/beta": "/policy-analysis/gamma",
            },
        )
        article.slug_en = "alpha"
        article.save()
        self.assertEqual(
            dict(Redirect.objects.values_list("old_path", "new_path")),
            {
                "/policy-analysis/beta": "/policy-analysis/alpha",
                "/policy-analysis/gamma": "/policy-analysis/alpha",
            },
        )
        self.assertEqual(self.client.get("/policy-analysis/alpha").status_code, 200)

    def test_only_404s_look_up_redirects(self):
        """A page that exists costs no redirect query; a 404 costs one indexed lookup."""
        record_move("/experts", "/elsewhere", kind=RedirectKind.MANUAL)
        self.assertEqual(self.client.get("/experts").status_code, 200)
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get("/nowhere").status_code, 404)
        self.assertEqual(sum("core_redirect" in q["sql"] for q in queries), 1)

    def test_query_string_is_kept(self):
        record_move("/old-list", "/policy-analysis", kind=RedirectKind.MANUAL)
        self.assertEqual(
            self.client.get("/old-list?type=op-ed")["Location"],
            "/policy-analysis?type=op-ed",
        )


class ImportTests(TestCase):
    def test_errors_name_their_line_and_nothing_is_saved(self):
        text = (
            "old_path,new_path,language\n"
            "/a,/b,en\n"
            "no-slash,/b\n"
            "/c\n"
            "/d,/d\n"
            "/a,/e\n"
            "/f,ftp://x\n"
        )
        result = import_redirects(text)
        self.assertEqual(
            result.errors,
            [
                "Line 3, old address: Enter a path on this site, starting with a single /.",
                "Line 4: expected old_path,new_path[,language].",
                "Line 5, new address: The new address is the old one: it would loop.",
                "Line 6: /a is already redirected on line 2.",
                (
                    "Line 7, new address: Enter a path on this site (/experts/jane-doe) "
                    "or a full URL starting with https:// or http://."
                ),
            ],
        )
        self.assertFalse(Redirect.objects.exists())

    def test_a_nul_character_is_refused_with_its_line(self):
        """Defect 5: a NUL character in an address is an error on its line, not a traceback."""
        result = import_redirects("/a,/b\n/c\x00,/d\n/e,/f\x00\n")
        self.assertEqual(
            result.errors,
            [
                "Line 2, old address: Null characters are not allowed.",
                "Line 3, new address: Null characters are not allowed.",
            ],
        )
        self.assertFalse(Redirect.objects.exists())

    def test_command_imports_and_collapses(self):
        record_move("/x", "/a", kind=RedirectKind.MANUAL)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "redirects.csv"
            path.write_text(
                "/a,/policy-analysis\n/ar/old,/ar/policy-analysis,ar\n",
                encoding="utf-8",
            )
            out = io.StringIO()
            call_command("import_redirects", str(path), stdout=out)
            self.assertEqual(out.getvalue(), "2 redirects added, 0 updated.\n")
            bad = Path(folder) / "bad.csv"
            bad.write_text("/ok,/fine\nbroken\n", encoding="utf-8")
            with self.assertRaisesMessage(CommandError, "Line 2: expected"):
                call_command("import_redirects", str(bad))
        self.assertEqual(
            dict(Redirect.objects.values_list("old_path", "new_path")),
            {
                "/x": "/policy-analysis",
                "/a": "/policy-analysis",
                "/ar/old": "/ar/policy-analysis",
            },
        )
        self.assertEqual(
            Redirect.objects.get(old_path="/ar/old").kind, RedirectKind.MANUAL
        )


class RedirectAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser(
            "editor", "e@example.org", "pw"
        )

    def setUp(self):
        self.client.force_login(self.user)

    def test_add_by_hand_collapses_chains(self):
        record_move("/one", "/two", kind=RedirectKind.MANUAL)
        response = self.client.post(
            "/admin/core/redirect/add/",
            {"old_path": "/two", "new_path": "/three", "language": "en"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Redirect.objects.get(old_path="/one").new_path, "/three")

    def test_csv_upload_reports_lines(self):
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile("r.csv", b"/a,/b\nbad\n", content_type="text/csv")
        response = self.client.post("/admin/core/redirect/import/", {"file": upload})
        self.assertContains(response, "Line 2: expected old_path,new_path[,language].")
        self.assertFalse(Redirect.objects.exists())
        upload = SimpleUploadedFile("r.csv", b"/a,/b\n/c,/d\n", content_type="text/csv")
        response = self.client.post("/admin/core/redirect/import/", {"file": upload})
        self.assertRedirects(
            response, "/admin/core/redirect/", fetch_redirect_response=False
        )
        self.assertEqual(Redirect.objects.count(), 2)


#: Addresses no redirect may hold, and the field each is refused in.
BAD_ADDRESSES = [
    ("new_path", "//evil.example"),
    ("new_path", "/\\evil.example"),
    ("new_path", "javascript:alert(1)"),
    ("new_path", "/a b"),
    ("old_path", "//evil.example"),
    ("old_path", "/old\x00path"),
    ("old_path", "/old#part"),
]


class RedirectValidationTests(TestCase):
    """Defect 29: the admin form, the CSV import and the ORM refuse the same addresses."""

    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser(
            "editor", "e@example.org", "pw"
        )

    def row(self, field, value):
        return {"old_path": "/old", "new_path": "/new", field: value}

    def test_admin_form_refuses_what_the_import_refuses(self):
        """Defect 29: a protocol-relative or otherwise foreign target is an error on its field in the admin."""
        self.client.force_login(self.user)
        for field, value in BAD_ADDRESSES:
            with self.subTest(value=value):
                response = self.client.post(
                    "/admin/core/redirect/add/", self.row(field, value)
                )
                self.assertEqual(response.status_code, 200)
                doc = parse(response)
                errors = doc.xpath(
                    f"//*[contains(@class, 'field-{field}')]//ul[@class='errorlist']/li"
                )
                self.assertTrue(errors, value)
        self.assertFalse(Redirect.objects.exists())
        # The same form saves a good pair.
        response = self.client.post(
            "/admin/core/redirect/add/",
            {"old_path": "/old", "new_path": "https://example.org/new"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Redirect.objects.get().new_path, "https://example.org/new")

    def test_import_refuses_the_same_addresses(self):
        """Defect 29: the CSV import names the line and the field of each refused address."""
        for field, value in BAD_ADDRESSES:
            with self.subTest(value=value):
                row = self.row(field, value)
                result = import_redirects(f"{row['old_path']},{row['new_path']}\n")
                label = Redirect._meta.get_field(field).verbose_name
                self.assertEqual(len(result.errors), 1, result.errors)
                self.assertTrue(result.errors[0].startswith(f"Line 1, {label}: "))
        self.assertFalse(Redirect.objects.exists())
        self.assertEqual(import_redirects("/old,https://example.org/new\n").created, 1)

    def test_orm_and_record_move_refuse_the_same_addresses(self):
        """Defect 29: saving through the ORM or record_move() runs the same checks."""
        for field, value in BAD_ADDRESSES:
            with self.subTest(value=value):
                with self.assertRaises(ValidationError) as caught:
                    Redirect.objects.create(**self.row(field, value))
                self.assertIn(field, caught.exception.message_dict)
                row = self.row(field, value)
                with self.assertRaises(ValidationError):
                    record_move(row["old_path"], row["new_path"])
        self.assertFalse(Redirect.objects.exists())
        record_move("/old", "/new")
        self.assertEqual(Redirect.objects.get().new_path, "/new")


class NulInAddressTests(TestCase):
    def test_a_nul_in_a_missing_address_is_a_plain_not_found(self):
        """Defect 26: %00 in a 404 address answers 404, not 500 (PostgreSQL refuses NUL in text)."""
        record_move("/old-list", "/policy-analysis", kind=RedirectKind.MANUAL)
        for url in (
            "/policy-analysis/x%00y",
            "/ar/nowhere%00",
            "/old-list%00",
            "/experts/a%00b",
            "/feeds/topic/a%00.rss",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)
        # The lookup itself still answers for a stored address.
        self.assertEqual(self.client.get("/old-list").status_code, 301)
