from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exchange.wordpress.importer import WordPressImportError, import_wordpress


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.1 or 1.2, from Tools › Export): posts, "
        "pages, attachments, authors, categories and tags, with a 301 from every "
        "old address. All or nothing, in one transaction; run it again to update."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The export (XML).")
        parser.add_argument(
            "--uploads",
            help="A copy of the site's wp-content/uploads folder (files are never downloaded).",
        )
        parser.add_argument(
            "--mapping",
            help="A TOML file saying what categories and tags become (docs/wordpress.md).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check and report what would change, but write nothing.",
        )

    def handle(self, *args, file, uploads, mapping, dry_run, **options):
        path = Path(file)

        def progress(count):
            self.stderr.write(f"{count} items read…")

        try:
            report = import_wordpress(
                path,
                uploads=Path(uploads) if uploads else None,
                mapping=Path(mapping) if mapping else None,
                dry_run=dry_run,
                progress=progress,
            )
        except WordPressImportError as error:
            if error.report is not None:
                for note in error.report.notes:
                    self.stderr.write(f"note: {note}")
            for message in error.messages:
                self.stderr.write(message)
            count = len(error.messages)
            raise CommandError(
                f"{path}: {count} error{'s' if count != 1 else ''}; nothing was written."
            ) from None
        for note in report.notes:
            self.stderr.write(f"note: {note}")
        for line in report.lines():
            self.stdout.write(f"{path}: {line}")
