from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_agree():
    """Every model change has its migration (after Adam Johnson's check)."""
    out = StringIO()
    try:
        call_command(
            "makemigrations", "--check", "--dry-run", stdout=out, stderr=StringIO()
        )
    except SystemExit:  # pragma: no cover - the failure path
        pytest.fail(f"Missing migrations:\n{out.getvalue()}")
