"""Delete personal data the portal no longer needs (DSGVO): run daily from cron."""

import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils import timezone


def purgers():
    """`purge(now)` of every installed app that has a `privacy` module."""
    found = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.privacy")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.privacy":
                raise
            continue
        if hasattr(module, "purge"):
            found.append((config.label, module.purge))
    return found


class Command(BaseCommand):
    help = (
        "Delete personal data past its keeping period (contact messages, sent e-mails) and anonymise "
        "closed requests. Run daily."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        for label, purge in purgers():
            for what, count in purge(now).items():
                if options["verbosity"] > 0:
                    self.stdout.write(f"{label}: {count} {what} deleted")
