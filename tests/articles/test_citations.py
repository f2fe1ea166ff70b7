import json
import re
import string
from datetime import datetime
from unicodedata import bidirectional

from django.test import SimpleTestCase, TestCase, override_settings
from django.utils import timezone, translation

from articles.citations import _isolate
from tests.articles.helpers import cite_entries
from tests.factories import make_article, make_expert
from tests.html import parse

SITE = "https://example.org"
ARABIC_NAME = "معهد المدار"
LATIN = re.compile("[A-Za-z]")


def outside_bdi(element) -> str:
    """The text of ``element`` that is not inside a ``<bdi>``."""
    return "".join(text for text in element.xpath(".//text()[not(ancestor::bdi)]"))


@override_settings(
    SITE_URL=SITE,
    SITE_NAME="The Meridian Institute",
    SITE_NAMES={"ar": ARABIC_NAME},
)
class CitationTextTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.carmi = make_expert(
            "Omer Carmi", sort_name="Carmi, Omer", name_ar="عمر كرمي"
        )
        cls.roe = make_expert("Jane Roe", sort_name="Roe, Jane", name_ar="Jane Roe")
        cls.question = make_article(
            "Is Iran Next?",
            authors=[cls.carmi],
            slug_en="is-iran-next",
            published_at=timezone.make_aware(datetime(2023, 6, 13, 12)),
        )
        cls.report = make_article(
            "Sanctions",
            authors=[cls.carmi, cls.roe],
            languages=("en", "ar"),
            slug_en="sanctions",
            slug_ar="aluqwbat",
            title_ar="هل العقوبات مجدية؟",
            type="policy-note",
            series="Policy Note",
            series_number=79,
            published_at=timezone.make_aware(datetime(2023, 6, 13, 12)),
        )

    def test_a_title_ending_in_a_question_mark_takes_no_period(self):
        """Defect 15: “Is Iran Next?” is followed by no period in Chicago and APA."""
        chicago, apa = cite_entries(
            parse(self.client.get("/policy-analysis/is-iran-next"))
        )
        self.assertEqual(
            chicago.text_content(),
            "Carmi, Omer. “Is Iran Next?” Brief Analysis. The Meridian Institute, "
            f"June 13, 2023. {SITE}/policy-analysis/is-iran-next.",
        )
        self.assertEqual(
            apa.text_content(),
            "Carmi, O. (2023, June 13). Is Iran Next? The Meridian Institute. "
            f"{SITE}/policy-analysis/is-iran-next",
        )
        self.assertEqual(apa.xpath("./i/text()"), ["Is Iran Next?"])

    def test_arabic_citations_are_written_the_arabic_way(self):
        """Defect 15: Arabic comma, day month year, the institute's Arabic name, Latin runs isolated."""
        chicago, apa = cite_entries(
            parse(self.client.get("/ar/policy-analysis/aluqwbat"))
        )
        url = f"{SITE}/ar/policy-analysis/aluqwbat"
        self.assertEqual(
            chicago.text_content(),
            f"عمر كرمي وJane Roe. “هل العقوبات مجدية؟” مذكرة سياسية، Policy Note 79. "
            f"{ARABIC_NAME}، 13 يونيو 2023. {url}.",
        )
        self.assertEqual(
            apa.text_content(),
            f"عمر كرمي وJane Roe (2023، 13 يونيو). هل العقوبات مجدية؟ "
            f"(Policy Note 79). {ARABIC_NAME}. {url}",
        )
        for entry in (chicago, apa):
            # Every Latin run sits in its own <bdi>, so that it does not
            # reorder the Arabic around it; no Latin comma is left.
            self.assertEqual(
                entry.xpath(".//bdi/text()"), ["Jane Roe", "Policy Note 79", url]
            )
            self.assertIsNone(LATIN.search(outside_bdi(entry)), outside_bdi(entry))
            self.assertNotIn(",", outside_bdi(entry))

    def test_arabic_downloads_name_the_arabic_publisher_in_plain_text(self):
        """Defect 15: the Arabic BibTeX and RIS name the institute in Arabic, without markup."""
        ris = self.client.get("/ar/policy-analysis/aluqwbat/cite.ris").content.decode()
        self.assertIn(f"PB  - {ARABIC_NAME}\r\n", ris)
        bib = self.client.get("/ar/policy-analysis/aluqwbat/cite.bib").content.decode()
        self.assertIn(f"institution = {{{ARABIC_NAME}}}", bib)
        for text in (ris, bib):
            self.assertNotIn("<", text)
        # The English ones keep the English name.
        ris = self.client.get("/policy-analysis/sanctions/cite.ris").content.decode()
        self.assertIn("PB  - The Meridian Institute\r\n", ris)

    def test_arabic_metadata_names_the_same_publisher(self):
        """Defect 15: the Arabic page's Scholar tags and JSON-LD name the publisher its citations name."""
        doc = parse(self.client.get("/ar/policy-analysis/aluqwbat"))
        self.assertEqual(
            doc.xpath("//meta[@name='citation_publisher']/@content"), [ARABIC_NAME]
        )
        data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
        self.assertEqual(data["publisher"]["name"], ARABIC_NAME)
        doc = parse(self.client.get("/policy-analysis/sanctions"))
        data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
        self.assertEqual(data["publisher"]["name"], "The Meridian Institute")


class IsolationTests(SimpleTestCase):
    def test_ascii_text_is_isolated_exactly_when_its_letters_run_the_other_way(self):
        """The shortcut for ASCII text decides as the Unicode bidirectional classes do."""
        samples = [chr(code) for code in range(128)] + [
            string.printable,
            "Policy Note 79",
            "https://example.org/policy-analysis/x?y=1",
            "2023, 13",
            "",
        ]
        for language, other in (("en", ("R", "AL")), ("ar", ("L",))):
            with translation.override(language):
                for text in samples:
                    by_class = any(bidirectional(char) in other for char in text)
                    self.assertIs(
                        str(_isolate(text)).startswith("<bdi>"), by_class, text
                    )
                self.assertEqual(
                    str(_isolate("عمر كرمي")).startswith("<bdi>"), language == "en"
                )
