"""Create the local demo admin account and print its password. Refuses to run outside DEBUG."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create (once) a superuser 'admin' with a random password kept in var/; for local use only."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/", help="Admin address to print.")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("create_local_admin is for local development (DEBUG=True) only.")
        password_file = settings.VAR_DIR / "local-admin-password.txt"
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        if user is None or not password_file.exists():
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User.objects.create_superuser(USERNAME, "admin@localhost", password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        password = password_file.read_text().strip()
        self.stdout.write(
            self.style.WARNING(
                "\nLocal admin (FOR LOCAL USE ONLY, never on a public server):\n"
                f"  {options['url']}  user: {USERNAME}  password: {password}\n"
                f"  (kept in {password_file}; `make reset` starts over)\n"
            )
        )
