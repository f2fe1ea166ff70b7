import re

from django.test import TestCase, override_settings

from tests.factories import make_article

SITE = "https://example.org"


def rules(text: str) -> list[tuple[str, str]]:
    """The (Allow|Disallow, pattern) lines of the ``User-agent: *`` group."""
    found, applies = [], False
    for line in text.splitlines():
        field, _colon, value = line.partition(":")
        field, value = field.strip().lower(), value.strip()
        if field == "user-agent":
            applies = value == "*"
        elif applies and field in ("allow", "disallow") and value:
            found.append((field, value))
    return found


def allowed(text: str, url: str) -> bool:
    """
    Can a crawler fetch ``url`` (path and query)? Matching as RFC 9309 and the
    major crawlers do: ``*`` is any run of characters, a final ``$`` ends the
    address, the longest matching rule wins and Allow wins a tie.
    """
    # (length of the longest matching rule, is it an Allow): max() picks the
    # longer rule, and Allow on a tie. No rule matching means allowed.
    best = (0, True)
    for field, pattern in rules(text):
        anchored = pattern.endswith("$")
        body = pattern[:-1] if anchored else pattern
        regex = ".*".join(re.escape(part) for part in body.split("*"))
        if re.match(regex + ("$" if anchored else ""), url):
            best = max(best, (len(pattern), field == "allow"))
    return best[1]


@override_settings(SITE_URL=SITE)
class RobotsTests(TestCase):
    def test_the_matcher_reads_wildcards_and_anchors(self):
        """The matcher itself: the old rule "/*/search" did block an article whose slug begins with "search"."""
        old = "User-agent: *\nDisallow: /*/search\nDisallow: /search\n"
        self.assertFalse(allowed(old, "/policy-analysis/search-for-allies"))
        self.assertTrue(allowed("User-agent: *\nDisallow: /a$\n", "/ab"))
        self.assertFalse(allowed("User-agent: *\nDisallow: /a$\n", "/a"))

    def test_exactly_the_admin_and_search_are_closed(self):
        """Defect 14: search results and both admins are closed; an article named "search…" stays open."""
        article = make_article(
            "Search for Allies", languages=("en", "ar"), slug_ar="search-ar"
        )
        for _ in range(10):  # a second page of the listing
            make_article()
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain")
        text = response.content.decode()
        self.assertIn(f"Sitemap: {SITE}/sitemap.xml", text)
        for url in (
            "/search",
            "/search?q=iran",
            "/search?q=iran&page=2",
            "/ar/search",
            "/ar/search?q=%D8%A5%D9%8A%D8%B1%D8%A7%D9%86",
            "/admin/",
            "/admin/articles/article/",
            "/ar/admin/",
            "/ar/admin/login/",
        ):
            with self.subTest(url=url):
                self.assertFalse(allowed(text, url))
        for url in (
            "/",
            "/ar/",
            article.get_absolute_url(),
            article.url_in("ar"),
            "/policy-analysis",
            "/policy-analysis?page=2",
            "/experts",
            "/feeds/latest.rss",
            "/sitemap.xml",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200, url)
                self.assertTrue(allowed(text, url))
        self.assertEqual(article.get_absolute_url(), "/policy-analysis/search-allies")
