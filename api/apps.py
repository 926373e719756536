from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class APIConfig(AppConfig):
    name = "api"
    verbose_name = _("Headless API")

    def ready(self):
        # The change feed's records (`api.tracking`): every publish, change and withdrawal of an item.
        from . import tracking

        tracking.connect()
