"""Send every stored e-mail that is due: for cron, or whenever no task worker runs."""

from django.core.management.base import BaseCommand

from home import outbox


class Command(BaseCommand):
    help = (
        "Send the outbox's e-mails that are due (new ones and retries). Safe to run while a worker runs: "
        "each mail is claimed before it is sent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="At most this many mails in one run.")

    def handle(self, *args, limit=None, **options):
        outcome = outbox.send_due(limit=limit)
        summary = ", ".join(f"{count} {status}" for status, count in sorted(outcome.items())) or "nothing due"
        if options["verbosity"] > 0:
            self.stdout.write(f"Outbox: {summary}.")
