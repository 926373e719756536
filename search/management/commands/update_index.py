"""`update_index`: recompute the search entries from the content, then rebuild every search index.

Wagtail's command with one step in front: the portal's search entries (`search.SearchEntry`) are derived
from pages and snippets, so they are brought up to date first (new content types, changed adapters,
anything saved while signals were off). Then modelsearch rebuilds each backend's indexes; on
Elasticsearch with ATOMIC_REBUILD (the portal's setting) into a new index behind an alias that is swapped
when it is complete, so searches keep working throughout. `--skip-entries` rebuilds the indexes only.
"""

from modelsearch.management.commands.rebuild_modelsearch_index import Command as RebuildCommand

from search.sync import rebuild_entries


class Command(RebuildCommand):
    help = "Recompute the search entries, then rebuild the search indexes without downtime."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--skip-entries",
            action="store_true",
            help="Rebuild the indexes from the stored search entries without recomputing them.",
        )

    def handle(self, **options):
        if not options["skip_entries"] and not options.get("schema_only"):
            stats = rebuild_entries(index=False)
            if options["verbosity"] > 0:
                self.stdout.write(
                    f"Search entries: {stats.created} created, {stats.updated} updated, {stats.deleted} deleted"
                )
        super().handle(**options)
