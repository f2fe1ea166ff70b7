"""
Security headers on every kind of page (public, admin, staff preview, share
link), and the strict Content Security Policy kept: no page loads anything
from another origin, and no inline script or style runs without the
request's nonce.
"""

import os
import re
import subprocess
import sys
from urllib.parse import urlsplit

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from articles.models import Status
from tests.factories import make_article, make_expert, make_topic
from workflow import sharing

pytestmark = pytest.mark.django_db

HTTPS = {"secure": True, "headers": {"host": "testserver"}}


@pytest.fixture
def site(settings):
    expert = make_expert("Jane Analyst")
    topic = make_topic("Water")
    live = make_article(
        "Water and power", languages=("en", "ar"), authors=[expert], topics=[topic]
    )
    draft = make_article("A draft", status=Status.DRAFT, authors=[expert])
    draft.available_en = False
    draft.save()
    admin = get_user_model().objects.create_superuser("boss", "b@example.org", "pw")
    link = sharing.create_link(draft, "en", admin)
    return {
        "live": live,
        "draft": draft,
        "admin": admin,
        "expert": expert,
        "share": sharing.link_url(link),
    }


def anonymous_pages(site):
    return [
        "/",
        site["live"].get_absolute_url(),
        "/experts",
        site["expert"].get_absolute_url(),
        "/search?q=water",
        "/ar/",
        reverse("admin:login"),
        urlsplit(site["share"]).path,
    ]


def staff_pages(site):
    return [
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[site["live"].pk]),
        reverse("admin:articles_article_add"),
        reverse("admin:articles_article_preview", args=[site["draft"].pk, "en"]),
        reverse("admin:experts_expert_change", args=[site["expert"].pk]),
    ]


def fetch(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200, (path, response.status_code)
    return response


def assert_security_headers(response, path):
    h = response.headers
    assert h["X-Content-Type-Options"] == "nosniff", path
    assert h["Referrer-Policy"] == "same-origin", path
    assert h["Cross-Origin-Opener-Policy"] == "same-origin", path
    assert "camera=()" in h["Permissions-Policy"], path
    assert h["X-Frame-Options"] == "DENY", path
    assert "frame-ancestors 'none'" in h["Content-Security-Policy"], path
    assert re.fullmatch(r"[0-9a-f]{32}", h["X-Request-ID"]), path


def test_public_and_share_link_pages_carry_the_security_headers(site):
    client = Client()
    for path in anonymous_pages(site):
        assert_security_headers(fetch(client, path), path)


def test_admin_and_preview_pages_carry_the_security_headers(site):
    client = Client()
    client.force_login(site["admin"])
    for path in staff_pages(site):
        assert_security_headers(fetch(client, path), path)


def test_hsts_over_https_when_configured(site, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = Client().get("/", secure=True)
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains"
    )
    # Control: never over plain HTTP, where it means nothing.
    assert "Strict-Transport-Security" not in Client().get("/").headers


def test_cookies_are_secure_httponly_and_same_site_under_https(site, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    client = Client()
    login = client.get(reverse("admin:login"), secure=True)
    csrf = login.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    signed_in = client.post(
        reverse("admin:login"),
        {
            "username": "boss",
            "password": "pw",
            "next": "/admin/",
            "csrfmiddlewaretoken": csrf.value,
        },
        secure=True,
    )
    assert signed_in.status_code == 302
    session = signed_in.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_production_defaults_make_cookies_secure():
    """DJANGO_DEBUG unset: the cookies are Secure unless DJANGO_HTTPS=0."""

    def cookies_secure(**env):
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in ("DJANGO_DEBUG", "DJANGO_HTTPS")
        }
        script = (
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE)"
        )
        result = subprocess.run(
            [sys.executable, "-c", script],
            env={**environment, "DJANGO_SETTINGS_MODULE": "thinktank.settings", **env},
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.split()

    assert cookies_secure() == ["True", "True"]
    # Controls: development, and a site served over plain HTTP on purpose.
    assert cookies_secure(DJANGO_DEBUG="1") == ["False", "False"]
    assert cookies_secure(DJANGO_HTTPS="0") == ["False", "False"]


# The Content Security Policy ----------------------------------------------

#: Elements and attributes that make the browser load something.
LOADS = [
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("object", "data"),
    ("embed", "src"),
    ("form", "action"),
]
#: Script elements that hold data, which the browser never runs.
DATA_TYPES = ("application/ld+json", "application/json")
#: Links that are navigation, not loads.
NAVIGATION_RELS = {"alternate", "canonical", "author", "license", "next", "prev"}


def _urls(element, attribute):
    value = element.get(attribute) or ""
    if attribute == "srcset":
        return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    return [value] if value else []


def foreign_loads(html: str) -> list[str]:
    page = lxml.html.fromstring(html)
    found = []
    for tag, attribute in LOADS:
        for element in page.iter(tag):
            if (
                tag == "link"
                and set((element.get("rel") or "").split()) & NAVIGATION_RELS
            ):
                continue
            for url in _urls(element, attribute):
                parts = urlsplit(url)
                if parts.scheme == "data" and tag == "img":
                    continue
                if (
                    parts.netloc
                    and parts.netloc != "testserver"
                    or parts.scheme not in ("", "http", "https")
                ):
                    found.append(f"<{tag} {attribute}={url}>")
    return found


def unsanctioned_inline_code(html: str, nonce: str) -> list[str]:
    page = lxml.html.fromstring(html)
    found = []
    for tag in ("script", "style"):
        for element in page.iter(tag):
            if tag == "script" and element.get("src"):
                if element.get("nonce") not in (None, nonce):
                    found.append("<script src> with another nonce")
                continue
            if tag == "script" and element.get("type") in DATA_TYPES:
                continue  # data, never run
            if element.get("nonce") != nonce:
                found.append(
                    f"inline <{tag}> without the nonce: {(element.text or '')[:60]!r}"
                )
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.tag} {name}=…> event handler")
            if value.strip().lower().startswith("javascript:"):
                found.append(f"<{element.tag} {name}=javascript:…>")
    return found


