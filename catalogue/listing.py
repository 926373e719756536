"""The catalogue listing: filters from the URL, counts per option, sorting and pages – all in the database.

A visitor's language decides what is listed: every live resource in that language, and the German
original of each resource not (yet) translated into it. Filters that make no sense (an unknown
category, a malformed or past date, a period that ends before it starts, a huge page number, a very
long search text) are dropped with a message saying so; the list is always shown.

Filter values in the URL are the vocabulary's slugs, which are the same in every language, so a
filtered list can be shared across languages:
`/de/ressourcen/?category=raeume&district=eving&start=2026-12-05&end=2026-12-06&step_free=1&capacity=40`.

Two layers, so the API (`catalogue/endpoints.py`) filters and counts with the same code as the web page:
`ResourceFilterForm` says which values are valid; `ResourceQuery` filters, counts and orders in the
database. `ResourceListing` puts both together for the web page (invalid values dropped with a message);
the API refuses invalid values instead (422) and pages with limit/offset.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import formats
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from catalogue import availability
from catalogue.models import Resource, ResourceEngagementField
from catalogue.search import matching_translation_keys
from taxonomy.models import District, EngagementField, ResourceCategory

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
MAX_TEXT_LENGTH = 200
MAX_PERIOD_DAYS = 366
MAX_CAPACITY = 10_000
SORTS = ("availability", "name", "relevance")
PAST_DATE = _("This date has passed; choose today or a later day. The date was ignored.")


def visible_resources(locale, default_locale):
    """Live resources in `locale`, plus the German original of each one that has no live translation."""
    own = Q(live=True, locale=locale)
    if locale.pk == default_locale.pk:
        return Resource.objects.filter(own)
    translated = Resource.objects.filter(live=True, locale=locale).values("translation_key")
    standing_in = Q(live=True, locale=default_locale) & ~Q(translation_key__in=translated)
    return Resource.objects.filter(own | standing_in)


def localized_terms(queryset, locale, default_locale):
    """slug -> term in `locale`, the German term where there is no translation; in the terms' order."""
    terms = {}
    for term in queryset.filter(live=True, locale_id__in={locale.pk, default_locale.pk}).select_related(
        "locale"
    ):
        if term.locale_id == locale.pk or term.slug not in terms:
            terms[term.slug] = term
    return terms


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
    """What the listing's GET form sends. Invalid fields are dropped one by one, never the whole form."""

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
    category = ExistingChoiceField(
        label=_("Resource category"),
        required=False,
        error_messages={"invalid_choice": _("There is no category “%(value)s”; all categories are shown.")},
    )
    engagement = ExistingChoiceField(
        label=_("Engagement field"),
        required=False,
        error_messages={
            "invalid_choice": _("There is no engagement field “%(value)s”; all engagement fields are shown.")
        },
    )
    district = ExistingChoiceField(
        label=_("District"),
        required=False,
        error_messages={"invalid_choice": _("There is no district “%(value)s”; all districts are shown.")},
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
            ("name", _("Name")),
            ("relevance", _("Best match (with search words)")),
        ],
        error_messages={"invalid_choice": _("“%(value)s” is not a way to sort; the usual order is used.")},
    )

    def __init__(self, data, *, categories, engagement_fields, districts, today):
        super().__init__(data)
        self.today = today
        self.fields["category"].choices = [("", "")] + [
            (slug, term.name) for slug, term in categories.items()
        ]
        self.fields["engagement"].choices = [("", "")] + [
            (slug, term.name) for slug, term in engagement_fields.items()
        ]
        self.fields["district"].choices = [("", "")] + [
            (district.slug, district.name) for district in districts
        ]
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


@dataclass
class FacetOption:
    slug: str
    label: str
    count: int
    selected: bool
    lang: str | None = None  # "de" where the term is shown in German


@dataclass
class ActiveFilter:
    label: str
    value: str
    remove_url: str


@dataclass
class Listing:
    form: ResourceFilterForm
    page: object
    paginator: Paginator
    categories: list
    engagement_fields: list
    districts: list
    step_free_count: int
    active_filters: list
    messages: list
    start: datetime.date
    end: datetime.date
    date_filtered: bool
    sort: str
    text: str | None
    source_language: str
    today: datetime.date
    query: str
    errors: dict = field(default_factory=dict)

    @property
    def total(self):
        return self.paginator.count

    @property
    def page_range(self):
        return list(self.paginator.get_elided_page_range(self.page.number, on_each_side=1, on_ends=1))


