"""`generate_bulk_content`: scale the demo up for the search benchmark (see `search.bulk`).

    manage.py generate_bulk_content --resources 10000 --partners 2000

Adds generated resources and partners (sample data) until there are that many, then runs `update_index`
once (`--no-index` leaves that to the caller). Running it again with the same numbers changes nothing.
Use a database of its own (`make bench` keeps one per engine under var/): nothing removes the rows again.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from search import bulk


class Command(BaseCommand):
    help = "Add generated sample resources and partners (for benchmarks), then rebuild the search index."

    def add_arguments(self, parser):
        parser.add_argument("--resources", type=int, default=10_000, help="resources wanted (default 10000)")
        parser.add_argument("--partners", type=int, default=2_000, help="partners wanted (default 2000)")
        parser.add_argument(
            "--no-index", action="store_true", help="do not run update_index afterwards (the caller will)"
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        vocabulary = bulk.Vocabulary.load()
        resources = bulk.generate_resources(max(options["resources"], 0), vocabulary)
        partners = bulk.generate_partners(max(options["partners"], 0), vocabulary)
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Generated {len(resources)} resources and {len(partners)} partners "
                f"in {time.monotonic() - started:.0f} s."
            )
        if (resources or partners) and not options["no_index"]:
            call_command("update_index", verbosity=options["verbosity"])
