from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.redirects import import_redirects


class Command(BaseCommand):
    help = (
        "Add redirects from a CSV file with the columns old_path,new_path[,language]. "
        "Nothing is saved if any line has an error; errors name their line."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        result = import_redirects(text)
        if result.errors:
            raise CommandError("\n".join(result.errors))
        self.stdout.write(
            f"{result.created} redirects added, {result.updated} updated."
        )
