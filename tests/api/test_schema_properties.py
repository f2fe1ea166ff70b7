"""
Requests generated from the API's own schema (schemathesis, on Hypothesis):
no server error, and every answer matches the schema. Examples are limited
per operation so that the run takes well under a minute.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.factories import make_article, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db

EXAMPLES = 25


@pytest.fixture
def wsgi_app():
    """
    The project's WSGI application, as a server runs it, except that it keeps
    the test's database connection open between requests (as Django's test
    client does): the test's transaction holds the data.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_generated_requests_find_no_error(settings, wsgi_app):
    settings.API = {**settings.API, "RATE_ANONYMOUS": 100_000}
    expert, topic, region = make_expert(), make_topic(), make_region()
    make_article(
        languages=("en", "ar"), authors=[expert], topics=[topic], regions=[region]
    )
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(
                checks=[not_a_server_error, response_schema_conformance]
            )

        check()
