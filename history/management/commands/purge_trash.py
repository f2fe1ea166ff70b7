from django.core.management.base import BaseCommand

from articles.models import Article
from experts.models import Expert
from history import services


class Command(BaseCommand):
    help = (
        "Delete for good the articles and experts in the trash for more than 30 days."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=services.TRASH_DAYS,
            help="Purge what has been in the trash longer than this (default 30).",
        )

    def handle(self, *args, days, **options):
        for model in (Article, Expert):
            purged, kept = services.purge(model, days=days)
            self.stdout.write(
                f"{model._meta.verbose_name_plural}: {purged} purged"
                + (f", {kept} kept (still credited on an article)" if kept else "")
            )