class ResourceQuery:
    """The listing's filters, facet counts and sort orders over what one language shows – in the database.

    The one implementation behind the web listing and the API. Each facet (`category`, `engagement`,
    `district`) takes slugs that are alternatives (the web form sends at most one); the others narrow
    further. `period` (start, end) keeps only what can still be had on every day of it; `text` goes
    through `catalogue.search` and keeps the matches, best first for `sort="relevance"`.
    """

    FACETS = {
        "category": "category__slug",
        "engagement": "engagement_field_links__engagement_field__slug",
        "district": "district__slug",
    }

    def __init__(
        self,
        locale,
        default_locale,
        *,
        category=(),
        engagement=(),
        district=(),
        step_free=False,
        capacity=None,
        period=None,
        text=None,
    ):
        self.locale = locale
        self.default_locale = default_locale
        self.selected = {
            "category": tuple(category),
            "engagement": tuple(engagement),
            "district": tuple(district),
        }
        self.step_free = bool(step_free)
        self.capacity = capacity
        self.period = period
        self.text = text
        self.keys = matching_translation_keys(text, {locale.pk, default_locale.pk}) if text else None
        self.base = visible_resources(locale, default_locale)

    def filtered(self, skip=None):
        """The resources matching every filter except `skip` (a facet's name, or "step_free")."""
        queryset = self.base
        category, engagement, district = (
            self.selected[name] if name != skip else () for name in ("category", "engagement", "district")
        )
        if category:
            queryset = queryset.filter(category__slug__in=category)
        if engagement:
            queryset = queryset.filter(
                Exists(
                    ResourceEngagementField.objects.filter(
                        resource=OuterRef("pk"), engagement_field__slug__in=engagement
                    )
                )
            )
        if district:
            queryset = queryset.filter(district__slug__in=district)
        if self.step_free and skip != "step_free":
            queryset = queryset.filter(kind=Resource.Kind.ROOM, step_free=True)
        if self.capacity:
            queryset = queryset.filter(kind=Resource.Kind.ROOM, capacity__gte=self.capacity)
        if self.keys is not None:
            queryset = self.keys.filter(queryset)  # SQL: the matches are never loaded (catalogue/search.py)
        if self.period:
            queryset = availability.obtainable(queryset, *self.period)
        return queryset

    def counts(self, facet):
        """{slug: how many resources choosing it would give with the other filters}, one query."""
        path = self.FACETS[facet]
        rows = (
            self.filtered(skip=facet)
            .filter(**{f"{path}__isnull": False})
            .order_by()
            .values(path)
            .annotate(count=Count("pk", distinct=True))
        )
        return {row[path]: row["count"] for row in rows}

    def step_free_count(self):
        return self.filtered(skip="step_free").filter(kind=Resource.Kind.ROOM, step_free=True).count()

    def sort(self, requested=None):
        """The order used: as requested; best match first with search words, else by availability."""
        sort = requested or ("relevance" if self.text else "availability")
        return "availability" if sort == "relevance" and not self.text else sort

    def results(self, sort, start, end):
        """The matching resources with their availability for the period, in `sort` order."""
        results = availability.with_availability(self.filtered(), start, end).for_display()
        if sort == "name":
            return results.order_by("title", "pk")
        if sort == "relevance" and self.keys is not None:
            return results.order_by(*self.keys.rank(), "title", "pk")
        return results.order_by("availability_rank", "title", "pk")


