"""Import and export in the admin: upload, dry-run report, apply; unpublished changes; download."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from articles.models import Article, Status
from exchange.models import ImportBatch
from history import services as history
from tests.exchange.helpers import article, document, expert
from tests.factories import committed, make_article, make_expert
from tests.html import parse
from tests.workflow.conftest import make_user
from workflow.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR

ADD = reverse("admin:exchange_importbatch_add")
EXPORT = reverse("admin:exchange_importbatch_export")


def upload(doc, name="content.json"):
    return SimpleUploadedFile(
        name, json.dumps(doc).encode(), content_type="application/json"
    )


class AdminImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_user(ADMINISTRATOR)
        cls.editor = make_user(EDITOR)
        cls.author = make_expert("Jane Doe", slug="jane-doe")
        cls.draft = make_article(
            "Draft piece", slug_en="draft-piece", status=Status.DRAFT
        )
        cls.live = make_article(
            "Live piece", slug_en="live-piece", authors=[cls.author]
        )

    def setUp(self):
        self.client.force_login(self.admin)

    def check(self, doc, *, as_pending=True):
        data = {"file": upload(doc)}
        if as_pending:
            data["as_pending"] = "on"
        return self.client.post(ADD, data)

    def report(self, response):
        doc = parse(response)
        return [
            [cell.text_content().strip() for cell in row.xpath("td")]
            for row in doc.xpath("//table[@id='import-changes']/tbody/tr")
        ]

    def test_dry_run_names_each_record_and_field_then_apply_writes_it(self):
        doc = document(
            experts=[expert("new-person")],
            articles=[
                article(
                    "draft-piece",
                    status="draft",
                    title={"en": "Draft piece, retitled"},
                    summary={"en": self.draft.summary_en},
                    body={"en": self.draft.body_en},
                    authors=["jane-doe"],
                ),
                article("brand-new", authors=["new-person"]),
            ],
        )
        doc["articles"][0].pop("published_at")
        doc["articles"][0]["languages"] = []
        response = self.check(doc)
        self.assertEqual(response.status_code, 302)
        review = self.client.get(response["Location"])
        rows = self.report(review)
        self.assertIn(
            ['experts[0] (slug "new-person")', "created", ""],
            [r[:2] + [""] for r in rows],
        )
        draft_row = next(r for r in rows if "draft-piece" in r[0])
        self.assertEqual(draft_row[1], "updated")
        self.assertIn("title.en", draft_row[2])
        self.assertIn("authors", draft_row[2])
        self.assertNotIn("body.en", draft_row[2])
        # Nothing written yet.
        self.assertFalse(Article.all_objects.filter(slug_en="brand-new").exists())
        self.draft.refresh_from_db()
        self.assertEqual(self.draft.title_en, "Draft piece")
        # Apply: the stored file, all of it.
        (form,) = parse(review).xpath("//form[@id='apply_form']")
        self.assertEqual((form.get("method"), form.get("action")), ("post", None))
        with committed():
            applied = self.client.post(response["Location"])
        self.assertRedirects(
            applied,
            reverse("admin:exchange_importbatch_changelist"),
            fetch_redirect_response=False,
        )
        self.draft.refresh_from_db()
        self.assertEqual(self.draft.title_en, "Draft piece, retitled")
        self.assertTrue(Article.all_objects.filter(slug_en="brand-new").exists())
        # Once only.
        again = self.client.post(response["Location"])
        self.assertContains(again, "This file was already imported.")

    def test_errors_are_listed_and_nothing_is_kept(self):
        doc = document(
            articles=[article("x", authors=["nobody"]), article("y", type="no-type")]
        )
        response = self.check(doc)
        self.assertEqual(response.status_code, 200)
        errors = parse(response).xpath("//ul[@id='import-errors']/li/text()")
        self.assertEqual(len(errors), 2, errors)
        self.assertIn(
            'articles[0] (slug "x"): authors: unknown expert "nobody"', errors
        )
        self.assertFalse(ImportBatch.objects.exists())

    def test_a_file_path_names_nothing_on_the_server(self):
        """An upload's headshot path is looked up in an empty folder: an error, never a server file."""
        doc = document(
            experts=[expert("jane-doe", headshot="../../../../etc/hostname")]
        )
        response = self.check(doc)
        errors = parse(response).xpath("//ul[@id='import-errors']/li/text()")
        self.assertEqual(len(errors), 1, errors)
        self.assertIn("headshot", errors[0])

    def test_changes_to_live_articles_wait_for_review(self):
        doc = document(
            articles=[
                article(
                    "live-piece",
                    title={"en": "Live piece, improved"},
                    summary={"en": self.live.summary_en},
                    body={"en": self.live.body_en},
                    authors=["jane-doe"],
                )
            ]
        )
        doc["articles"][0]["published_at"] = self.live.published_at.isoformat()
        response = self.check(doc, as_pending=True)
        rows = self.report(self.client.get(response["Location"]))
        self.assertEqual(
            rows,
            [
                [
                    'articles[0] (slug "live-piece")',
                    "kept as an unpublished change",
                    "title.en",
                ]
            ],
        )
        with committed():
            self.client.post(response["Location"])
        self.live.refresh_from_db()
        self.assertEqual(self.live.title_en, "Live piece")
        waiting = history.pending(self.live)
        self.assertEqual(waiting.data["fields"]["title_en"], "Live piece, improved")
        # The editor sees it on the article, as any unpublished change.
        self.client.force_login(self.editor)
        page = self.client.get(
            reverse("admin:articles_article_change", args=[self.live.pk])
        )
        self.assertContains(page, "Live piece, improved")
        # Without the option the live page changes at once.
        self.client.force_login(self.admin)
        doc["articles"][0]["title"] = {"en": "Live piece, at once"}
        response = self.check(doc, as_pending=False)
        with committed():
            self.client.post(response["Location"])
        self.live.refresh_from_db()
        self.assertEqual(self.live.title_en, "Live piece, at once")

    def test_only_the_uploader_applies_a_file(self):
        response = self.check(document(experts=[expert("someone")]))
        other = make_user(ADMINISTRATOR, "other_admin")
        other.is_superuser = False
        other.save()
        self.client.force_login(other)
        self.assertEqual(self.client.post(response["Location"]).status_code, 404)
        self.assertIsNone(ImportBatch.objects.get().applied_at)

    def test_who_may_import_and_export(self):
        """The editor exports but may not import; the administrator (positive control) does both."""
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(ADD).status_code, 403)
        self.assertEqual(self.check(document()).status_code, 403)
        exported = self.client.post(EXPORT)
        self.assertEqual(exported.status_code, 200)
        self.assertIn("attachment;", exported["Content-Disposition"])
        data = json.loads(exported.content)
        self.assertEqual(data["format"], "thinktank-exchange/1")
        self.assertIn("live-piece", [a["slug"]["en"] for a in data["articles"]])
        self.client.force_login(make_user(CONTRIBUTOR))
        self.assertEqual(self.client.post(EXPORT).status_code, 403)
        self.client.force_login(self.admin)
        self.assertEqual(self.client.get(ADD).status_code, 200)
        self.assertEqual(self.check(document()).status_code, 302)
