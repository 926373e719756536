"""The event listings' facets (URL parameter: what it filters):

    month: YYYY-MM, events on any day of that month   field: engagement field (slug)
    district: district (slug)                          language: language of the event (code)
    kind: kind of event                                page: page number

Values are the same in every language, so switching language keeps the filters. Months are offered from
this month `EVENTS_MONTHS_AHEAD` months ahead on the upcoming list and `EVENTS_MONTHS_BACK` months back
on the past list; only months (and languages) with events are offered, and each count is what choosing
the option would show, counted in the database (one query per facet).
"""

import datetime
import operator
from functools import reduce

from django.conf import settings
from django.db.models import CharField, Count, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat, Substr
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from home.listing import (
    Facet,
    FieldFacet,
    Option,
    RelationFacet,
    choices,
    objects,
    public_pages,
    shorten,
    terms,
    together,
)
from partners.models import PartnerOrganisation
from taxonomy.fields import OFFER_LANGUAGES
from taxonomy.models import District, EngagementField

from . import dates
from .models import EventPage

MONTH_FORMAT = "%Y-%m"


def month_window(past, today=None):
    """The months a listing offers, in the listing's order (upcoming: ascending, past: newest first)."""
    this_month = dates.month_start(today or dates.today())
    if past:
        return [dates.add_months(this_month, -n) for n in range(settings.EVENTS_MONTHS_BACK)]
    return [dates.add_months(this_month, n) for n in range(settings.EVENTS_MONTHS_AHEAD)]


def parse_month(value):
    if len(value) != 7:
        return None
    try:
        return datetime.datetime.strptime(value, MONTH_FORMAT).date()
    except ValueError:
        return None


def overlaps_month(month, prefix=""):
    """Events on any day of `month` (a multi-day event counts in every month it touches)."""
    last = dates.month_end(month)
    return Q(**{f"{prefix}start_date__lte": last}) & (
        Q(**{f"{prefix}end_date__gte": month})
        | Q(**{f"{prefix}end_date__isnull": True, f"{prefix}start_date__gte": month})
    )


class MonthFacet(Facet):
    hide_empty = True

    def __init__(self, param, label, months):
        super().__init__(param, label)
        self.months = months

    def any_month(self, values):
        return reduce(operator.or_, (overlaps_month(parse_month(value)) for value in values))

    def options(self, listing):
        return [
            Option(month.strftime(MONTH_FORMAT), formats.date_format(month, "YEAR_MONTH_FORMAT"))
            for month in self.months
        ]

    def apply(self, queryset, values):
        return queryset.filter(self.any_month(values))

    def count_part(self, queryset):
        """The events grouped by their first and last month ("2026-11/2027-01", "2026-11/" without an end
        date): a few rows, however many months are offered; `read_counts` adds them up per month as
        `overlaps_month` decides (one small grouping is cheaper to build than a count per month)."""
        if not self.months:
            return None
        return together.Rows(
            queryset.order_by()
            .values(
                v=Concat(_month_text("start_date"), Value("/"), Coalesce(_month_text("end_date"), Value("")))
            )
            .annotate(n=Count("pk", distinct=True))
        )

    def read_counts(self, counted):
        spans = []
        for span, number in counted.items():
            first, _slash, last = (span or "").partition("/")
            if first:
                spans.append((first, last or None, number))
        counts = {}
        for month in self.months:
            key = month.strftime(MONTH_FORMAT)
            # As `overlaps_month`: begun by the month's end, and ending in it or later (or, without an end
            # date, beginning in it).
            counts[key] = sum(
                number
                for first, last, number in spans
                if first <= key and (last >= key if last is not None else first >= key)
            )
        return counts

    def unknown(self, value):
        month = parse_month(value)
        if month is None:
            return _("“%(value)s” is not a month; write it like %(example)s. All months are shown.") % {
                "value": shorten(value),
                "example": self.months[0].strftime(MONTH_FORMAT) if self.months else "2026-10",
            }
        first, last = sorted((self.months[0], self.months[-1]))
        return _("This list covers %(first)s to %(last)s; “%(value)s” was left out.") % {
            "first": formats.date_format(first, "YEAR_MONTH_FORMAT"),
            "last": formats.date_format(last, "YEAR_MONTH_FORMAT"),
            "value": shorten(value),
        }


