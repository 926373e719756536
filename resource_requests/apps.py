from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourceRequestsConfig(AppConfig):
    name = "resource_requests"
    verbose_name = _("Requests")

    def ready(self):
        # The request form block needs the views, and they the models: registered once the models exist
        # (home's page bodies build their blocks on first use, after this). `proofs` connects the
        # receiver that deletes a proof's file with its row, `reports` the one for a report's photo.
        from resource_requests import blocks, proofs, reports  # noqa: F401
