from pathlib import Path

from django.core.management.base import BaseCommand

from exchange.exporter import export_exchange


class Command(BaseCommand):
    help = (
        'Export all content as a thinktank-exchange/1 file ("-" for stdout). Images '
        "and PDFs are written next to the file, under images/ and files/."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help='The file to write, or "-" for stdout.')

    def handle(self, *args, file, **options):
        warnings = []
        if file == "-":
            self.stdout.write(export_exchange(warnings=warnings), ending="")
        else:
            path = Path(file)
            path.parent.mkdir(parents=True, exist_ok=True)
            text = export_exchange(out_dir=path.parent, warnings=warnings)
            path.write_text(text, encoding="utf-8")
        for warning in warnings:
            self.stderr.write(f"warning: {warning}")
        if file != "-":
            self.stdout.write(f"Exported to {file}.")
