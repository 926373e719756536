from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import adapters  # noqa: F401 - registers pages, taxonomy and the facets
        from .models import SynonymGroup
        from .sync import connect_signals
        from .synonyms import forget

        # Each app's search_adapters.py registers its content types (see search.registry).
        autodiscover_modules("search_adapters")
        connect_signals()
        # Publishing, unpublishing and deleting a synonym group all save or delete it.
        post_save.connect(forget, sender=SynonymGroup, dispatch_uid="search-synonyms-saved")
        post_delete.connect(forget, sender=SynonymGroup, dispatch_uid="search-synonyms-deleted")
