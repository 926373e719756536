"""`refresh_search_entries`: recompute the search entries that change with the date alone (run daily).

A resource's entry shows today's availability: when an offer period starts or ends, or a reservation's
first or last day passes, the entry is out of date without anything having been saved. Run this once a
day, shortly after midnight (cron, a systemd timer). It writes and indexes only entries that changed.
`--kind resource` (repeatable) refreshes those content types whatever their adapter says.
"""

from django.core.management.base import BaseCommand

from search.sync import refresh_entries


class Command(BaseCommand):
    help = "Recompute search entries whose content depends on the date (today's availability)."

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", default=[], help="content type, e.g. resource")

    def handle(self, *args, **options):
        stats = refresh_entries(options["kind"] or None)
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Search entries: {stats.created} created, {stats.updated} updated, {stats.deleted} deleted"
            )
