"""The admin's new tools drawn in Chromium, in both languages, at 1280 and 390 px: screenshots, RTL in Arabic."""

import json

import pytest
from django.urls import reverse

from core.models import NotFound
from exchange.models import ImportBatch
from tests.browser import chromium_page, log_in, screenshot
from tests.factories import make_article, make_expert, make_region

PAGES = {
    "notfound": lambda: reverse("admin:core_notfound_changelist"),
    "import-review": lambda: reverse(
        "admin:exchange_importbatch_review", args=[ImportBatch.objects.get().pk]
    ),
    "article-list": lambda: reverse("admin:articles_article_changelist") + "?q=water",
}


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-editor-1"
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_tools_in_both_languages(live_server, editor):
    gulf = make_region("Gulf")
    make_region("Iran", parent=gulf)
    make_article("Water tables", authors=[make_expert("Leila Haddad")], regions=[gulf])
    NotFound.objects.create(path="/index.php?id=77", hits=12)
    ImportBatch.objects.create(
        name="content.json",
        text="{}",
        sha256="0" * 64,
        uploaded_by=editor,
        report={
            "summary": "articles: 0 created, 1 updated, 0 unchanged",
            "changes": [
                {
                    "label": 'articles[0] (slug "water-tables")',
                    "outcome": "updated",
                    "keys": ["title.ar", "authors"],
                }
            ],
        },
    )
    urls = {name: make() for name, make in PAGES.items()}
    for width in (1280, 390):
        for code in ("en", "ar"):
            with chromium_page(viewport={"width": width, "height": 900}) as page:
                log_in(page, live_server)
                for name, url in urls.items():
                    prefix = "/ar" if code == "ar" else ""
                    response = page.goto(live_server.url + prefix + url)
                    assert response.status == 200, (name, code)
                    direction = page.evaluate(
                        "getComputedStyle(document.body).direction"
                    )
                    assert direction == ("rtl" if code == "ar" else "ltr")
                    page.screenshot(
                        path=screenshot(f"admin-{name}-{code}-{width}.png"),
                        full_page=True,
                    )
    assert json.dumps(ImportBatch.objects.get().report)
