"""The article change list: search in both languages and the filters by author, region, owner and translation."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import StaleTranslation, Status
from tests.admin_forms import change_url, form_data
from tests.factories import make_article, make_expert, make_region
from tests.html import parse

URL = reverse("admin:articles_article_changelist")


def titles(response):
    """The English titles the change list shows, in order."""
    assert response.status_code == 200, response.status_code
    return [
        cell.xpath("string(.//a/text()[1])").strip()
        for cell in parse(response).xpath(
            "//table[@id='result_list']//*[contains(@class, 'field-headline')]"
        )
    ]


class AdminSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser(
            "boss", "b@example.org", "pw"
        )
        cls.author = make_expert("Leila Haddad", name_ar="ليلى حداد")
        cls.gulf = make_region("Gulf")
        cls.iran = make_region("Iran", parent=cls.gulf)
        cls.egypt = make_region("Egypt")
        cls.by_leila = make_article(
            "Water tables",
            authors=[cls.author],
            regions=[cls.iran],
            status=Status.DRAFT,
        )
        cls.bodied = make_article(
            "Quiet title",
            body_en="<p>The desalination plants of the coast.</p>",
            languages=("en", "ar"),
            summary_ar="ملخص عن الطاقة الشمسية",
            regions=[cls.egypt],
        )
        cls.other = make_article("Grain prices", created_by=cls.user)

    def setUp(self):
        self.client.force_login(self.user)

    def search(self, term, **filters):
        return titles(self.client.get(URL, {"q": term, **filters}))

    def test_search_reaches_titles_summaries_bodies_and_authors_in_both_languages(self):
        self.assertEqual(
            self.search("Water"), ["Water tables"]
        )  # title, part of a word works too
        self.assertEqual(self.search("Wat"), ["Water tables"])
        self.assertEqual(self.search("desalination"), ["Quiet title"])  # body
        self.assertEqual(self.search("الشمسية"), ["Quiet title"])  # Arabic summary
        self.assertEqual(self.search("Haddad"), ["Water tables"])  # author, English
        self.assertEqual(self.search("حداد"), ["Water tables"])  # author, Arabic
        self.assertEqual(self.search("nothing-like-this"), [])

    def test_filters_by_author_region_owner_and_translation(self):
        self.assertEqual(
            titles(self.client.get(URL, {"author": self.author.pk})), ["Water tables"]
        )
        # A region finds its sub-regions' articles too.
        self.assertEqual(
            titles(self.client.get(URL, {"region": self.gulf.pk})), ["Water tables"]
        )
        self.assertEqual(
            titles(self.client.get(URL, {"owner": self.user.pk})), ["Grain prices"]
        )
        self.assertEqual(
            titles(self.client.get(URL, {"owner": "me"})), ["Grain prices"]
        )
        # No Arabic title, or an Arabic field older than its English source.
        self.assertEqual(
            sorted(titles(self.client.get(URL, {"needs_translation": "ar"}))),
            ["Grain prices", "Water tables"],
        )
        StaleTranslation.objects.create(
            article=self.bodied,
            field="summary_ar",
            english_then="Old",
            since=self.bodied.published_at,
        )
        self.assertIn(
            "Quiet title", titles(self.client.get(URL, {"needs_translation": "ar"}))
        )

    def test_region_filter_and_picker_show_the_tree(self):
        """The filter's links and the form's boxes put Iran under the Gulf, indented."""
        doc = parse(self.client.get(URL))
        labels = [
            a.text_content()
            for a in doc.xpath(
                "//*[@id='changelist-filter']//a[contains(@href, 'region=')]"
            )
        ]
        gulf = labels.index("Gulf")
        self.assertEqual(labels[gulf + 1], "\u00a0" * 4 + "Iran")
        form = self.client.get(change_url(self.by_leila))
        boxes = parse(form).xpath("//input[@name='regions']")
        names = [box.getparent().text_content() for box in boxes]
        self.assertIn("\u00a0" * 4 + "Iran", [n.strip("\n ") for n in names])
        checked = [box.get("value") for box in boxes if box.get("checked") is not None]
        self.assertEqual(checked, [str(self.iran.pk)])
        # The form saves through the boxes as it is drawn.
        data = form_data(form)
        data["regions"] = [str(self.egypt.pk), str(self.iran.pk)]
        data["_continue"] = ["Save"]
        response = self.client.post(change_url(self.by_leila), data)
        self.assertEqual(response.status_code, 302, response.content[:2000])
        self.assertEqual(
            sorted(self.by_leila.regions.values_list("pk", flat=True)),
            sorted([self.egypt.pk, self.iran.pk]),
        )

    def test_query_count_is_flat(self):
        """A search with every filter costs as many queries for one row as for five."""
        params = {"q": "analysis", "needs_translation": "ar", "region": self.gulf.pk}

        def count():
            with CaptureQueriesContext(connection) as queries:
                self.client.get(URL, params)
            return len(queries)

        make_article("analysis one", authors=2, regions=[self.iran])
        one = count()
        for i in range(4):
            make_article(f"analysis {i}", authors=3, regions=[self.gulf])
        self.assertEqual(len(titles(self.client.get(URL, params))), 5)
        self.assertEqual(count(), one)
