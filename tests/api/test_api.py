"""The read API's conventions: schema, languages, errors, query budgets, caching, CORS, rate limit and keys."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openapi_spec_validator import validate

from api.models import ApiKey
from tests.factories import make_article, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db


def get(client, url, **meta):
    return client.get(url, **meta)


def body(response):
    return json.loads(response.content)


def test_schema_is_valid_openapi_3_1(client):
    response = get(client, "/api/v1/schema")
    assert response.status_code == 200
    schema = body(response)
    assert schema["openapi"].startswith("3.1")
    validate(schema)
    paths = set(schema["paths"])
    assert {
        "/api/v1/articles",
        "/api/v1/articles/{slug}",
        "/api/v1/experts",
        "/api/v1/experts/{slug}",
        "/api/v1/topics",
        "/api/v1/regions",
        "/api/v1/article-types",
    } <= paths


def test_docs_page_uses_our_static_files_only(client):
    response = get(client, "/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp


def test_language_by_parameter_and_by_accept_language(client):
    article = make_article(languages=("en", "ar"))
    english = body(get(client, "/api/v1/articles"))
    arabic = body(get(client, "/api/v1/articles", HTTP_ACCEPT_LANGUAGE="ar"))
    asked = get(client, "/api/v1/articles?lang=ar", HTTP_ACCEPT_LANGUAGE="en")
    assert english["language"] == "en" and arabic["language"] == "ar"
    assert body(asked)["items"][0]["title"] == article.title_ar
    assert asked["Content-Language"] == "ar"
    assert "Accept-Language" in asked["Vary"]
    assert english["items"][0]["title"] == article.title_en


def test_dates_carry_their_offset_and_urls_are_absolute(client, settings):
    make_article()
    item = body(get(client, "/api/v1/articles"))["items"][0]
    published = item["published_at"]
    assert published[-6] in "+-" and published[-3] == ":", published
    assert item["url"].startswith(settings.SITE_URL + "/policy-analysis/")
    assert item["api_url"].startswith(settings.SITE_URL + "/api/v1/articles/")


def test_errors_are_problem_documents(client):
    for url, status, parameter in [
        ("/api/v1/articles?lang=fr", 400, "lang"),
        ("/api/v1/articles?topic=no-such-topic", 400, "topic"),
        ("/api/v1/articles?cursor=garbage", 400, "cursor"),
        ("/api/v1/articles?limit=1000", 400, None),
        ("/api/v1/articles/no-such-article", 404, None),
        ("/api/v1/no-such-thing", 404, None),
    ]:
        response = get(client, url)
        assert response.status_code == status, url
        assert response["Content-Type"] == "application/problem+json", url
        document = body(response)
        assert document["status"] == status and document["title"]
        if parameter:
            assert document["parameter"] == parameter
    refused = client.post("/api/v1/articles")
    assert refused.status_code == 405
    assert refused["Content-Type"] == "application/problem+json"
    # Positive control: the same list answers.
    assert get(client, "/api/v1/articles").status_code == 200


def test_filters_are_the_listings(client):
    topic, child = make_topic(), None
    child = make_topic(parent=topic)
    region, expert = make_region(), make_expert()
    in_child = make_article(topics=[child])
    in_region = make_article(regions=[region], authors=[expert])
    report = make_article(type="in-depth-report")
    old = make_article(published_at=timezone.now() - timedelta(days=400))

    def ids(query):
        return [
            item["id"]
            for item in body(get(client, f"/api/v1/articles?{query}"))["items"]
        ]

    assert ids(f"topic={topic.slug}") == [in_child.pk]
    assert ids(f"region={region.slug}") == [in_region.pk]
    assert ids(f"expert={expert.slug}") == [in_region.pk]
    assert ids("type=in-depth-report") == [report.pk]
    before = (timezone.now() - timedelta(days=300)).date().isoformat()
    assert ids(f"to={before}") == [old.pk]
    assert old.pk not in ids(f"from={before}")
    assert ids(f"q={in_region.title_en.split()[2]}") == [in_region.pk]


def test_cursor_pages_in_a_stable_order(client):
    made = [make_article() for _ in range(7)]
    seen, url = [], "/api/v1/articles?limit=3"
    while url:
        page = body(get(client, url))
        seen += [item["id"] for item in page["items"]]
        url = page["next"]
    newest_first = [
        a.pk for a in sorted(made, key=lambda a: a.published_at, reverse=True)
    ]
    assert seen == newest_first


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = get(client, url)
    assert response.status_code == 200, (url, response.content[:200])
    return len(queries)


def _archive(n, *, authors=1, topics=1):
    experts = [make_expert() for _ in range(authors)]
    terms = [make_topic() for _ in range(topics)]
    return [
        make_article(
            languages=("en", "ar"),
            authors=experts,
            topics=terms,
            regions=[make_region()],
        )
        for _ in range(n)
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles?limit=100",
        "/api/v1/experts?limit=100",
        "/api/v1/topics",
        "/api/v1/regions",
    ],
)
def test_list_queries_are_flat_in_list_length(client, url):
    _archive(2)
    small = _queries(client, url + ("&" if "?" in url else "?") + "lang=ar")
    _archive(12, authors=3, topics=3)
    large = _queries(client, url + ("&" if "?" in url else "?") + "lang=en")
    assert small == large, (small, large)


def test_detail_queries_are_flat_in_authors_topics_and_rail(client):
    few = _archive(1)[0]
    small = _queries(client, f"/api/v1/articles/{few.slug_en}")
    many = _archive(6, authors=4, topics=4)[-1]
    large = _queries(client, f"/api/v1/articles/{many.slug_en}")
    assert small == large, (small, large)
    expert = many.authorships.first().expert
    lone = make_expert()
    make_article(authors=[lone])
    assert _queries(client, f"/api/v1/experts/{lone.slug}") == _queries(
        client, f"/api/v1/experts/{expert.slug}"
    )


def test_etag_and_304_follow_the_content_generation(
    client, settings, django_capture_on_commit_callbacks
):
    # With the body cache on: a kept body is never served once content changed.
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True}
    article = make_article()
    first = get(client, "/api/v1/articles")
    etag = first["ETag"]
    assert etag and first["Last-Modified"]
    with CaptureQueriesContext(connection) as queries:
        again = get(client, "/api/v1/articles", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert len(queries) == 1  # the generation only
    # Another language is another document.
    assert (
        get(client, "/api/v1/articles?lang=ar", HTTP_IF_NONE_MATCH=etag).status_code
        == 200
    )
    # A published change moves the generation on: never a stale answer.
    with django_capture_on_commit_callbacks(execute=True):
        article.title_en = "A new title"
        article.save()
    changed = get(client, "/api/v1/articles", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert body(changed)["items"][0]["title"] == "A new title"


def test_cors_for_configured_origins_only(client, settings):
    settings.API = {**settings.API, "CORS_ORIGINS": ["https://partner.example"]}
    allowed = get(client, "/api/v1/topics", HTTP_ORIGIN="https://partner.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    other = get(client, "/api/v1/topics", HTTP_ORIGIN="https://elsewhere.example")
    assert other.status_code == 200 and "Access-Control-Allow-Origin" not in other
    assert "Origin" in other["Vary"]
    preflight = client.options(
        "/api/v1/topics",
        headers={
            "Origin": "https://partner.example",
            "Access-Control-Request-Method": "GET",
        },
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "X-API-Key" in preflight["Access-Control-Allow-Headers"]


def test_rate_limit_per_address_and_higher_with_a_key(client, settings):
    settings.API = {**settings.API, "RATE_ANONYMOUS": 3, "RATE_KEY": 6}
    answers = [get(client, "/api/v1/topics") for _ in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert answers[0]["RateLimit-Limit"] == "3"
    assert answers[2]["RateLimit-Remaining"] == "0"
    refused = answers[3]
    assert refused["Content-Type"] == "application/problem+json"
    assert int(refused["Retry-After"]) >= 1
    # Another address has its own count (positive control).
    assert client.get("/api/v1/topics", REMOTE_ADDR="10.0.0.9").status_code == 200
    # A key: a higher limit of its own, whatever the address.
    key = ApiKey(name="Partner site")
    secret = key.issue()
    key.save()
    keyed = [get(client, "/api/v1/topics", HTTP_X_API_KEY=secret) for _ in range(7)]
    assert [r.status_code for r in keyed] == [200] * 6 + [429]
    assert keyed[0]["RateLimit-Limit"] == "6"


def test_behind_a_proxy_each_reader_has_a_count_of_their_own(client, settings):
    settings.API = {**settings.API, "RATE_ANONYMOUS": 2}
    settings.PROXY_COUNT = 1  # the proxy appends the address it received from

    def through_proxy(reader):
        return client.get(
            "/api/v1/topics", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=reader
        ).status_code

    assert [through_proxy("203.0.113.5") for _ in range(3)] == [200, 200, 429]
    # Another reader through the same proxy is not refused (positive control),
    # and a reader's own claim before the proxy's entry changes nothing.
    assert through_proxy("203.0.113.6") == 200
    assert through_proxy("198.51.100.1, 203.0.113.5") == 429


def test_unknown_or_revoked_key_is_refused(client):
    key = ApiKey(name="Old app")
    secret = key.issue()
    key.save()
    assert get(client, "/api/v1/topics", HTTP_X_API_KEY=secret).status_code == 200
    assert (
        ApiKey.objects.get().hashed != secret
        and secret not in ApiKey.objects.get().hashed
    )
    wrong = get(client, "/api/v1/topics", HTTP_X_API_KEY=secret + "x")
    assert wrong.status_code == 401
    assert wrong["Content-Type"] == "application/problem+json"
    key.revoke()
    assert get(client, "/api/v1/topics", HTTP_X_API_KEY=secret).status_code == 401


def test_regions_carry_their_hierarchy(client):
    parent = make_region("Middle East")
    child = make_region("Iraq", parent=parent)
    items = {
        item["slug"]: item for item in body(get(client, "/api/v1/regions"))["items"]
    }
    assert items[child.slug]["parent"] == parent.slug
    assert items[parent.slug]["children"] == [child.slug]
    one = body(get(client, f"/api/v1/regions/{child.slug}?lang=ar"))
    assert one["name"] == child.name_ar and one["parent"] == parent.slug


def test_expert_detail_lists_publications(client):
    expert = make_expert()
    mine = make_article(authors=[expert])
    make_article()
    document = body(get(client, f"/api/v1/experts/{expert.slug}"))
    assert [a["id"] for a in document["publications"]] == [mine.pk]
    assert document["publications_api_url"].endswith(f"expert={expert.slug}&lang=en")


def test_bodies_are_kept_by_generation_and_head_answers(client, settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True}
    make_article()
    first = get(client, "/api/v1/articles")
    second = get(client, "/api/v1/articles")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    head = client.head("/api/v1/articles")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == first["ETag"]
    # With the page cache off, nothing is kept, and the ETag still holds.
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": False}
    uncached = get(client, "/api/v1/articles")
    assert "X-Page-Cache" not in uncached and uncached["ETag"] == first["ETag"]
    assert (
        get(client, "/api/v1/articles", HTTP_IF_NONE_MATCH=first["ETag"]).status_code
        == 304
    )
