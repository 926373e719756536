"""Delete search statistics older than SEARCH_TERMS_RETENTION_DAYS (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from search import stats


class Command(BaseCommand):
    help = "Delete counted search terms older than SEARCH_TERMS_RETENTION_DAYS days."

    def handle(self, *args, **options):
        deleted = stats.purge()
        if options["verbosity"] > 0:
            self.stdout.write(
                f"{deleted} search term counts older than {stats.retention_days()} days deleted."
            )
