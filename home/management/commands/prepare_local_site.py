"""`prepare_local_site`: what `make run` does before it serves, in one process.

Migrate the database, load the demo content (returns at once when it is complete) and create the local
admin account, with a numbered line per step. One process instead of three saves two start-ups of Django
and Wagtail (a few seconds each), so a second `make run` is serving within seconds. Django's system checks
run once, at the start. For local development only (create_local_admin refuses to run outside DEBUG).
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate, load the demo content and create the local admin account (what `make run` needs)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/", help="Admin address to print.")
        parser.add_argument("--first-step", type=int, default=1, help="Number of the first step printed.")
        parser.add_argument("--steps", type=int, default=3, help="Number of steps in all (for the lines).")

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
        line("admin account")
        call_command("create_local_admin", url=options["url"], verbosity=verbosity)
