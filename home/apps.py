from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Pages and navigation")

    def ready(self):
        # Models are loaded only now; the notifiers import wagtail.models (see home/workflow_mail.py).
        from home import workflow_mail

        workflow_mail.connect()
