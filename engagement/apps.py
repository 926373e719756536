from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = _("Engagement examples")

    def ready(self):
        from wagtail.signals import page_published

        # Models can be imported only once the app registry is ready.
        from engagement.models import EngagementExamplePage
        from home.synchronize import synchronize_page_translations

        page_published.connect(
            synchronize_page_translations,
            sender=EngagementExamplePage,
            dispatch_uid="engagement_sync_translations",
        )