def csp_nonce(response) -> str:
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    directives = dict(
        (d.strip().split(" ", 1) + [""])[:2] for d in policy.split(";") if d.strip()
    )
    for directive in ("default-src", "script-src", "style-src", "img-src", "font-src"):
        sources = directives[directive].split()
        assert all(
            s in ("'self'", "data:") or s.startswith("'nonce-") for s in sources
        ), (
            directive,
            sources,
        )
    match = re.search(r"'nonce-([^']+)'", directives["script-src"])
    return match.group(1) if match else ""


def _check_page(response, path):
    html = response.content.decode()
    nonce = csp_nonce(response)
    assert foreign_loads(html) == [], path
    assert unsanctioned_inline_code(html, nonce) == [], path


def test_no_public_page_loads_from_another_origin_or_runs_unsanctioned_code(site):
    client = Client()
    for path in anonymous_pages(site):
        _check_page(fetch(client, path), path)


def test_no_admin_page_loads_from_another_origin_or_runs_unsanctioned_code(site):
    client = Client()
    client.force_login(site["admin"])
    for path in staff_pages(site):
        _check_page(fetch(client, path), path)


def test_the_checks_catch_a_foreign_load_and_an_inline_script():
    """Positive control: what the two tests above look for is found when present."""
    html = (
        "<html><head><script src='https://cdn.example.com/x.js'></script>"
        "<link rel=stylesheet href='//fonts.example.com/f.css'>"
        "<script>alert(1)</script><script nonce='abc'>ok()</script></head>"
        "<body><img src='/media/a.jpg' onload='x()'><a href='javascript:x()'>a</a>"
        "<link rel=canonical href='https://elsewhere.example/'></body></html>"
    )
    assert len(foreign_loads(html)) == 2
    found = unsanctioned_inline_code(html, "abc")
    assert len(found) == 3, found
