"""
Requests generated from the API's own schema (schemathesis, on Hypothesis):
no server error, and every answer matches the schema. Examples are limited
per operation so that the run takes well under a minute.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.factories import make_article, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db

EXAMPLES = 25


def test_generated_requests_find_no_error(settings):
    settings.API = {**settings.API, "RATE_ANONYMOUS": 100_000}
    expert, topic, region = make_expert(), make_topic(), make_region()
    make_article(
        languages=("en", "ar"), authors=[expert], topics=[topic], regions=[region]
    )
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema", get_wsgi_application())
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