def _month_text(field):
    """A date's year and month as text ("2026-11"), the same on PostgreSQL and SQLite."""
    return Substr(Cast(field, CharField()), 1, 7)


def with_padded_languages(queryset):
    """ ",de,tr," for "de,tr": a language code matches as a whole, never as part of another."""
    return queryset.annotate(
        padded_languages=Concat(Value(","), "languages", Value(","), output_field=CharField())
    )


class LanguageFacet(Facet):
    """The languages an event is held in; each label in its own language and script."""

    hide_empty = True

    def options(self, listing):
        return [Option(code, name, lang=code) for code, name in OFFER_LANGUAGES.items()]

    def apply(self, queryset, values):
        condition = reduce(operator.or_, (Q(padded_languages__contains=f",{value},") for value in values))
        return with_padded_languages(queryset).filter(condition)

    def count_part(self, queryset):
        """The events grouped by their list of languages ("de,tr"): a few rows, added up per language by
        `read_counts` (one small grouping instead of a count per offered language)."""
        return together.Rows(
            queryset.order_by().values(v=F("languages")).annotate(n=Count("pk", distinct=True))
        )

    def read_counts(self, counted):
        counts = dict.fromkeys(OFFER_LANGUAGES, 0)
        for languages, number in counted.items():
            for code in {code.strip() for code in (languages or "").split(",")}:
                if code in counts:
                    counts[code] += number
        return counts


def facets(months):
    return [
        MonthFacet("month", _("Month"), months),
        RelationFacet(
            "field", _("Engagement field"), EventPage, "engagement_fields", source=terms(EngagementField)
        ),
        FieldFacet("district", _("District"), "district__slug", objects(District)),
        LanguageFacet("language", _("Language")),
        FieldFacet("kind", _("Kind of event"), "kind", choices(EventPage.Kind.choices)),
    ]


def feed_facets():
    """The calendar feed takes the same filters, except month and page."""
    return facets([])[1:]


# --- Querysets and cards ---------------------------------------------------------------------------------


def events_in(index):
    """Live, public events below `index` (its language: translations, German aliases for the rest)."""
    return public_pages(EventPage.objects.child_of(index))


def upcoming(queryset, now=None):
    """Not over yet (running events included), soonest first."""
    return queryset.filter(ends_at__gt=now or dates.now()).order_by("starts_at", "title", "pk")


def past(queryset, now=None):
    return queryset.filter(ends_at__lte=now or dates.now()).order_by("-starts_at", "title", "pk")


def with_card_details(queryset, language, fields=True):
    """What a card reads, in a fixed number of queries however many cards there are.

    The organiser's name comes in the visitor's language from a subquery (German where the partner is not
    translated, its stored name where it is no longer published), so cards need no query of their own.
    """
    shown = PartnerOrganisation.objects.filter(
        translation_key=OuterRef("organiser__translation_key"), live=True
    )
    local = shown.filter(locale__language_code=language)
    source = shown.filter(locale__language_code=settings.LANGUAGE_CODE)
    queryset = queryset.select_related("locale", "alias_of__locale", "district", "organiser").annotate(
        organiser_local_name=Coalesce(
            Subquery(local.values("name")[:1]), Subquery(source.values("name")[:1]), "organiser__name"
        ),
        organiser_local_language=Coalesce(
            Subquery(local.values("locale__language_code")[:1]), Value(settings.LANGUAGE_CODE)
        ),
    )
    if fields:
        queryset = queryset.prefetch_related(
            Prefetch("engagement_fields", queryset=EngagementField.objects.only("pk", "slug"))
        )
    return queryset


def label_cards(events, terms=None):
    """Each event's content language, and its engagement fields as `terms` has them (slug -> term in the
    visitor's language)."""
    for event in events:
        event.__dict__["content_language"] = (
            event.alias_of.locale.language_code if event.alias_of_id else event.locale.language_code
        )
        if terms is not None:
            event.field_terms = [terms[t.slug] for t in event.engagement_fields.all() if t.slug in terms]
    return events
