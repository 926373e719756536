"""Build the demo site: German content, translated through wagtail-localize. Safe to run again."""

import importlib

from django.apps import apps
from django.core.management.base import BaseCommand

from home import demo as home_demo
from home.demo_support import DemoLoader


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

    @staticmethod
    def load(loader):
        home_demo.build_menus(loader)


class Command(BaseCommand):
    help = "Load the demo site (German source, translations through wagtail-localize). Idempotent."

    def handle(self, *args, **options):
        loader = DemoLoader(stdout=self.stdout)
        stats = loader.run([*app_loaders(), MenusLoader])
        incomplete = sorted({(obj, language) for obj, language, _msgid in stats.missing_segments})
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {stats.created} objects created, {stats.translated} translations."
            )
        )
        if incomplete and options["verbosity"] > 1:
            for obj, language in incomplete:
                self.stdout.write(f"  shown in German in {language}: {obj}")
