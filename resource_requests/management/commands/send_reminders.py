"""Mail the reminders that are due today (proof deadlines, returns); run once a day (cron, systemd timer)."""

from django.core.management.base import BaseCommand

from resource_requests.reminders import send_reminders


class Command(BaseCommand):
    help = "Mail the reminders due today about proofs of use and returns (each at most once)."

    def handle(self, *args, **options):
        count = send_reminders()
        if options["verbosity"]:
            self.stdout.write(f"resource_requests: {count} reminders queued")
