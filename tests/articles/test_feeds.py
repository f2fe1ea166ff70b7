from django.test import TestCase

from tests.factories import make_article, make_expert, make_topic
from tests.html import ATOM, fragment, xml

DC = "http://purl.org/dc/elements/1.1/"
MARKUP = '<img src=x onerror="alert(1)"> & <b>bold</b>'


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
            summary_en=MARKUP,
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

    def test_summaries_are_text_not_markup(self):
        """Defect 28: a summary's markup reaches a feed reader as text, in RSS and in Atom."""
        # RSS readers render a description as HTML: parsed so, it holds no element.
        description = self.rss_item("/feeds/latest.rss").findtext("description")
        rendered = fragment(description)
        self.assertEqual(rendered.xpath("./*"), [])
        self.assertEqual(rendered.text_content(), MARKUP)
        # Atom says the summary is text, and gives it as typed.
        summary = self.atom_entry("/feeds/latest.atom").find(f"{{{ATOM}}}summary")
        self.assertEqual(summary.get("type"), "text")
        self.assertEqual(summary.text, MARKUP)
