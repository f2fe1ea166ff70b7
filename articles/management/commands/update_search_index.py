from django.core.management.base import BaseCommand
from django.db import connection

from articles.models import Article
from articles.search_index import update_search_vectors


class Command(BaseCommand):
    help = (
        "Recompute the search index of every article (PostgreSQL's entries, "
        "SQLite's FTS5 table). "
        "Run after renaming experts, topics or regions, or after the first migrate."
    )

    def handle(self, *args, **options):
        if connection.vendor not in ("postgresql", "sqlite"):
            self.stdout.write(
                "Nothing to do: the search index exists on PostgreSQL and SQLite only."
            )
            return
        ids = Article.objects.values_list("pk", flat=True).iterator()
        batch, total = [], 0
        for pk in ids:
            batch.append(pk)
            if len(batch) == 500:
                total += update_search_vectors(batch)
                batch = []
        total += update_search_vectors(batch)
        self.stdout.write(f"{total} articles indexed.")
