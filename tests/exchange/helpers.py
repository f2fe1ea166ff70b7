"""Helpers for the exchange tests: run the commands, build small documents."""

from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.db import connection

from articles.models import Article, ArticleType, Authorship, Recommendation
from experts.models import Expert
from taxonomy.models import Region, Topic
from tests.factories import committed

SAMPLE = Path(__file__).parent / "data" / "sample.json"


class ImportResult:
    def __init__(self, ok: bool, stdout: str, stderr: str, error: str = ""):
        self.ok, self.stdout, self.stderr, self.error = ok, stdout, stderr, error

    @property
    def messages(self) -> list[str]:
        """The error lines, one per problem."""
        return self.stderr.splitlines()


def import_file(path, *args) -> ImportResult:
    """Run ``import_content`` on ``path`` and capture what it prints."""
    stdout, stderr = StringIO(), StringIO()
    try:
        with committed():
            call_command(
                "import_content", str(path), *args, stdout=stdout, stderr=stderr
            )
    except CommandError as error:
        return ImportResult(False, stdout.getvalue(), stderr.getvalue(), str(error))
    return ImportResult(True, stdout.getvalue(), stderr.getvalue())


def export_text(path=None) -> str:
    """Run ``export_content`` to ``path`` (or stdout) and return the JSON text."""
    stdout = StringIO()
    call_command("export_content", str(path) if path else "-", stdout=stdout)
    return Path(path).read_text(encoding="utf-8") if path else stdout.getvalue()


def empty_database():
    """Every table emptied (``flush``) inside the test's transaction, as before a first import."""
    if connection.vendor == "postgresql":
        # Not an expectation but a step: PostgreSQL's TRUNCATE inside the
        # test's transaction needs the deferred foreign-key checks done first
        # (SQLite has no SET CONSTRAINTS; its flush deletes row by row).
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)


def counts() -> dict[str, int]:
    """How many rows each content table holds."""
    models = (Article, ArticleType, Authorship, Recommendation, Expert, Topic, Region)
    return {model.__name__: model.objects.count() for model in models}


def document(**sections) -> dict:
    """A minimal valid document with the given sections."""
    return {"format": "thinktank-exchange/1", **sections}


def topic(slug, **fields) -> dict:
    return {"slug": slug, "name": {"en": slug.replace("-", " ").title()}, **fields}


def expert(slug, **fields) -> dict:
    return {"slug": slug, "name": {"en": slug.replace("-", " ").title()}, **fields}


def article(slug, **fields) -> dict:
    title = slug.replace("-", " ").title()
    record = {
        "slug": {"en": slug},
        "type": "brief-analysis",
        "title": {"en": title},
        "summary": {"en": f"The summary of {title}."},
        "body": {"en": f"<p>The body of {title}.</p>"},
        "published_at": "2024-01-15T09:00:00-05:00",
        "status": "published",
        "languages": ["en"],
    }
    record.update(fields)
    return record
