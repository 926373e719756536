"""Events in the portal-wide search (see `search.registry`).

One entry per event page and language (the translation, or the German original standing in as an alias).
The key fact is when it takes place, in Dortmund time and in the visitor's language, with "Cancelled" or
"Postponed" before it where that applies; the date is the event's first day, so "sort by date" orders
events by when they happen. Facets: engagement fields, district, and the languages the event is held in
(a visitor choosing Türkçe finds events in Turkish). Keywords carry the names of its fields, target
groups, district, organiser and venue in the visitor's language.
"""

from django.db.models import Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from catalogue.search_adapters import localized_name
from events import dates
from events.models import EventPage
from search.registry import PageSearchAdapter, SearchAdapter, register
from taxonomy.fields import OFFER_LANGUAGES
from taxonomy.models import EngagementField, TargetGroup


@register
class EventSearchAdapter(PageSearchAdapter):
    model = EventPage
    kind = "event"
    label = _("Event")
    label_plural = _("Events")
    # The entry's date is the event's start (what "sort by date" uses), not when its page was last
    # published: so "Date", not the page adapter's "Last updated" before a future day.
    date_label = SearchAdapter.date_label
    summary_fields = ("search_description", "summary")

    def get_queryset(self):
        return (
            EventPage.objects.live()
            .public()
            .select_related("district", "organiser")
            .prefetch_related(
                Prefetch(
                    "engagement_fields", queryset=EngagementField.objects.order_by("sort_order", "name")
                ),
                Prefetch("target_groups", queryset=TargetGroup.objects.order_by("sort_order", "name")),
            )
        )

    def watched_models(self):
        def events_with(relation):
            def related(term):
                return EventPage.objects.filter(**{f"{relation}__translation_key": term.translation_key})

            return related

        return {EngagementField: events_with("engagement_fields"), TargetGroup: events_with("target_groups")}

    def language_names(self):
        return dict(OFFER_LANGUAGES)

    def key_fact(self, obj):
        when = dates.describe(obj.start_date, obj.start_time, obj.end_date, obj.end_time)
        if obj.status in (EventPage.Status.CANCELLED, EventPage.Status.POSTPONED):
            return f"{obj.get_status_display()}: {when}"
        return when

    def date(self, obj):
        return obj.start_date

    def keywords(self, obj):
        language = get_language()  # entries are built with their language active
        words = [str(obj.get_kind_display())]
        for relation in ("engagement_fields", "target_groups"):
            words += [localized_name(term, language) for term in getattr(obj, relation).all()]
        if obj.district_id:
            words.append(obj.district.name)
        if obj.organiser_id:
            words.append(obj.organiser.name)
        words += [obj.venue_name, obj.street]
        return " ".join(word for word in words if word)

    def facets(self, obj):
        return {
            "field": [term.slug for term in obj.engagement_fields.all()],
            "district": [obj.district.slug] if obj.district_id else [],
        }

    def languages(self, obj, content_language):
        return list(dict.fromkeys([content_language, *obj.languages]))
