"""The catalogue listing: filters from the URL, counts per option, sorting and pages – all in the database.

A visitor's language decides what is listed: every live resource in that language, and the German
original of each resource not (yet) translated into it. Filters that make no sense (an unknown
category, a malformed or past date, a period that ends before it starts, a huge page number, a very
long search text) are dropped with a message saying so; the list is always shown.

Filter values in the URL are the vocabulary's slugs, which are the same in every language, so a
filtered list can be shared across languages:
`/de/ressourcen/?category=raeume&district=eving&start=2026-12-05&end=2026-12-06&step_free=1&capacity=40`.

The listing is a `home.listing.FacetListing` (`ResourceQuery`): its facets (`category`, `engagement`,
`district`) are checked, counted and linked by the shared engine; `ResourceFilterForm` checks what is not
a facet (search words, dates, capacity, sort), and `ResourceQuery.narrow` applies it. The web page
(`ResourceListing`) drops invalid values with a message; the API (`catalogue/endpoints.py`) filters and
counts with the same `ResourceQuery`, refuses invalid values instead (422) and pages with limit/offset.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import formats
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from catalogue import availability
from catalogue.models import Resource
from catalogue.search import matching_translation_keys
from home import page_cache
from home.listing import (
    ActiveFilter,
    FacetListing,
    FieldFacet,
    ListingResult,
    Notice,
    RelationFacet,
    objects,
    terms,
)
from search.matching import KeyArray
from taxonomy.models import District, EngagementField, ResourceCategory

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
MAX_TEXT_LENGTH = 200
MAX_PERIOD_DAYS = 366
MAX_CAPACITY = 10_000
SORTS = ("availability", "name", "relevance")
PAST_DATE = _("This date has passed; choose today or a later day. The date was ignored.")
# The order of the form's fields: messages about them are listed in it.
FIELDS = (
    "q",
    "category",
    "engagement",
    "district",
    "start",
    "end",
    "free_month",
    "step_free",
    "capacity",
    "sort",
)

FACETS = [
    FieldFacet(
        "category",
        _("Resource category"),
        "category__slug",
        terms(ResourceCategory),
        unknown=_("There is no category “%(value)s”; all categories are shown."),
        active_label=_("Category"),
        any_label=_("All categories"),
    ),
    RelationFacet(
        "engagement",
        _("Engagement field"),
        Resource,
        "engagement_field_links",
        target="engagement_field",
        source=terms(EngagementField),
        unknown=_("There is no engagement field “%(value)s”; all engagement fields are shown."),
        any_label=_("All engagement fields"),
    ),
    FieldFacet(
        "district",
        _("District"),
        "district__slug",
        objects(District),
        unknown=_("There is no district “%(value)s”; all districts are shown."),
        any_label=_("All districts"),
    ),
]


def visible_resources(locale, default_locale):
    """Live resources in `locale`, plus the German original of each one that has no live translation."""
    own = Q(live=True, locale=locale)
    if locale.pk == default_locale.pk:
        return Resource.objects.filter(own)
    translated = Resource.objects.filter(live=True, locale=locale).values("translation_key")
    standing_in = Q(live=True, locale=default_locale) & ~Q(translation_key__in=translated)
    return Resource.objects.filter(own | standing_in)


def label_categories(resources, categories):
    """Show each resource's category in the visitor's language, also on a German stand-in."""
    for resource in resources:
        resource.category_term = categories.get(resource.category.slug, resource.category)
    return resources


class ExistingChoiceField(forms.ChoiceField):
    """A choice among values that exist; the message quotes the (shortened) value that does not."""

    def validate(self, value):
        try:
            super().validate(value)
        except ValidationError:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": Truncator(value).chars(40)},
            ) from None


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class ResourceFilterForm(forms.Form):
    """What the listing's GET form sends besides the facets. Invalid fields are dropped one by one."""

    q = forms.CharField(
        label=_("Search words"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        error_messages={
            "max_length": _(
                "The search text is too long (at most %(limit_value)d characters); it was ignored."
            )
        },
    )
    start = forms.DateField(
        label=_("Available on or from"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=DateInput(),
        error_messages={"invalid": _("Enter the date like this: %(example)s. The date was ignored.")},
    )
    end = forms.DateField(
        label=_("Available until"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=DateInput(),
        error_messages={"invalid": _("Enter the date like this: %(example)s. The date was ignored.")},
    )
    free_month = forms.BooleanField(label=_("Free this month"), required=False)
    step_free = forms.BooleanField(label=_("Only step-free rooms"), required=False)
    capacity = forms.IntegerField(
        label=_("Rooms for at least this many people"),
        required=False,
        min_value=1,
        max_value=MAX_CAPACITY,
        error_messages={
            "invalid": _("Enter the number of people as a whole number; it was ignored."),
            "min_value": _("Enter at least 1 person; the number was ignored."),
            "max_value": _("No room holds more than %(limit_value)s people; the number was ignored."),
        },
    )
    sort = ExistingChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("availability", _("Availability")),
            ("name", pgettext_lazy("sort order", "Name")),
            ("relevance", _("Best match (with search words)")),
        ],
        error_messages={"invalid_choice": _("“%(value)s” is not a way to sort; the usual order is used.")},
    )

    def __init__(self, data, *, today):
        super().__init__(data)
        self.today = today
        example = today.isoformat()
        for name in ("start", "end"):
            self.fields[name].error_messages["invalid"] = self.fields[name].error_messages["invalid"] % {
                "example": example
            }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and start < self.today:
            self.add_error("start", ValidationError(PAST_DATE, code="past"))
            start = None
        if end and end < self.today:
            self.add_error("end", ValidationError(PAST_DATE, code="past"))
            end = None
        if start and end and end < start:
            self.add_error(
                "end",
                ValidationError(
                    _("The end date lies before the start date; it was ignored."), code="before_start"
                ),
            )
            end = None
        if end and (end - (start or self.today)).days >= MAX_PERIOD_DAYS:
            self.add_error(
                "end",
                ValidationError(
                    _("Choose a period of at most one year; the end date was ignored."), code="too_long"
                ),
            )
        return cleaned

    def value(self, name):
        """A field's valid value, or None when it was empty or invalid."""
        if not self.is_bound or name in self.errors:
            return None
        return self.cleaned_data.get(name) or None

    def bound_value(self, name):
        """What to show in the field again: the visitor's valid input, nothing for invalid input."""
        value = self.value(name)
        if value is None:
            return ""
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value


class ResourceQuery(FacetListing):
    """The listing's filters, facet counts and sort orders over what one language shows – in the database.

    The one implementation behind the web listing and the API. Each facet (`category`, `engagement`,
    `district`) takes slugs that are alternatives (the web form sends at most one; the API sets
    `selected` itself); the others narrow further. `period` (start, end) keeps only what can still be
    had on every day of it; `text` goes through `catalogue.search` and keeps the matches, best first for
    `sort="relevance"`. `window`: the days the availability shown is for (the period, or today).
    """

    ways_out = False

    def __init__(
        self,
        params,
        locale,
        default_locale,
        *,
        text=None,
        step_free=False,
        free_month=False,
        month=None,
        capacity=None,
        period=None,
        window=None,
        sort=None,
        base_url="",
        page_size=None,
    ):
        self.locale = locale
        self.default_locale = default_locale
        self.given_text = (text or "").strip()
        self.step_free = bool(step_free)
        # Only what can be had on at least one day of `month` (first, last day): "free this month".
        self.free_month = bool(free_month)
        self.month = month or availability.month_rest()
        self._free_month_filter = None
        self._period_filter = None
        self.capacity = capacity
        self.period = period
        self.window = window or period or availability.window(availability.today(), None)
        super().__init__(
            params,
            visible_resources(locale, default_locale),
            FACETS,
            base_url=base_url,
            language=locale.language_code,
            page_size=page_size,
            text_model=Resource,
        )
        # The order used: as requested; best match first with search words, else by availability.
        self.sort = sort or ("relevance" if self.text else "availability")
        if self.sort == "relevance" and not self.text:
            self.sort = "availability"

    def parse_text(self, raw):
        return self.given_text  # checked by the form (the web page) or the API's schema

    def match_text(self):
        return matching_translation_keys(self.text, {self.locale.pk, self.default_locale.pk})

    def narrow(self, queryset, skip=None):
        if self.step_free and skip != "step_free":
            queryset = queryset.filter(kind=Resource.Kind.ROOM, step_free=True)
        if self.capacity:
            queryset = queryset.filter(kind=Resource.Kind.ROOM, capacity__gte=self.capacity)
        if self.period:
            queryset = queryset.filter(self.period_filter())
        if self.free_month and skip != "free_month":
            queryset = queryset.filter(self.free_month_filter())
        return queryset

    def period_filter(self):
        """What can still be had on every day of the period, as the keys of the visible resources: worked
        out once per listing in one query (the facet counts narrow many times) and kept per generation
        of the page cache (every reservation, grant and resource change starts a new one)."""
        if self._period_filter is None:
            start, end = self.period
            locales = f"{self.locale.pk}:{self.default_locale.pk}"

            def build():
                obtainable = availability.obtainable(
                    visible_resources(self.locale, self.default_locale), start, end
                )
                return sorted(obtainable.order_by().values_list("translation_key", flat=True))

            keys = page_cache.kept(f"obtainable-keys:{locales}:{start}:{end}", build)
            # One array parameter, not a parameter per key (10,000 at the search mix's scale).
            self._period_filter = Q(translation_key__in=KeyArray(keys))
        return self._period_filter

    def free_month_filter(self):
        """Worked out once per listing (the facet counts narrow many times): over every visible resource,
        kept per generation of the page cache. Without the page cache and with search words, over their
        matches alone (every count and the page are among them): at the search mix's scale a few hundred
        resources instead of 10,000, worked out on every visit."""
        if self._free_month_filter is None:
            visible = visible_resources(self.locale, self.default_locale)
            matched = self.matched()
            if matched is not None and not page_cache.enabled():
                self._free_month_filter = availability.free_some_day(matched, *self.month)
            else:
                locales = f"{self.locale.pk}:{self.default_locale.pk}"
                self._free_month_filter = availability.free_some_day(
                    visible,
                    *self.month,
                    keep=lambda name, build: page_cache.kept(f"{name}:{locales}", build),
                )
        return self._free_month_filter

    def extra_counts(self):
        """Counted with the facets: step-free rooms, and what is free some day this month."""
        return {
            "step_free": self.filtered(skip="step_free").filter(kind=Resource.Kind.ROOM, step_free=True),
            "free_month": self.filtered(skip="free_month").filter(self.free_month_filter()),
        }

    def step_free_count(self):
        counted = self.counted("step_free")
        return self.extra_counts()["step_free"].count() if counted is None else counted

    def free_month_count(self):
        counted = self.counted("free_month")
        return self.extra_counts()["free_month"].count() if counted is None else counted

    def ordered(self, queryset):
        """With the availability in the window, in the order used."""
        results = availability.with_availability(queryset, *self.window).for_display()
        matches = self.matches()
        if self.sort == "name":
            return results.order_by("title", "pk")
        if self.sort == "relevance" and matches is not None:
            return results.order_by(*matches.rank(), "title", "pk")
        return results.order_by("availability_rank", "title", "pk")

    def active_filters(self):
        active = super().active_filters()
        if active and active[0].param == "q":
            active[0].remove_url = self.url(q=None, sort=None)
        if self.period:
            start, end = self.period
            value = formats.date_format(start)
            if end != start:
                value = gettext("%(start)s to %(end)s") % {"start": value, "end": formats.date_format(end)}
            active.append(ActiveFilter("start", gettext("Available"), value, self.url(start=None, end=None)))
        if self.free_month:
            active.append(
                ActiveFilter(
                    "free_month",
                    gettext("Available"),
                    gettext("free this month"),
                    self.url(free_month=None),
                )
            )
        if self.step_free:
            active.append(
                ActiveFilter("step_free", gettext("Access"), gettext("step-free"), self.url(step_free=None))
            )
        if self.capacity:
            active.append(
                ActiveFilter(
                    "capacity",
                    gettext("Capacity"),
                    gettext("at least %(count)s people") % {"count": self.capacity},
                    self.url(capacity=None),
                )
            )
        return active


@dataclass
class Listing(ListingResult):
    form: ResourceFilterForm = None
    step_free_count: int = 0
    free_month_count: int = 0
    start: datetime.date = None
    end: datetime.date = None
    date_filtered: bool = False
    sort: str = ""
    source_language: str = ""
    today: datetime.date = None
    query: str = ""
    errors: dict = None

    def options(self, param):
        return next(item["options"] for item in self.facets if item["facet"].param == param)

    @property
    def categories(self):
        return self.options("category")

    @property
    def engagement_fields(self):
        return self.options("engagement")

    @property
    def districts(self):
        return self.options("district")


class ResourceListing:
    """Builds a Listing for one request on one catalogue page."""

    def __init__(self, request, locale, default_locale, *, base_url="", page_size=None, today=None):
        self.request = request
        self.base_url = base_url
        self.locale = locale
        self.default_locale = default_locale
        self.page_size = page_size
        self.today = today or availability.today()

    def build(self):
        form = ResourceFilterForm(self.request.GET or None, today=self.today)
        form.is_valid()
        start, end = form.value("start"), form.value("end")
        date_filtered = bool(start or end)
        start, end = availability.window(start or self.today, end)
        query = ResourceQuery(
            self.request.GET,
            self.locale,
            self.default_locale,
            text=form.value("q"),
            step_free=form.value("step_free"),
            free_month=form.value("free_month"),
            month=availability.month_rest(self.today),
            capacity=form.value("capacity"),
            period=(start, end) if date_filtered else None,
            window=(start, end),
            sort=form.value("sort"),
            base_url=self.base_url,
            page_size=self.page_size,
        )
        # Links keep what the form understood, in the form's order.
        query.extra = {
            name: "1" if name in ("step_free", "free_month") else str(form.bound_value(name))
            for name in FIELDS
            if name in ("start", "end", "free_month", "step_free", "capacity", "sort") and form.value(name)
        }
        result = query.run(
            self.request.GET.get("page"), keep=f"resources:{self.locale.pk}:{self.default_locale.pk}"
        )
        result.page.object_list = label_categories(
            availability.attach(list(result.page.object_list), start, end), query.terms(ResourceCategory)
        )
        return Listing(
            **{**vars(result), "notices": self._notices(form, query)},
            form=form,
            step_free_count=query.step_free_count(),
            free_month_count=query.free_month_count(),
            start=start,
            end=end,
            date_filtered=date_filtered,
            sort=query.sort,
            source_language=self.default_locale.language_code,
            today=self.today,
            query=query.querystring(),
            errors={**form.errors, **{n.param: [n.text] for n in query.notices if n.param}},
        )

    @staticmethod
    def _notices(form, query):
        """Every problem with what was asked, in the form's order, each tied to its field and named by its
        label: the form's (dates, capacity, sort, search words) and the listing's (facets, page)."""
        labels = {name: field.label for name, field in form.fields.items()}
        labels.update({facet.param: facet.label for facet in query.facets})
        notices = [
            Notice(error, name, labels[name])
            for name, errors in form.errors.items()
            if name in form.fields
            for error in errors
        ]
        notices += [
            Notice(notice.text, notice.param, labels.get(notice.param, "")) for notice in query.notices
        ]
        order = {name: index for index, name in enumerate(FIELDS)}
        return sorted(notices, key=lambda notice: order.get(notice.param, len(order)))
