from django.test import TestCase

from tests.factories import make_article, make_expert, make_topic
from tests.found.helpers import ATOM, xml

DC = "http://purl.org/dc/elements/1.1/"


class FeedItemTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.haddad = make_expert("Karim Haddad")
        cls.reyes = make_expert("Daniel Reyes")
        cls.topic = make_topic("Energy", slug="energy")
        cls.article = make_article(
            "Two Authors",
            authors=[cls.haddad, cls.reyes],
            topics=[cls.topic],
        )

    def rss_item(self, url):
        (item,) = xml(self.client.get(url)).find("channel").findall("item")
        return item

    def atom_entry(self, url):
        (entry,) = xml(self.client.get(url)).findall(f"{{{ATOM}}}entry")
        return entry

    def test_rss_names_each_author(self):
        """Defect 12: one dc:creator per author, in the byline's order, in RSS."""
        for url in ("/feeds/latest.rss", "/feeds/topic/energy.rss"):
            with self.subTest(url=url):
                item = self.rss_item(url)
                self.assertEqual(
                    [c.text for c in item.findall(f"{{{DC}}}creator")],
                    ["Karim Haddad", "Daniel Reyes"],
                )

    def test_atom_names_each_author(self):
        """Defect 12: one <author><name> per author, in the byline's order, in Atom."""
        entry = self.atom_entry("/feeds/topic/energy.atom")
        self.assertEqual(
            [a.findtext(f"{{{ATOM}}}name") for a in entry.findall(f"{{{ATOM}}}author")],
            ["Karim Haddad", "Daniel Reyes"],
        )

    def test_arabic_feeds_name_authors_in_arabic(self):
        """Defect 12: the Arabic feed names each author as the Arabic byline does."""
        self.article.available_ar = True
        self.article.title_ar, self.article.summary_ar = "عنوان", "ملخص"
        self.article.body_ar = "<p>نص</p>"
        self.article.save()
        item = self.rss_item("/ar/feeds/latest.rss")
        self.assertEqual(
            [c.text for c in item.findall(f"{{{DC}}}creator")],
            [self.haddad.name_ar, self.reyes.name_ar],
        )
