from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from wagtail.signals import page_published

        # Models can be imported only once the app registry is ready.
        from events.models import EventPage
        from home.synchronize import synchronize_page_translations

        page_published.connect(
            synchronize_page_translations, sender=EventPage, dispatch_uid="events_sync_translations"
        )