class ResourceListing:
    """Builds a Listing for one request on one catalogue page."""

    def __init__(self, request, locale, default_locale, *, page_size=None, today=None):
        self.request = request
        self.locale = locale
        self.default_locale = default_locale
        self.page_size = page_size or settings.PORTAL_PAGE_SIZE
        self.today = today or availability.today()

    def build(self):
        locale, default = self.locale, self.default_locale
        categories = localized_terms(ResourceCategory.objects.all(), locale, default)
        fields = localized_terms(EngagementField.objects.all(), locale, default)
        districts = list(District.objects.all())
        form = ResourceFilterForm(
            self.request.GET or None,
            categories=categories,
            engagement_fields=fields,
            districts=districts,
            today=self.today,
        )
        form.is_valid()
        self.invalid = [name for name in form.errors if name in form.fields]
        messages = [
            {"field": name, "label": form.fields[name].label, "text": error}
            for name, errors in form.errors.items()
            if name in form.fields
            for error in errors
        ]

        text = form.value("q")
        if text is not None:
            text = text.strip() or None
        start, end = form.value("start"), form.value("end")
        date_filtered = bool(start or end)
        start, end = availability.window(start or self.today, end)
        self.criteria = {
            "category": form.value("category"),
            "engagement": form.value("engagement"),
            "district": form.value("district"),
            "step_free": bool(form.value("step_free")),
            "capacity": form.value("capacity"),
            "period": (start, end) if date_filtered else None,
        }
        query = ResourceQuery(
            locale,
            default,
            **{name: [self.criteria[name]] if self.criteria[name] else () for name in ResourceQuery.FACETS},
            step_free=self.criteria["step_free"],
            capacity=self.criteria["capacity"],
            period=self.criteria["period"],
            text=text,
        )
        counts = {name: query.counts(name) for name in ResourceQuery.FACETS}
        step_free_count = query.step_free_count()

        sort = query.sort(form.value("sort"))
        paginator = Paginator(query.results(sort, start, end), self.page_size)
        requested = self.request.GET.get("page")
        page = paginator.get_page(requested)
        if requested not in (None, "", str(page.number)):
            messages.append(
                {
                    "field": None,
                    "label": gettext("Page"),
                    "text": gettext("There is no page “%(requested)s”; page %(page)s is shown.")
                    % {"requested": Truncator(requested).chars(20), "page": page.number},
                }
            )
        page.object_list = label_categories(
            availability.attach(list(page.object_list), start, end), categories
        )

        source_language = default.language_code
        return Listing(
            form=form,
            page=page,
            paginator=paginator,
            categories=self._options(categories, counts["category"], "category", source_language),
            engagement_fields=self._options(fields, counts["engagement"], "engagement", source_language),
            districts=[
                FacetOption(
                    d.slug, d.name, counts["district"].get(d.slug, 0), d.slug == self.criteria["district"]
                )
                for d in districts
            ],
            step_free_count=step_free_count,
            active_filters=self._active_filters(form, categories, fields, districts),
            messages=messages,
            start=start,
            end=end,
            date_filtered=date_filtered,
            sort=sort,
            text=text,
            source_language=source_language,
            today=self.today,
            query=self._query(),
            errors=dict(form.errors),
        )

    # --- Presentation --------------------------------------------------------------------------------

    def _options(self, terms, counts, name, source_language):
        selected = self.criteria[name]
        return [
            FacetOption(
                slug,
                term.name,
                counts.get(slug, 0),
                slug == selected,
                source_language if term.locale_id != self.locale.pk else None,
            )
            for slug, term in terms.items()
        ]

    def _query(self, *without):
        """The current filters as a query string, minus `without`, the page and anything invalid."""
        params = self.request.GET.copy()
        for name in (*without, *self.invalid, "page"):
            params.pop(name, None)
        return urlencode(sorted(params.lists()), doseq=True)

    def _without(self, *names):
        return f"?{self._query(*names)}"

    def _active_filters(self, form, categories, fields, districts):
        c = self.criteria
        active = []
        if form.value("q"):
            active.append(ActiveFilter(gettext("Search words"), form.value("q"), self._without("q", "sort")))
        if c["category"]:
            active.append(
                ActiveFilter(gettext("Category"), categories[c["category"]].name, self._without("category"))
            )
        if c["engagement"]:
            active.append(
                ActiveFilter(
                    gettext("Engagement field"), fields[c["engagement"]].name, self._without("engagement")
                )
            )
        if c["district"]:
            name = next(d.name for d in districts if d.slug == c["district"])
            active.append(ActiveFilter(gettext("District"), name, self._without("district")))
        if c["period"]:
            start, end = c["period"]
            value = formats.date_format(start)
            if end != start:
                value = gettext("%(start)s to %(end)s") % {"start": value, "end": formats.date_format(end)}
            active.append(ActiveFilter(gettext("Available"), value, self._without("start", "end")))
        if c["step_free"]:
            active.append(ActiveFilter(gettext("Access"), gettext("step-free"), self._without("step_free")))
        if c["capacity"]:
            active.append(
                ActiveFilter(
                    gettext("Capacity"),
                    gettext("at least %(count)s people") % {"count": c["capacity"]},
                    self._without("capacity"),
                )
            )
        return active
