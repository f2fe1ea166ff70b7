"""
A small client of the read API, as another site or app would write it: it
knows the API's addresses and documents only, and reads them over HTTP
(here through Django's test client, which speaks HTTP to the WSGI app).
"""

import json

import lxml.html


def _text(html: str) -> str:
    """The visible text of an HTML fragment."""
    if not html:
        return ""
    return " ".join(
        lxml.html.fragment_fromstring(html, create_parent="div").text_content().split()
    )


class ApiClient:
    def __init__(self, http, base="/api/v1", headers=None):
        self.http = http
        self.base = base
        self.headers = headers or {}

    def get(self, path_or_url, **params):
        path = path_or_url.split("://", 1)[-1]
        if "://" in path_or_url:
            path = "/" + path.split("/", 1)[1]
        elif not path.startswith(self.base):
            path = self.base + path
        response = self.http.get(path, params or None, headers=self.headers)
        assert response.status_code == 200, (
            path,
            response.status_code,
            response.content[:300],
        )
        return json.loads(response.content)

    def article_page(self, slug, language):
        """
        The content of an article's page rebuilt from the API: the texts a
        reader sees, in the page's order, keyed by the page's parts.
        """
        doc = self.get(f"/articles/{slug}", lang=language)
        return {
            "title": doc["title"],
            "subtitle": doc["subtitle"],
            "type": doc["type"]["name"],
            "byline": [author["name"] for author in doc["authors"]],
            "summary": doc["summary"],
            "body_html": doc["body"],
            "bios": [(entry["name"], entry["short_bio"]) for entry in doc["byline"]],
            # The page ends the note with its ornament.
            "author_note": f"{doc['author_note']} ❖" if doc["author_note"] else "",
            "lead_image_alt": (doc["lead_image"] or {}).get("alt"),
            "lead_image_src": ((doc["lead_image"] or {}).get("renditions") or {}).get(
                "src"
            ),
            "topics": [(t["name"], t["url"]) for t in doc["topics"]],
            "regions": [(r["name"], r["url"]) for r in doc["regions"]],
            "recommended": [
                (item["title"], item["url"]) for item in doc["recommended"]
            ],
            "chicago": _text(doc["citation"]["chicago"]),
            "apa": _text(doc["citation"]["apa"]),
            "other_languages": sorted(
                (code, t["url"])
                for code, t in doc["translations"].items()
                if code != language
            ),
        }
