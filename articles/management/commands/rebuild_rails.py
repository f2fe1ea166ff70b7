"""``manage.py rebuild_rails``: score every article's "Recommended" fill-up afresh."""

from django.core.management.base import BaseCommand

from articles import rails
from articles.models import RelatedArticle
from core import pagecache


class Command(BaseCommand):
    help = (
        "Score every article's Recommended fill-up afresh (after changing rows "
        "with SQL, or restoring a database dump without its rails)."
    )

    def handle(self, *args, **options):
        rails.rebuild()
        pagecache.bump()
        self.stdout.write(f"{RelatedArticle.objects.count()} rail candidates stored.")
