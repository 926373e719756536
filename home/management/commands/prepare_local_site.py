"""`prepare_local_site`: what `make run` does before it serves, in one process.

Migrate the database, load the demo content (returns at once when it is complete), point the default
Site at the address the portal is served at (`WAGTAILADMIN_BASE_URL`, which `make run` sets from `PORT`, so
links in e-mails, the API's `html_url` and status links carry the right port) and create the local admin
account, with a numbered line per step. One process instead of three saves two start-ups of Django
and Wagtail (a few seconds each), so a second `make run` is serving within seconds. Django's system checks
run once, at the start. For local development only (create_local_admin refuses to run outside DEBUG).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.models import Site


def point_default_site_at(base_url):
    """Give the default Site the host and port of `base_url`; the Site is what full URLs are built from."""
    address = urlsplit(base_url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or not address.hostname:
        return None
    site.hostname = address.hostname
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.save(update_fields=["hostname", "port"])
    return site


class Command(BaseCommand):
    help = "Migrate, load the demo content and create the local admin account (what `make run` needs)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/", help="Admin address to print.")
        parser.add_argument("--first-step", type=int, default=1, help="Number of the first step printed.")
        parser.add_argument("--steps", type=int, default=4, help="Number of steps in all (for the lines).")

    def handle(self, *args, **options):
        step, steps = options["first_step"], options["steps"]
        verbosity = options["verbosity"]

        def line(text):
            nonlocal step
            if verbosity > 0:
                self.stdout.write(f"== {step}/{steps} {text}")
            step += 1

        line("database (migrate)")
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        line("demo content (skipped when complete)")
        call_command("load_demo_content", verbosity=verbosity)
        line(f"site address ({settings.WAGTAILADMIN_BASE_URL})")
        point_default_site_at(settings.WAGTAILADMIN_BASE_URL)
        line("admin account")
        call_command("create_local_admin", url=options["url"], verbosity=verbosity)
