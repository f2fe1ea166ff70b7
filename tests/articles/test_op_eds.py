"""
An op-ed an outside outlet published is the outlet's work: canonical at the
outlet's address (so out of our sitemap), and cited, described and dated as
an article of that outlet by every output of its page.
"""

import json
from datetime import datetime

from django.test import TestCase, override_settings
from django.utils import timezone

from tests.articles.helpers import cite_entries, sitemap_entries
from tests.factories import make_article, make_expert
from tests.html import SITEMAP, XHTML, parse

SITE = "https://example.org"
OUTLET = "The Capital Courier"
OUTLET_URL = "https://capitalcourier.example/opinion/after-kabul"


def metas(doc, attribute, name):
    return doc.xpath(f"//head/meta[@{attribute}='{name}']/@content")


@override_settings(SITE_URL=SITE, SITE_NAME="The Meridian Institute")
class OpEdTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = make_expert("Dana Halvorsen", sort_name="Halvorsen, Dana")
        # Published here the day after the outlet printed it.
        here = timezone.make_aware(datetime(2021, 9, 8, 8))
        cls.op_ed = make_article(
            "After Kabul",
            type="op-ed",
            authors=[cls.author],
            languages=("en", "ar"),
            slug_en="after-kabul",
            slug_ar="baad-kabul",
            outlet_name=OUTLET,
            outlet_url=OUTLET_URL,
            outlet_date_text="September 7, 2021",
            published_at=here,
        )
        cls.issue = make_article(
            "Iran Talks",
            type="op-ed",
            authors=[cls.author],
            slug_en="iran-talks",
            outlet_name="Foreign Affairs",
            outlet_url="https://outlet.example/iran-talks",
            outlet_date_text="March–April 2022",
            published_at=here,
        )
        cls.unlinked = make_article(
            "Gulf Letters",
            type="op-ed",
            authors=[cls.author],
            slug_en="gulf-letters",
            outlet_name="Harbor Review",
            outlet_date_text="May 20, 2024",
            published_at=here,
        )
        cls.analysis = make_article("Own Work", slug_en="own-work")

    def sitemap_locations(self):
        return {
            url.findtext(f"{{{SITEMAP}}}loc") for url in sitemap_entries(self.client)
        }

    def test_every_output_names_the_outlet_its_address_and_its_date(self):
        """Defect 11: canonical, og:url, JSON-LD, Scholar tags, Chicago, APA, BibTeX and RIS agree."""
        for url in ("/policy-analysis/after-kabul", "/ar/policy-analysis/baad-kabul"):
            with self.subTest(url=url):
                doc = parse(self.client.get(url))
                self.assertEqual(
                    doc.xpath("//head/link[@rel='canonical']/@href"), [OUTLET_URL]
                )
                self.assertEqual(metas(doc, "property", "og:url"), [OUTLET_URL])
                # Alternates belong between canonical pages: this one is not.
                self.assertEqual(doc.xpath("//head/link[@hreflang]"), [])
                self.assertEqual(
                    metas(doc, "property", "article:published_time"), ["2021-09-07"]
                )
                data = json.loads(
                    doc.xpath("//script[@type='application/ld+json']")[0].text
                )
                self.assertEqual((data["@id"], data["url"]), (OUTLET_URL, OUTLET_URL))
                self.assertEqual(
                    data["publisher"], {"@type": "Organization", "name": OUTLET}
                )
                self.assertEqual(data["datePublished"], "2021-09-07")
                self.assertNotIn("dateModified", data)
                self.assertNotIn("workTranslation", data)
                self.assertNotIn("translationOfWork", data)
                self.assertEqual(
                    metas(doc, "name", "citation_publication_date"), ["2021/09/07"]
                )
                self.assertEqual(metas(doc, "name", "citation_journal_title"), [OUTLET])
                self.assertEqual(metas(doc, "name", "citation_publisher"), [])
                self.assertEqual(
                    metas(doc, "name", "citation_abstract_html_url"), [OUTLET_URL]
                )
                chicago, apa = cite_entries(doc)
                for entry in (chicago, apa):
                    self.assertEqual(entry.xpath(".//i//text()"), [OUTLET])
                    self.assertIn(OUTLET_URL, entry.text_content())
                    self.assertNotIn("Meridian", entry.text_content())
        doc = parse(self.client.get("/policy-analysis/after-kabul"))
        # The page shows the outlet's date, and its citations give the same one.
        self.assertIn(
            "September 7, 2021",
            doc.xpath("//p[contains(@class, 'source-line')]")[0].text_content(),
        )
        chicago, apa = cite_entries(doc)
        self.assertEqual(
            chicago.text_content(),
            f"Halvorsen, Dana. “After Kabul.” {OUTLET}, September 7, 2021. {OUTLET_URL}.",
        )
        self.assertEqual(
            apa.text_content(),
            f"Halvorsen, D. (2021, September 7). After Kabul. {OUTLET}. {OUTLET_URL}",
        )
        arabic_chicago, _apa = cite_entries(
            parse(self.client.get("/ar/policy-analysis/baad-kabul"))
        )
        self.assertIn("7 سبتمبر 2021", arabic_chicago.text_content())
        bib = self.client.get("/policy-analysis/after-kabul/cite.bib").content.decode()
        self.assertTrue(bib.startswith("@article{halvorsen2021after,\n"), bib)
        for line in (
            f"  journal = {{{OUTLET}}},",
            "  year = {2021},",
            "  month = sep,",
            "  date = {2021-09-07},",
            f"  url = {{{OUTLET_URL}}},",
        ):
            self.assertIn(line, bib.splitlines())
        self.assertNotIn("Meridian", bib)
        ris = self.client.get("/policy-analysis/after-kabul/cite.ris").content.decode()
        lines = ris.split("\r\n")
        for line in (
            "TY  - NEWS",
            f"T2  - {OUTLET}",
            "PY  - 2021",
            "DA  - 2021/09/07",
            f"UR  - {OUTLET_URL}",
        ):
            self.assertIn(line, lines)
        self.assertFalse([line for line in lines if line.startswith("PB  - ")])

    def test_canonical_elsewhere_means_out_of_the_sitemap(self):
        """Defect 11: the op-ed canonical at its outlet is in no sitemap; our own work still is."""
        locations = self.sitemap_locations()
        self.assertNotIn(f"{SITE}/policy-analysis/after-kabul", locations)
        self.assertNotIn(f"{SITE}/ar/policy-analysis/baad-kabul", locations)
        self.assertNotIn(f"{SITE}/policy-analysis/iran-talks", locations)
        self.assertIn(f"{SITE}/policy-analysis/own-work", locations)
        self.assertIn(f"{SITE}/policy-analysis/gulf-letters", locations)

    def test_an_issue_date_is_cited_as_printed_with_its_year(self):
        """Defect 11: "March–April 2022" is the date in every format, as words where a format allows, else its year."""
        doc = parse(self.client.get("/policy-analysis/iran-talks"))
        chicago, apa = cite_entries(doc)
        self.assertEqual(
            chicago.text_content(),
            "Halvorsen, Dana. “Iran Talks.” Foreign Affairs, March–April 2022. "
            "https://outlet.example/iran-talks.",
        )
        self.assertIn("(2022, March–April)", apa.text_content())
        self.assertEqual(metas(doc, "name", "citation_publication_date"), ["2022"])
        self.assertEqual(metas(doc, "property", "article:published_time"), ["2022"])
        data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
        self.assertEqual(data["datePublished"], "2022")
        ris = self.client.get("/policy-analysis/iran-talks/cite.ris").content.decode()
        self.assertIn("DA  - 2022///March–April 2022\r\n", ris)
        bib = self.client.get("/policy-analysis/iran-talks/cite.bib").content.decode()
        self.assertIn("  year = {2022},", bib.splitlines())
        self.assertFalse([line for line in bib.splitlines() if "month" in line])

    def test_an_op_ed_without_an_outlet_address_is_canonical_here(self):
        """Defect 11: with no outlet address the page is its own canonical, cited here, in the outlet."""
        url = f"{SITE}/policy-analysis/gulf-letters"
        doc = parse(self.client.get("/policy-analysis/gulf-letters"))
        self.assertEqual(doc.xpath("//head/link[@rel='canonical']/@href"), [url])
        self.assertEqual(metas(doc, "property", "og:url"), [url])
        self.assertEqual(metas(doc, "name", "citation_abstract_html_url"), [url])
        self.assertEqual(
            metas(doc, "name", "citation_journal_title"), ["Harbor Review"]
        )
        chicago, _apa = cite_entries(doc)
        self.assertEqual(
            chicago.text_content(),
            f"Halvorsen, Dana. “Gulf Letters.” Harbor Review, May 20, 2024. {url}.",
        )

    def test_own_work_keeps_its_own_address_and_publisher(self):
        """The positive control: an analysis is canonical here, published by the institute."""
        url = f"{SITE}/policy-analysis/own-work"
        doc = parse(self.client.get("/policy-analysis/own-work"))
        self.assertEqual(doc.xpath("//head/link[@rel='canonical']/@href"), [url])
        data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
        self.assertEqual(data["publisher"]["name"], "The Meridian Institute")
        self.assertIn("dateModified", data)
        self.assertEqual(
            metas(doc, "name", "citation_publisher"), ["The Meridian Institute"]
        )


@override_settings(SITE_URL=SITE)
class SitemapAlternatesTests(TestCase):
    def test_no_alternate_points_at_an_op_ed_canonical_elsewhere(self):
        """Defect 11: no sitemap entry names the op-ed's page as an alternate either."""
        make_article(
            type="op-ed",
            languages=("en", "ar"),
            outlet_name=OUTLET,
            outlet_url=OUTLET_URL,
            slug_en="elsewhere",
        )
        hrefs = [
            link.get("href")
            for url in sitemap_entries(self.client)
            for link in url.iter(f"{{{XHTML}}}link")
        ]
        self.assertFalse([href for href in hrefs if "elsewhere" in href])
