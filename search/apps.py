from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import adapters  # noqa: F401 - registers pages, taxonomy and the facets
        from .sync import connect_signals

        # Each app's search_adapters.py registers its content types (see search.registry).
        autodiscover_modules("search_adapters")
        connect_signals()
