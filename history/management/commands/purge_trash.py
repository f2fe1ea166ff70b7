from django.apps import apps
from django.core.management.base import BaseCommand

from history import services
from history.options import options_of


def trashable_models():
    """
    The models with a trash (``revision_options.trash``), those of the apps
    listed last first: a record goes before the ones it credits (an article
    before its authors, who stay while credited).
    """
    return [
        model
        for model in reversed(apps.get_models())
        if hasattr(model, "revision_options") and options_of(model).trash
    ]


class Command(BaseCommand):
    help = "Delete for good the records in the trash for more than 30 days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=services.TRASH_DAYS,
            help="Purge what has been in the trash longer than this (default 30).",
        )

    def handle(self, *args, days, **options):
        for model in trashable_models():
            purged, kept = services.purge(model, days=days)
            kept_note = ""
            if kept:
                kept_note = f", {kept} kept (still credited elsewhere)"
            self.stdout.write(
                f"{model._meta.verbose_name_plural}: {purged} purged{kept_note}"
            )
