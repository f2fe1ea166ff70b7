"""The exchange format carries the workflow's statuses."""

import json

import pytest

from articles.models import Article, Status
from tests.exchange.helpers import article, document, export_text, import_file

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status", [Status.CHANGES_REQUESTED, Status.APPROVED])
def test_new_statuses_import_and_export(tmp_path, status):
    path = tmp_path / "content.json"
    path.write_text(
        json.dumps(document(articles=[article("a-piece", status=status.value)])),
        encoding="utf-8",
    )
    result = import_file(path)
    assert result.ok, result.stderr
    assert Article.objects.get(slug_en="a-piece").status == status
    exported = json.loads(export_text())
    assert exported["articles"][0]["status"] == status.value


def test_unknown_status_is_refused(tmp_path):
    path = tmp_path / "content.json"
    path.write_text(
        json.dumps(document(articles=[article("a-piece", status="pending")])),
        encoding="utf-8",
    )
    result = import_file(path)
    assert not result.ok
    assert "status" in result.stderr
