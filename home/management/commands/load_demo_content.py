"""Build the demo site: German content, translated through wagtail-localize. Safe to run again."""

import importlib

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from home import demo as home_demo
from home.demo_support import DemoDataMissing, DemoLoader


def app_loaders():
    """Every installed app's `demo` module, in the order they declare (home first)."""
    modules = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        if hasattr(module, "load"):
            modules.append(module)
    return sorted(modules, key=lambda module: getattr(module, "ORDER", 100))


class MenusLoader:
    """Runs last: the menus link the pages every app created."""

    NAME = "menus"

    @staticmethod
    def load(loader):
        home_demo.build_menus(loader)


class Command(BaseCommand):
    help = "Load the demo site (German source, translations through wagtail-localize). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--full",
            action="store_true",
            help="Look for every object even when the demo is complete (completes what an editor deleted).",
        )

    def handle(self, *args, **options):
        loaders = [*app_loaders(), MenusLoader]
        # Progress: one line per app, and the aliases step after them.
        loader = DemoLoader(stdout=self.stdout if options["verbosity"] > 0 else None, steps=len(loaders) + 1)
        if not options["full"] and loader.is_complete():
            self.stdout.write(self.style.SUCCESS("Demo content ready: 0 objects created, 0 translations."))
            return
        try:
            stats = loader.run(loaders)
        except DemoDataMissing as error:
            raise CommandError(str(error)) from None
        incomplete = sorted({(obj, language) for obj, language, _msgid in stats.missing_segments})
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {stats.created} objects created, {stats.translated} translations."
            )
        )
        if incomplete and options["verbosity"] > 1:
            for obj, language in incomplete:
                self.stdout.write(f"  shown in German in {language}: {obj}")
