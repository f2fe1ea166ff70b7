import json
from datetime import datetime

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.citations import apa, bibtex, chicago, citation_for, ris
from articles.models import Status
from tests import files
from tests.articles.helpers import sitemap_entries
from tests.factories import make_article, make_expert, make_topic
from tests.html import ATOM, SITEMAP, XHTML, parse, xml

SITE = "https://example.org"


@override_settings(SITE_URL=SITE, SITE_NAME="The Meridian Institute")
class DiscoveryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.carmi = make_expert(
            "Omer Carmi", sort_name="Carmi, Omer", titles_en="Senior Fellow"
        )
        cls.roe = make_expert("Jane Roe", sort_name="Roe, Jane")
        cls.topic = make_topic("Energy", slug="energy")
        cls.article = make_article(
            'Sanctions & "Limits" </script>',
            authors=[cls.carmi, cls.roe],
            topics=[cls.topic],
            languages=("en", "ar"),
            slug_en="sanctions-limits",
            slug_ar="aluqwbat",
            title_ar="العقوبات وحدودها",
            type="policy-note",
            series="Policy Note",
            series_number=79,
            published_at=timezone.make_aware(datetime(2023, 6, 13, 12)),
        )
        cls.english = make_article(
            "Only in English", authors=[cls.roe], slug_en="only-english"
        )
        cls.draft = make_article("A draft", status=Status.DRAFT, slug_en="a-draft")

    # Feeds ---------------------------------------------------------------

    def test_rss_feeds(self):
        """Each language's RSS lists that language's live articles, with the required elements."""
        for url, expected in (
            (
                "/feeds/latest.rss",
                ["Only in English", 'Sanctions & "Limits" </script>'],
            ),
            ("/ar/feeds/latest.rss", ["العقوبات وحدودها"]),
            ("/feeds/topic/energy.rss", ['Sanctions & "Limits" </script>']),
            (
                f"/feeds/expert/{self.roe.slug}.rss",
                ["Only in English", 'Sanctions & "Limits" </script>'],
            ),
            ("/feeds/type/policy-note.rss", ['Sanctions & "Limits" </script>']),
        ):
            with self.subTest(url=url):
                channel = xml(self.client.get(url)).find("channel")
                for tag in ("title", "link", "description", "language"):
                    self.assertTrue(channel.findtext(tag), tag)
                items = channel.findall("item")
                self.assertEqual([i.findtext("title") for i in items], expected)
                for item in items:
                    self.assertTrue(item.findtext("link") and item.findtext("pubDate"))
        arabic = xml(self.client.get("/ar/feeds/latest.rss")).find("channel")
        self.assertEqual(arabic.findtext("language"), "ar")
        self.assertIn(
            "/ar/policy-analysis/aluqwbat", arabic.find("item").findtext("link")
        )

    def test_atom_feed(self):
        feed = xml(self.client.get("/feeds/topic/energy.atom"))
        self.assertEqual(feed.tag, f"{{{ATOM}}}feed")
        for tag in ("id", "title", "updated"):
            self.assertTrue(feed.findtext(f"{{{ATOM}}}{tag}"), tag)
        entries = feed.findall(f"{{{ATOM}}}entry")
        self.assertEqual(len(entries), 1)
        for tag in ("id", "title", "updated"):
            self.assertTrue(entries[0].findtext(f"{{{ATOM}}}{tag}"), tag)
        self.assertEqual(self.client.get("/feeds/topic/nothing.atom").status_code, 404)

    def test_pages_link_their_feeds(self):
        doc = parse(self.client.get(f"/experts/{self.roe.slug}"))
        hrefs = doc.xpath("//link[@rel='alternate'][@type='application/rss+xml']/@href")
        self.assertEqual(
            hrefs, ["/feeds/latest.rss", f"/feeds/expert/{self.roe.slug}.rss"]
        )
        doc = parse(self.client.get("/ar/policy-analysis/energy"))
        hrefs = doc.xpath(
            "//link[@rel='alternate'][@type='application/atom+xml']/@href"
        )
        self.assertEqual(
            hrefs, ["/ar/feeds/latest.atom", "/ar/feeds/topic/energy.atom"]
        )

    def test_article_page_links_the_feeds_of_its_topics(self):
        doc = parse(self.client.get("/policy-analysis/sanctions-limits"))
        hrefs = doc.xpath("//link[@rel='alternate'][@type='application/rss+xml']/@href")
        self.assertEqual(hrefs, ["/feeds/latest.rss", "/feeds/topic/energy.rss"])

    def test_feed_queries_do_not_grow(self):
        with CaptureQueriesContext(connection) as one:
            self.client.get("/feeds/latest.rss")
        for _n in range(3):
            make_article(authors=2, topics=1)
        with self.assertNumQueries(len(one)):
            self.client.get("/feeds/latest.rss")

    # Sitemap -------------------------------------------------------------

    def test_sitemap(self):
        """Every live page once per language, lastmod as a W3C date, reciprocal alternates."""
        entries = {}
        for url in sitemap_entries(self.client):
            loc = url.findtext(f"{{{SITEMAP}}}loc")
            links = {
                link.get("hreflang"): link.get("href")
                for link in url.findall(f"{{{XHTML}}}link")
                if link.get("rel") == "alternate"
            }
            entries[loc] = (url.findtext(f"{{{SITEMAP}}}lastmod"), links)
        self.assertIn(f"{SITE}/policy-analysis/sanctions-limits", entries)
        self.assertIn(f"{SITE}/ar/policy-analysis/aluqwbat", entries)
        self.assertIn(f"{SITE}/policy-analysis/only-english", entries)
        self.assertNotIn(f"{SITE}/ar/policy-analysis/only-english", entries)
        self.assertFalse([loc for loc in entries if "a-draft" in loc])
        self.assertIn(f"{SITE}/experts/{self.carmi.slug}", entries)
        self.assertIn(f"{SITE}/ar/policy-analysis/energy", entries)
        lastmod, links = entries[f"{SITE}/policy-analysis/sanctions-limits"]
        datetime.fromisoformat(lastmod)  # a W3C datetime
        for code, href in links.items():
            if code != "x-default":
                # Each alternate lists this page back.
                self.assertEqual(entries[href][1], links)
        self.assertEqual(links["ar"], f"{SITE}/ar/policy-analysis/aluqwbat")

    def test_sitemap_queries_do_not_grow(self):
        urls = ["/sitemap.xml", "/sitemap-articles.xml", "/sitemap-experts.xml"]
        counts = {}
        for url in urls:
            with CaptureQueriesContext(connection) as one:
                self.client.get(url)
            counts[url] = len(one)
        for _n in range(3):
            make_article(authors=1, topics=1, languages=("en", "ar"))
            make_expert()
        for url in urls:
            with self.assertNumQueries(counts[url]):
                self.client.get(url)

    def test_robots_txt(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain")
        self.assertIn(f"Sitemap: {SITE}/sitemap.xml", response.content.decode())

    # Metadata ------------------------------------------------------------

    def test_article_metadata(self):
        doc = parse(self.client.get("/policy-analysis/sanctions-limits"))
        self.assertEqual(
            doc.xpath("//link[@rel='canonical']/@href"),
            [f"{SITE}/policy-analysis/sanctions-limits"],
        )
        self.assertEqual(
            doc.xpath("//meta[@property='og:title']/@content"),
            ['Sanctions & "Limits" </script>'],
        )
        self.assertEqual(
            doc.xpath("//meta[@name='twitter:card']/@content"), ["summary"]
        )
        self.assertEqual(
            doc.xpath("//meta[@name='citation_author']/@content"),
            ["Carmi, Omer", "Roe, Jane"],
        )
        self.assertEqual(
            doc.xpath("//meta[@name='citation_publication_date']/@content"),
            ["2023/06/13"],
        )
        self.assertEqual(
            doc.xpath("//meta[@name='citation_technical_report_number']/@content"),
            ["Policy Note 79"],
        )
        scripts = doc.xpath("//script[@type='application/ld+json']")
        self.assertEqual(len(scripts), 1)
        # The title's "</script>" cannot end the data block early.
        self.assertNotIn("</script>", scripts[0].text)
        data = json.loads(scripts[0].text)
        self.assertEqual(data["@type"], "Report")
        self.assertEqual(data["headline"], 'Sanctions & "Limits" </script>')
        self.assertEqual(
            [a["name"] for a in data["author"]], ["Omer Carmi", "Jane Roe"]
        )
        self.assertEqual(data["author"][0]["jobTitle"], "Senior Fellow")
        self.assertEqual(data["inLanguage"], "en")
        self.assertEqual(
            data["workTranslation"][0]["@id"], f"{SITE}/ar/policy-analysis/aluqwbat"
        )
        arabic = json.loads(
            parse(self.client.get("/ar/policy-analysis/aluqwbat"))
            .xpath("//script[@type='application/ld+json']")[0]
            .text
        )
        self.assertEqual(
            arabic["translationOfWork"]["@id"],
            f"{SITE}/policy-analysis/sanctions-limits",
        )
        self.assertEqual(arabic["inLanguage"], "ar")

    def test_expert_metadata(self):
        doc = parse(self.client.get(f"/experts/{self.carmi.slug}"))
        self.assertEqual(
            doc.xpath("//link[@rel='canonical']/@href"),
            [f"{SITE}/experts/{self.carmi.slug}"],
        )
        data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
        self.assertEqual((data["@type"], data["name"]), ("Person", "Omer Carmi"))

    def test_shared_pictures_are_renditions_never_the_original_upload(self):
        lead = files.library_image(files.photo((2400, 1600)), title="Harbour")
        face = files.library_image(files.photo((900, 900), dot=(50, 40)))
        expert = make_expert("Lina Haddad", headshot=face)
        make_article(
            "Ports and Power", authors=[expert], lead_image=lead, slug_en="ports"
        )
        doc = parse(self.client.get("/policy-analysis/ports"))
        (og,) = doc.xpath("//meta[@property='og:image']/@content")
        self.assertIn("/og-1200x630", og)
        self.assertEqual(doc.xpath("//meta[@name='twitter:image']/@content"), [og])
        data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
        self.assertEqual(data["image"], og)
        self.assertNotIn(lead.file.url, doc.xpath("//head")[0].text_content())
        page = parse(self.client.get(f"/experts/{expert.slug}"))
        person = json.loads(page.xpath("//script[@type='application/ld+json']")[0].text)
        self.assertTrue(person["image"].startswith(f"{SITE}/"))
        self.assertIn("/profile-", person["image"])
        self.assertNotEqual(person["image"], f"{SITE}{face.file.url}")

    def test_other_pages_have_canonical_and_open_graph(self):
        doc = parse(self.client.get("/policy-analysis"))
        self.assertEqual(
            doc.xpath("//link[@rel='canonical']/@href"), [f"{SITE}/policy-analysis"]
        )
        self.assertTrue(doc.xpath("//meta[@property='og:site_name']"))

    # Citations -----------------------------------------------------------

    def test_citation_formats(self):
        c = citation_for(self.article, language_code="en")
        url = f"{SITE}/policy-analysis/sanctions-limits"
        self.assertEqual(
            chicago(c),
            "Carmi, Omer, and Jane Roe. “Sanctions &amp; &quot;Limits&quot; &lt;/script&gt;.” "
            f"Policy Note 79. The Meridian Institute, June 13, 2023. {url}.",
        )
        self.assertEqual(
            apa(c),
            "Carmi, O., &amp; Roe, J. (2023, June 13). <i>Sanctions &amp; &quot;Limits&quot; &lt;/script&gt;</i> "
            f"(Policy Note 79). The Meridian Institute. {url}",
        )
        self.assertEqual(
            bibtex(c),
            "@techreport{carmi2023sanctions,\n"
            "  author = {Carmi, Omer and Roe, Jane},\n"
            '  title = {{Sanctions \\& "Limits" </script>}},\n'
            "  institution = {The Meridian Institute},\n"
            "  type = {Policy Note},\n"
            "  number = {79},\n"
            "  year = {2023},\n"
            "  month = jun,\n"
            "  date = {2023-06-13},\n"
            f"  url = {{{url}}},\n"
            "  langid = {english},\n"
            "}\n",
        )
        self.assertEqual(
            ris(c),
            "TY  - RPRT\r\nAU  - Carmi, Omer\r\nAU  - Roe, Jane\r\n"
            'TI  - Sanctions & "Limits" </script>\r\nPY  - 2023\r\nDA  - 2023/06/13\r\n'
            "PB  - The Meridian Institute\r\nT3  - Policy Note\r\nSN  - 79\r\nM3  - Policy Note\r\n"
            f'AB  - The summary of Sanctions & "Limits" </script>.\r\nUR  - {url}\r\nLA  - en\r\nER  - \r\n',
        )

    def test_cite_this_on_the_page_and_downloads(self):
        doc = parse(self.client.get("/ar/policy-analysis/aluqwbat"))
        box = doc.xpath("//section[contains(@class, 'cite-this')]")[0]
        self.assertIn("العقوبات وحدودها", box.text_content())
        self.assertIn("يونيو", box.text_content())
        links = box.xpath(".//a/@href")
        self.assertEqual(
            links,
            [
                "/ar/policy-analysis/aluqwbat/cite.bib",
                "/ar/policy-analysis/aluqwbat/cite.ris",
            ],
        )
        response = self.client.get(links[1])
        self.assertEqual(
            response["Content-Type"],
            "application/x-research-info-systems; charset=utf-8",
        )
        self.assertIn("TI  - العقوبات وحدودها", response.content.decode())
        self.assertIn(
            f"UR  - {SITE}/ar/policy-analysis/aluqwbat", response.content.decode()
        )
        self.assertEqual(
            self.client.get("/policy-analysis/a-draft/cite.bib").status_code, 404
        )
        self.assertEqual(
            self.client.get(
                reverse("article_citation", args=["sanctions-limits", "doc"])
            ).status_code,
            404,
        )
