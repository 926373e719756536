"""`generate_bulk_content`: scale the demo up for the search benchmark (see `search.bulk`).

    manage.py generate_bulk_content --resources 10000 --partners 2000

Adds generated content (sample data) until there is that much, through every app's `bulk.py` (resources:
`catalogue/bulk.py`, partners: `partners/bulk.py`; each names its option), then runs `update_index` once
(`--no-index` leaves that to the caller). Running it again with the same numbers changes nothing. Use a
database of its own (`make bench` keeps one per engine under var/): nothing removes the rows again.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from search import bulk


class Command(BaseCommand):
    help = "Add generated sample content (resources, partners) for benchmarks, then rebuild the search index."

    def add_arguments(self, parser):
        for generator in bulk.generators():
            parser.add_argument(
                f"--{generator.OPTION}", type=int, default=generator.DEFAULT, help=generator.HELP
            )
        parser.add_argument(
            "--no-index", action="store_true", help="do not run update_index afterwards (the caller will)"
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        vocabulary = bulk.Vocabulary.load()
        made = {}
        for generator in bulk.generators():
            made[generator.OPTION] = generator.generate(max(options[generator.OPTION], 0), vocabulary)
        if options["verbosity"] > 0:
            counts = " and ".join(f"{len(created)} {option}" for option, created in made.items())
            self.stdout.write(f"Generated {counts} in {time.monotonic() - started:.0f} s.")
        if any(made.values()) and not options["no_index"]:
            call_command("update_index", verbosity=options["verbosity"])
