"""Demo content of the events app: the event calendar and 22 events, upcoming and past.

Dates are counted from the day the demo is first loaded (so the calendar looks alive); a second run finds
every event by its address and changes nothing. Among them: the application workshop and consultation
days (organised by VMDO), a cancelled, a postponed and a rescheduled event, one fully booked, one online,
one hybrid, a three-day festival and a weekend seminar across the night the clocks go back (the last
Sunday of October). Organisers other than VMDO are the partner directory's invented sample organisations;
every event is marked as sample data. German is the source, translated into English, Turkish and Arabic
(the calendar page into all six languages). The texts, numbers and day offsets are in
`demo/events.toml`; this module turns its records into pages.
"""

import datetime
from decimal import Decimal

from events import dates
from events.models import EventIndexPage, EventPage
from partners.models import PartnerOrganisation
from taxonomy.models import District, EngagementField, TargetGroup

ORDER = 50


def last_sunday_of_october(year):
    day = datetime.date(year, 10, 31)
    return day - datetime.timedelta(days=(day.weekday() + 1) % 7)


def clock_change_weekend(today):
    """The Saturday before the next last Sunday of October (when the clocks go back)."""
    sunday = last_sunday_of_october(today.year)
    if sunday - datetime.timedelta(days=1) < today:
        sunday = last_sunday_of_october(today.year + 1)
    return sunday - datetime.timedelta(days=1)


DATE_FIELDS = ("start_date", "end_date", "registration_deadline", "previous_start_date")


def event_date(value, today):
    """A date of the data file: days after `today`, or days after the clock-change weekend's Saturday."""
    if isinstance(value, dict):
        return clock_change_weekend(today) + datetime.timedelta(days=value["clock_change_weekend"])
    return today + datetime.timedelta(days=value)


def index_page(loader, page):
    for language, slug in page["slugs"].items():
        loader.memory.add(page["slug"], language, slug)
    index = loader.page(
        loader.registry["home_page"],
        EventIndexPage,
        page["slug"],
        title=page["title"],
        intro=page["intro"],
        search_description=page["search_description"],
    )
    loader.translate(index)
    return index


def load(loader):
    data = loader.data("events")
    index = index_page(loader, data["index"])
    loader.registry.setdefault("main_menu", []).append(index)

    x = data["texts"]
    districts = {district.slug: district for district in District.objects.all()}
    fields = {term.slug: term for term in EngagementField.objects.filter(locale__language_code="de")}
    groups = {term.slug: term for term in TargetGroup.objects.filter(locale__language_code="de")}
    partners = {p.slug: p for p in PartnerOrganisation.objects.filter(locale__language_code="de")}
    today = dates.today()  # only used for events that do not exist yet: existing ones keep their dates

    for entry in data["event"]:
        spec = dict(entry)
        slug, slugs = spec.pop("slug"), spec.pop("slugs")
        for language in ("en", "tr", "ar"):
            loader.memory.add(slug, language, slugs.get(language) or slugs["en"])
        for name in DATE_FIELDS:
            if name in spec:
                spec[name] = event_date(spec[name], today)
        if "price" in spec:
            spec["price"] = Decimal(str(spec["price"]))
        values = {
            "district": districts.get(spec.pop("district", None)),
            "engagement_fields": [fields[key] for key in spec.pop("fields", [])],
            "target_groups": [groups[key] for key in spec.pop("groups", [])],
            "organiser": partners.get(spec.pop("organiser", None)),
            "is_sample": True,
        }
        venue = spec.pop("venue", None)
        if venue:
            values["venue_name"] = x[venue]
        partner = partners.get(spec.pop("venue_partner", None))
        if partner is not None:
            values.update(
                venue_name=loader.text(partner.name),
                street=partner.street,
                postcode=partner.postcode,
                district=partner.district,
            )
        if spec.pop("image", False):
            values["image"] = loader.image(
                f"Veranstaltung: {spec['title'].de} (Beispielbild)", motif="community"
            )
            values["image_alt"] = x["alt"]
        event = loader.page(index, EventPage, slug, **spec, **values)
        loader.translate(event, languages=["en", "tr", "ar"])
