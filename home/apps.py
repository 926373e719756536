from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from . import checks  # noqa: F401 - registers the deployment checks (no models involved)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Pages and navigation")

    def ready(self):
        # Models are loaded only now; the notifiers import wagtail.models (see home/workflow_mail.py).
        from home import localize, page_cache, workflow_mail

        workflow_mail.connect()
        localize.connect()
        page_cache.connect_signals()
