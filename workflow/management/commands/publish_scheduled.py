from django.core.management.base import BaseCommand

from workflow.services import publish_due


class Command(BaseCommand):
    help = (
        "Marks the scheduled articles whose moment has come as published and "
        "records it. Readers already see them from that moment (visibility is by "
        "date); this performs the side effects. Idempotent: safe to run from "
        "cron every minute, even twice at once."
    )

    def handle(self, *args, **options):
        done = publish_due()
        self.stdout.write(f"Published {len(done)} scheduled article(s).")
