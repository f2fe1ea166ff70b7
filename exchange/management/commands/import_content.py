from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exchange.importer import ExchangeError, import_exchange, load_document


class Command(BaseCommand):
    help = (
        "Import a thinktank-exchange/1 file: validate it whole, then upsert every "
        "record by slug in one transaction. On any error nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The exchange file (JSON).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Validate and report what would change, but write nothing.",
        )

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        try:
            summary = import_exchange(
                load_document(path), base_dir=path.parent, dry_run=dry_run
            )
        except ExchangeError as error:
            for message in error.messages:
                self.stderr.write(message)
            count = len(error.messages)
            raise CommandError(
                f"{path}: {count} error{'s' if count != 1 else ''}; nothing was written."
            ) from None
        self.stdout.write(f"{path}: {summary}")
