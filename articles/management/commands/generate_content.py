"""``manage.py generate_content --articles N``: a synthetic archive for measuring (``articles.generate``)."""

import time

from django.core.management.base import BaseCommand, CommandError

from articles.generate import generate


class Command(BaseCommand):
    help = (
        "Add N synthetic articles in both languages, with experts, topics, "
        "regions, bylines, rails and search vectors (for measuring; the same "
        "seed on the same database gives the same content)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, required=True, help="How many articles to add."
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="The random seed (default 1)."
        )
        parser.add_argument(
            "--no-rails",
            action="store_true",
            help="Leave the rails unscored (run rebuild_rails later).",
        )

    def handle(self, *args, articles, seed, no_rails, **options):
        if articles < 1:
            raise CommandError("--articles: give a number of articles of 1 or more.")
        started = time.monotonic()
        done = generate(
            articles,
            seed=seed,
            rails_=not no_rails,
            progress=lambda message: (
                self.stdout.write(message) if options["verbosity"] > 1 else None
            ),
        )
        self.stdout.write(
            f"Added {done.articles} articles, {done.authorships} bylines, "
            f"{done.experts} experts, {done.topics} topics, {done.regions} regions "
            f"in {time.monotonic() - started:.1f} s ("
            + ", ".join(f"{name} {s:.1f} s" for name, s in done.seconds.items())
            + ")."
        )
