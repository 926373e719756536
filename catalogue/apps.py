from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self):
        from wagtail.signals import published

        # Models can be imported only once the app registry is ready.
        from catalogue.models import Resource
        from catalogue.signals import synchronize_translations

        published.connect(
            synchronize_translations, sender=Resource, dispatch_uid="catalogue_sync_translations"
        )
