"""Events on other pages: the next events on the home page, a partner's upcoming events on its page."""

from django import template
from django.utils import translation

from home.listing import public_pages
from partners.models import PartnerOrganisation

from ..listing import label_cards, upcoming, with_card_details
from ..models import EventIndexPage, EventPage

register = template.Library()

HOME_COUNT = 3
ORGANISED_COUNT = 10


@register.inclusion_tag("events/includes/home_events.html", takes_context=True)
def next_events(context):
    """The next events that take place (not cancelled or postponed) in the home page's language."""
    request = context.get("request")
    page = context.get("page")
    if page is None:
        return {}
    index = EventIndexPage.objects.live().filter(locale_id=page.locale_id).first()
    if index is None:
        return {}
    events = public_pages(EventPage.objects.filter(locale_id=page.locale_id)).filter(
        status__in=[EventPage.Status.SCHEDULED, EventPage.Status.RESCHEDULED]
    )
    chosen = label_cards(
        list(with_card_details(upcoming(events), page.locale.language_code, fields=False)[:HOME_COUNT])
    )
    return {"request": request, "events": chosen, "index_url": index.get_url(request)}


@register.inclusion_tag("events/includes/organised_events.html", takes_context=True)
def events_organised_by(context, partner):
    """`{% events_organised_by partner %}`: its upcoming events in the visitor's language, or nothing."""
    if not isinstance(partner, PartnerOrganisation) or not partner.pk:
        return {}
    language = translation.get_language()
    events = public_pages(
        EventPage.objects.filter(
            locale__language_code=language, organiser__translation_key=partner.translation_key
        )
    )
    chosen = label_cards(
        list(upcoming(events).select_related("locale", "alias_of__locale")[:ORGANISED_COUNT])
    )
    return {"request": context.get("request"), "events": chosen}
