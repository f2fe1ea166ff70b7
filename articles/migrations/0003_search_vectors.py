"""
Once added the per-language search columns; the index is now the
``ArticleSearchEntry`` model (migration 0012, which also drops the columns
from databases that have them). Kept, empty, for the migration graph.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_builtin_types")]

    operations = []
