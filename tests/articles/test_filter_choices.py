"""
The list filters' choices (types, topics, regions, experts) are read on every
request and turned into options once for the same rows: what the database
holds now is what the select offers, whichever process wrote it and whether
or not anything was told of the change.
"""

from django.test import TestCase

from experts.models import Expert
from taxonomy.models import Topic
from tests.factories import make_article, make_expert, make_topic
from tests.html import parse


def options(client, url, name):
    """(value, label, selected) of the select ``name`` on the page at ``url``."""
    doc = parse(client.get(url))
    return [
        (option.get("value"), option.text_content(), option.get("selected") is not None)
        for option in doc.xpath(f"//select[@name='{name}']/option")
    ]


class FilterChoicesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.expert = make_expert("Omer Carmi", slug="omer-carmi")
        cls.energy = make_topic("Energy", slug="energy")
        make_article(authors=[cls.expert], topics=[cls.energy])

    def test_a_change_written_behind_the_sites_back_shows_on_the_next_request(self):
        """Writes without signals (``update()``, ``bulk_create()``), as another process's would be seen."""
        before = options(self.client, "/policy-analysis", "expert")
        self.assertIn(("omer-carmi", "Omer Carmi", False), before)
        Expert.objects.filter(pk=self.expert.pk).update(name_en="Omer Karmi")
        Expert.objects.bulk_create(
            [Expert(name_en="Aaron Zelin", name_ar="آرون زيلين", slug="aaron-zelin")]
        )
        Topic.objects.bulk_create(
            [Topic(name_en="Oil", name_ar="النفط", slug="oil", parent=self.energy)]
        )
        experts = options(self.client, "/policy-analysis", "expert")
        self.assertIn(("omer-carmi", "Omer Karmi", False), experts)
        self.assertIn(("aaron-zelin", "Aaron Zelin", False), experts)
        self.assertNotIn(("omer-carmi", "Omer Carmi", False), experts)
        topics = options(self.client, "/experts", "topic")
        values = [value for value, _label, _selected in topics]
        self.assertEqual(values[values.index("energy") + 1], "oil")
        self.assertIn(("oil", "— Oil", False), topics)
        # Removed: gone from the next page too.
        Expert.objects.filter(slug="aaron-zelin").delete()
        experts = options(self.client, "/policy-analysis", "expert")
        self.assertNotIn("aaron-zelin", [value for value, _l, _s in experts])

    def test_each_language_has_its_names(self):
        make_expert("Dana Stroul", name_ar="", slug="dana-stroul")
        english = options(self.client, "/policy-analysis", "expert")
        arabic = options(self.client, "/ar/policy-analysis", "expert")
        self.assertIn(("omer-carmi", "Omer Carmi", False), english)
        self.assertIn(("omer-carmi", self.expert.name_ar, False), arabic)
        # No Arabic name: the English one, in both.
        self.assertIn(("dana-stroul", "Dana Stroul", False), arabic)
        self.assertEqual(english[0][1], "All experts")
        self.assertNotEqual(arabic[0][1], "All experts")

    def test_the_chosen_value_is_selected_and_names_are_text(self):
        make_expert('Ann <b>"Bold"</b>', slug="ann-bold")
        url = "/policy-analysis?expert=omer-carmi&topic=energy"
        experts = options(self.client, url, "expert")
        self.assertEqual(
            [value for value, _label, selected in experts if selected], ["omer-carmi"]
        )
        self.assertIn(("ann-bold", 'Ann <b>"Bold"</b>', False), experts)
        topics = options(self.client, url, "topic")
        self.assertEqual(
            [value for value, _l, selected in topics if selected], ["energy"]
        )
        # Nothing chosen: "All …" is.
        plain = options(self.client, "/policy-analysis", "expert")
        self.assertEqual([value for value, _l, selected in plain if selected], [""])
        # An unknown value selects nothing and filters nothing.
        unknown = options(self.client, "/policy-analysis?expert=nobody", "expert")
        self.assertEqual([value for value, _l, selected in unknown if selected], [])
