from django.core.management.base import BaseCommand

from newsletter.services import send_digest


class Command(BaseCommand):
    help = (
        "Send each confirmed subscriber what was published, live in their language and"
        " topics, since their last digest (through the task queue). What is sent is"
        " recorded: running it again sends nothing already sent."
    )

    def handle(self, *args, **options):
        result = send_digest()
        self.stdout.write(
            f"{result.subscribers} subscriber(s) queued; {result.articles} article(s) sent at once."
        )
