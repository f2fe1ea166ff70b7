"""The API's documentation page in Chromium: drawn from our static files, under the site's CSP, nothing refused."""

import pytest

from tests.browser import chromium_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_docs_page_renders_under_the_csp(live_server):
    refused, outside = [], []
    with chromium_page() as page:
        page.on(
            "console",
            lambda message: (
                refused.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        page.on(
            "request",
            lambda request: (
                outside.append(request.url)
                if not request.url.startswith(live_server.url)
                and not request.url.startswith("data:")
                else None
            ),
        )
        page.goto(live_server.url + "/api/v1/docs")
        page.wait_for_selector(".opblock", timeout=20000)
        operations = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/articles" in operations and "/api/v1/regions" in operations
    assert refused == []
    assert outside == []
