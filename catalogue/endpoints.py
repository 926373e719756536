"""The resource catalogue in the headless API (see README, "API").

- `GET /api/v3/resources/` – the catalogue listing as JSON, with the web listing's filters, facet counts
  and sort orders (`catalogue.listing`: `ResourceFilterForm` checks the values, `ResourceQuery` filters,
  counts and orders – the same code as the web page), availability for today or for `start`/`end`,
  `limit`/`offset`. List items carry what a card shows plus the facts; the long texts, pictures, files,
  calendar and related resources are in the detail.
- `GET /api/v3/resources/{resource_id}/` – one resource with everything its web page shows. The id names
  the resource in any of its languages; the answer is the version in the response's language (German
  where it is not translated, `meta.fallback`), so its `id` may be that version's.
- `GET /api/v3/resources/by-slug/{slug}/` – the same, by the last part of its web address in the
  response's language; a slug of another language finds the resource too, as on the web site.

Where the web page drops an invalid value with a notice, the API refuses the request (422 naming the
parameter): a program should learn that it was not understood instead of getting a list it did not ask
for. Free text goes through `catalogue.search` (the listing's one search function).
"""

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import Field, Path, Query, Router, Schema
from pydantic import StringConstraints, WithJsonSchema
from wagtail.images import get_image_model

from api import accepted, caching, changes, content, translated
from api.collections import ERRORS, LANG_DESCRIPTION, Collection, FacetValue
from api.errors import DETAILS, APIError
from api.facets import FacetChoice, FacetResult, choose, facet_results, in_every_language
from api.language import LanguageCode
from api.pages import ITEM_ADDRESSES
from api.pagination import PageQuery, list_schema, paginate
from api.schemas import choice_schema
from catalogue import availability
from catalogue.listing import (
    FACETS,
    MAX_CAPACITY,
    MAX_TEXT_LENGTH,
    SORTS,
    ResourceFilterForm,
    ResourceQuery,
    visible_resources,
)
from catalogue.models import (
    Grant,
    ProgrammeRules,
    Reservation,
    Resource,
    ResourceDownload,
    ResourceEngagementField,
    ResourceImage,
    ResourceIndexPage,
)
from catalogue.money import format_euro
from catalogue.views import calendar_months, month_calendar, parse_month, related_resources
from home.listing import localized_terms
from resource_requests.pages import resource_request_url
from taxonomy.models import EngagementField, ResourceCategory

# Checked as text (the form's messages say what is wrong: not a date, past, ...); documented as a date.
DateText = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$", max_length=10),
    WithJsonSchema({"type": "string", "format": "date"}),
]
MonthText = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}$", max_length=7)]
ResourceSlug = Annotated[str, StringConstraints(pattern=r"^[-\w]+$", max_length=140)]
ResourceId = Path(..., ge=1, le=2**31 - 1, description="The id of the resource in any of its languages.")

START_DESCRIPTION = (
    "A day (YYYY-MM-DD, today or later): availability figures for that day; in a list, only what can "
    "still be had then. With `end`: on every day of the period (at most a year)."
)
END_DESCRIPTION = "Last day of the period (YYYY-MM-DD), see `start`."

# What no parameter's schema can say (`api.accepted.RULES`): the period's end depends on its start.
PERIOD_OPERATIONS = ("resources_list", "resources_detail", "resources_by_slug")
PERIOD_RULES = [
    "`end` is not before `start`;",
    "the period from `start` (or today, without it) to `end` is at most a year (`end` at most 365 days later).",
    "Otherwise 422 naming `end`.",
]

# The web form's messages say what the page did ("… it was ignored"); the API refuses instead.
FORM_MESSAGES = {
    "invalid": _("Give a real date as YYYY-MM-DD."),
    "past": _("This date has passed; give today or a later day."),
    "before_start": _("The end date lies before the start date."),
    "too_long": _("Give a period of at most one year."),
}


# --- Schemas -------------------------------------------------------------------------------------------


class ResourceFilters(Schema):
    lang: LanguageCode | None = Field(None, description=LANG_DESCRIPTION)
    q: str | None = Field(
        None,
        max_length=MAX_TEXT_LENGTH,
        description="Search words, in the response's language or German; enables `sort=relevance`.",
    )
    category: list[FacetValue] = Field(
        [], description="Resource category (slug, see /api/v3/resource-categories/); repeat for several."
    )
    engagement: list[FacetValue] = Field(
        [], description="Engagement field (slug, see /api/v3/engagement-fields/); repeat for several."
    )
    district: list[FacetValue] = Field(
        [], description="District (slug, see /api/v3/districts/); repeat for several."
    )
    start: DateText | None = Field(None, description=START_DESCRIPTION)
    end: DateText | None = Field(None, description=END_DESCRIPTION)
    step_free: bool = Field(False, description="Only rooms with step-free access.")
    capacity: int | None = Field(
        None, ge=1, le=MAX_CAPACITY, description="Only rooms for at least this many people."
    )
    sort: Literal[SORTS] | None = Field(  # type: ignore[valid-type]
        None,
        description="`availability` (default), `name`, or `relevance` (best match first; the default "
        "with `q`, like `availability` without).",
    )
    # Following changes (`api.changes`).
    updated_since: changes.DateTimeText | None = Field(None, description=changes.UPDATED_SINCE_DESCRIPTION)


class ResourceDetailQuery(Schema):
    lang: LanguageCode | None = Field(None, description=LANG_DESCRIPTION)
    start: DateText | None = Field(None, description=START_DESCRIPTION)
    end: DateText | None = Field(None, description=END_DESCRIPTION)
    month: MonthText | None = Field(
        None,
        description="Month of the calendar of free units (YYYY-MM, this month up to two years ahead; "
        "this month by default). Items to borrow and rooms only.",
    )


class Availability(Schema):
    status: Literal[tuple(availability.Status.values)]  # type: ignore[valid-type]
    label: str = Field(..., description="The status in words, in the response's language.")
    start: datetime.date
    end: datetime.date
    measure: Literal["units", "money"] | None = Field(
        None, description="What is counted: units (items, rooms), money, or nothing (always available)."
    )
    units_total: int | None = None
    units_free: int | None = Field(None, description="Free on every day of the period.")
    budget_total: str | None = Field(None, description="Euros, as a decimal number.")
    budget_left: str | None = Field(None, description="Euros, as a decimal number.")
    percent_left: int | None = None


class Picture(Schema):
    image: content.Image
    caption: str


class Download(Schema):
    title: str
    document: content.Document


class OfferLanguage(Schema):
    code: str
    name: str = Field(..., description="The language's own name for itself.")


class ResourceSummary(Schema):
    id: int
    meta: translated.TranslatedMeta
    title: str
    slug: str
    summary: str
    kind: choice_schema(Resource, "kind")
    category: translated.Term
    engagement_fields: list[translated.Term]
    district: translated.DistrictLink | None = None
    availability: Availability
    offered_from: datetime.date | None = None
    offered_until: datetime.date | None = None
    units: int | None = None
    max_lending_days: int | None = None
    deposit: str | None = Field(None, description="Euros, as a decimal number.")
    capacity: int | None = None
    step_free: bool | None = Field(None, description="Rooms only.")
    cost_per_day: str | None = Field(None, description="Euros; 0 is free of charge, null by agreement.")
    budget: str | None = None
    max_amount_per_request: str | None = None
    format: choice_schema(Resource, "format") | None = None
    languages: list[OfferLanguage]
    image: Picture | None = Field(None, description="The first picture.")
    request_url: str = Field(..., description="The request form with this resource chosen.")


class RulesSchema(Schema):
    decision_threshold: str = Field(..., description="Euros up to which the team decides (a setting).")
    jury_decides: bool = Field(..., description="Requests can exceed the threshold: a jury decides.")
    requires_logos: bool
    rules: list[str] = Field(..., description="The rules in words, in the response's language.")


class Contact(Schema):
    name: str
    email: str
    phone: str


class CalendarDay(Schema):
    date: datetime.date
    free: int | None = Field(None, description="Free units that day; null when past or not offered.")
    state: Literal["past", "closed", "free", "few", "none"]


class Calendar(Schema):
    month: str
    units: int
    previous: str | None = None
    next: str | None = None
    days: list[CalendarDay]


class RelatedResource(Schema):
    id: int
    title: str
    slug: str
    summary: str
    locale: str
    availability: Availability = Field(..., description="Today's.")
    detail_url: str
    html_url: str | None = None


class ResourceDetail(ResourceSummary):
    description: content.RichText
    conditions: content.RichText
    programme_rules: RulesSchema
    pickup_place: str
    room_equipment: str
    typical_duration: str
    contact: Contact | None = None
    images: list[Picture]
    downloads: list[Download]
    calendar: Calendar | None = Field(None, description="Items to borrow and rooms only.")
    related: list[RelatedResource]


class Period(Schema):
    start: datetime.date
    end: datetime.date
    filtered: bool = Field(..., description="Whether the list keeps only what can be had in the period.")


ResourceList = list_schema(
    ResourceSummary,
    name="ResourceList",
    facets=True,
    extra={
        "period": (Period, Field(..., description="The period the availability figures are for.")),
        "sort": (str, Field(..., description="The order used.")),
    },
)


# --- Building the answer -------------------------------------------------------------------------------


def _money(value):
    """Euros as a decimal string with two places ("1250.50"), or None."""
    return None if value is None else str(Decimal(value).quantize(Decimal("0.01")))


def availability_data(current):
    units = current.measure == "units"
    money = current.measure == "money"
    return {
        "status": str(current.status),
        "label": str(current.status.label),
        "start": current.start,
        "end": current.end,
        "measure": current.measure,
        "units_total": current.total if units else None,
        "units_free": current.shown_left if units else None,
        "budget_total": _money(current.total) if money else None,
        "budget_left": _money(current.shown_left) if money else None,
        "percent_left": current.percent_left if current.is_counted else None,
    }


class Answer:
    """What one request needs to describe resources: language, vocabulary, addresses."""

    def __init__(self, request, language, locale, default, *, categories=None, fields=None):
        self.request = request
        self.language = language
        self.locale = locale
        self.default = default
        self.categories = localized_terms(ResourceCategory, language) if categories is None else categories
        self.fields = localized_terms(EngagementField, language) if fields is None else fields
        self.pages = translated.page_urls(request, ResourceIndexPage)
        self.versions = {}

    def detail_url(self, pk, language):
        path = reverse("api:resources_detail", kwargs={"resource_id": pk})
        return self.request.build_absolute_uri(f"{path}?lang={language}")

    def html_url(self, language, slug):
        return translated.item_page_url(self.pages, language, slug)

    def load_versions(self, resources):
        self.versions = translated.versions(Resource.objects.live(), resources)

    def picture(self, row):
        image = content.image(self.request, row.image, alt=row.alt_text)
        return None if image is None else {"image": image, "caption": row.caption}

    def pictures(self, resource):
        return [picture for picture in map(self.picture, resource.images.all()) if picture]

    def summary(self, resource, pictures=None):
        kind = resource.kind
        room = kind == Resource.Kind.ROOM
        pictures = self.pictures(resource) if pictures is None else pictures
        return {
            "id": resource.pk,
            "meta": translated.meta(
                resource, self.language, self.versions, detail_url=self.detail_url, html_url=self.html_url
            ),
            "title": resource.title,
            "slug": resource.slug,
            "summary": resource.summary,
            "kind": {"value": kind, "label": str(resource.get_kind_display())},
            "category": translated.localized_term(resource.category, self.categories),
            "engagement_fields": [
                translated.localized_term(link.engagement_field, self.fields)
                for link in resource.engagement_field_links.all()
            ],
            "district": translated.district(resource.district),
            "availability": availability_data(resource.current),
            "offered_from": resource.available_from,
            "offered_until": resource.available_until,
            "units": resource.units,
            "max_lending_days": resource.max_lending_days,
            "deposit": _money(resource.deposit),
            "capacity": resource.capacity,
            "step_free": resource.step_free if room else None,
            "cost_per_day": _money(resource.cost_per_day),
            "budget": _money(resource.budget),
            "max_amount_per_request": _money(resource.max_amount_per_request),
            "format": {"value": resource.format, "label": str(resource.get_format_display())}
            if resource.format
            else None,
            "languages": [{"code": code, "name": name} for code, name in resource.language_pairs],
            "image": pictures[0] if pictures else None,
            "request_url": self.request.build_absolute_uri(
                resource_request_url(resource, self.language, self.request)
            ),
        }

    def detail(self, resource, month):
        rules = ProgrammeRules.load(request_or_site=self.request)
        pictures = self.pictures(resource)
        data = self.summary(resource, pictures)
        language = resource.locale.language_code
        related = availability.attach(list(related_resources(resource, self.locale, self.default)))
        data.update(
            {
                "description": content.rich_text(self.request, resource.description, language),
                "conditions": content.rich_text(self.request, resource.conditions, language),
                "programme_rules": programme_rules(resource, rules.decision_threshold),
                "pickup_place": resource.pickup_place,
                "room_equipment": resource.room_equipment,
                "typical_duration": resource.typical_duration,
                "contact": {
                    "name": resource.contact_name,
                    "email": resource.contact_email,
                    "phone": resource.contact_phone,
                }
                if resource.contact_name or resource.contact_email or resource.contact_phone
                else None,
                "images": pictures,
                "downloads": [
                    {"title": row.label, "document": document}
                    for row in resource.downloads.all()
                    if (document := content.document(self.request, row.document)) is not None
                ],
                "calendar": calendar_data(resource, month) if resource.has_calendar else None,
                "related": [
                    {
                        "id": other.pk,
                        "title": other.title,
                        "slug": other.slug,
                        "summary": other.summary,
                        "locale": other.locale.language_code,
                        "availability": availability_data(other.current),
                        "detail_url": self.detail_url(other.pk, self.language),
                        "html_url": self.html_url(self.language, other.slug),
                    }
                    for other in related
                ],
            }
        )
        return data


def programme_rules(resource, threshold):
    """The programme's rules for this resource, as the detail page states them."""
    money = resource.counts_money
    limit = resource.max_amount_per_request
    jury = money and (limit is None or limit > threshold)
    amount = {"threshold": format_euro(threshold)}
    rules = []
    if money:
        rules.append(gettext("Up to %(threshold)s the House of Resources team decides.") % amount)
        if jury:
            rules.append(
                gettext(
                    "Above %(threshold)s a jury decides, and taking part in the application workshop is "
                    "required."
                )
                % amount
            )
            rules.append(gettext("Above %(threshold)s please provide two comparable quotes.") % amount)
    if resource.requires_logos:
        rules.append(
            gettext(
                "Printed matter paid for with this resource shows the logos of the programme and its funders."
            )
        )
    return {
        "decision_threshold": _money(threshold),
        "jury_decides": bool(jury),
        "requires_logos": resource.requires_logos,
        "rules": rules,
    }


def calendar_data(resource, month):
    calendar = month_calendar(resource, month)
    return {
        "month": month.strftime("%Y-%m"),
        "units": calendar["units"],
        "previous": calendar["previous"].strftime("%Y-%m") if calendar["previous"] else None,
        "next": calendar["next"].strftime("%Y-%m") if calendar["next"] else None,
        "days": [
            {"date": day.date, "free": day.free, "state": day.state}
            for week in calendar["weeks"]
            for day in week
            if day is not None
        ],
    }


def with_details(queryset, *, downloads=False):
    """What a resource's answer reads, in a fixed number of queries however many resources there are
    (downloads only for the detail)."""
    images = get_image_model().objects.prefetch_renditions(*content.RENDITIONS.values())
    queryset = queryset.prefetch_related(
        Prefetch(
            "engagement_field_links",
            queryset=ResourceEngagementField.objects.select_related("engagement_field__locale"),
        ),
        Prefetch(
            "images", queryset=ResourceImage.objects.prefetch_related(Prefetch("image", queryset=images))
        ),
    )
    if downloads:
        queryset = queryset.prefetch_related(
            Prefetch("downloads", queryset=ResourceDownload.objects.select_related("document"))
        )
    return queryset


# --- Checking the parameters ------------------------------------------------------------------------------


def stock_modified(request):
    """Availability depends on the date and on reservations and grants, which are plain records outside
    Wagtail's audit log (see `catalogue/models/stock.py`): Last-Modified is never before today's start nor
    before the newest of them (changes made in the admin are in the audit log as well)."""
    midnight = timezone.make_aware(datetime.datetime.combine(availability.today(), datetime.time()))
    newest = [midnight.timestamp()]
    for model in (Reservation, Grant):
        created = model.objects.order_by("-created_at").values_list("created_at", flat=True).first()
        if created is not None:
            newest.append(created.timestamp())
    caching.also_modified(request, max(newest))


def checked_form(values, *, today):
    """The listing's own form over the API's values; a 422 with every problem when one is invalid."""
    data = {name: "" if value is None else str(value) for name, value in values.items()}
    if values.get("step_free") is not None:
        data["step_free"] = "1" if values["step_free"] else ""
    form = ResourceFilterForm(data, today=today)
    form.is_valid()
    errors = [
        {
            "loc": ["query", name],
            "msg": str(FORM_MESSAGES.get(error.code) or " ".join(error.messages)),
            "type": error.code or "invalid",
        }
        for name, items in form.errors.as_data().items()
        for error in items
    ]
    return form, errors


def period_of(form, today):
    """(start, end, whether the request named a period) from a checked form."""
    start, end = form.value("start"), form.value("end")
    return (*availability.window(start or today, end), bool(start or end))


def refuse(errors):
    if errors:
        raise APIError(422, DETAILS[422], errors=errors)


# --- Endpoints -----------------------------------------------------------------------------------------


class ResourceCollection(Collection):
    """Resources: the catalogue's own filters and availability instead of the generic facets."""

    def __init__(self):
        super().__init__(
            Resource,
            path="resources",
            label="Resources",
            description="The resource catalogue: what associations can borrow, use or receive, with "
            "availability for today or a period, the web listing's filters and facet counts.",
            schema=ResourceDetail,
        )
        self.list_schema = ResourceList
        accepted.register(self.accepted_values, rules=dict.fromkeys(PERIOD_OPERATIONS, PERIOD_RULES))

    link_name = "title"
    link_page_model = ResourceIndexPage

    def accepted_values(self):
        """The listing's facets in any language, days from today on, the calendar's months (`api.accepted`)."""
        days = {"pattern": accepted.days_from(availability.today())}
        months = {"enum": accepted.months_between(*calendar_months())}
        return {
            "resources_list": {
                **accepted.enums(accepted.facet_values(in_every_language(FACETS))),
                "start": days,
                "end": days,
            },
            "resources_detail": {"start": days, "end": days, "month": months},
            "resources_by_slug": {"start": days, "end": days, "month": months},
        }

    def live_items(self):
        return Resource.objects.live()

    def link_detail_url(self, request, obj, language):
        path = reverse("api:resources_detail", kwargs={"resource_id": obj.pk})
        return request.build_absolute_uri(f"{path}?lang={language}")

    def get_queryset(self, request, language):
        locale, default = translated.locales(language)
        return visible_resources(locale, default).order_by("title", "pk")

    def examples(self, request, language):
        first = self.get_queryset(request, language).only("pk", "slug").first()
        return {
            "/resources/{resource_id}/": f"/resources/{first.pk if first else 1}/",
            "/resources/by-slug/{slug}/": f"/resources/by-slug/{first.slug if first else 'slug'}/",
            "resources_list": f"lang={language}&category=raeume&step_free=true&sort=name",
            "resources_detail": f"lang={language}&month={calendar_months()[0]:%Y-%m}",
            "resources_by_slug": f"lang={language}",
        }

    def router(self):
        router = Router(tags=[self.label])

        @router.get(
            "/",
            response={200: ResourceList, **ERRORS},
            url_name="resources_list",
            operation_id="resources_list",
            summary="List resources",
            description=self.description,
        )
        def list_resources(request, filters: ResourceFilters = Query(...), page: PageQuery = Query(...)):  # noqa: B008
            language = request.api_language.code
            stock_modified(request)
            locale, default = translated.locales(language)
            today = availability.today()
            form, errors = checked_form(
                {
                    "q": filters.q,
                    "start": filters.start,
                    "end": filters.end,
                    "capacity": filters.capacity,
                    "sort": filters.sort,
                    "step_free": filters.step_free,
                },
                today=today,
            )
            start, end, dated = period_of(form, today)
            query = ResourceQuery(
                {},
                locale,
                default,
                text=form.value("q"),
                step_free=filters.step_free,
                capacity=filters.capacity,
                period=(start, end) if dated else None,
                window=(start, end),
                sort=filters.sort,
            )
            choose(query, filters, errors, operation="resources_list")
            changes.narrow(query, filters.updated_since)

            answer = Answer(
                request,
                language,
                locale,
                default,
                categories=query.terms(ResourceCategory),
                fields=query.terms(EngagementField),
            )
            data = paginate(request, with_details(query.results()), page)
            resources = availability.attach(data["items"], start, end)
            answer.load_versions(resources)
            step_free = form.fields["step_free"].label
            facets = [
                *facet_results(query.count_facets()),
                FacetResult(
                    name="step_free",
                    label=str(step_free),
                    choices=[
                        FacetChoice(
                            value="true",
                            label=str(step_free),
                            count=query.step_free_count(),
                            selected=bool(filters.step_free),
                        )
                    ],
                ),
            ]
            return {
                **data,
                "language": language,
                "facets": facets,
                "period": {"start": start, "end": end, "filtered": dated},
                "sort": query.sort,
                "items": [answer.summary(resource) for resource in resources],
            }

        @router.get(
            "/by-slug/{slug}/",
            response={200: ResourceDetail, **ERRORS},
            url_name="resources_by_slug",
            operation_id="resources_by_slug",
            summary="One resource, by its web address",
            description="The resource whose web address in the response's language ends in `slug` "
            "(`/ar/resources/projector/` → `projector`); a slug of another language finds it too.",
        )
        def resource_by_slug(
            request,
            slug: ResourceSlug = Path(..., description="Last part of the resource's web address."),  # noqa: B008
            params: ResourceDetailQuery = Query(...),  # noqa: B008
        ):
            def find(visible):
                found = visible.filter(slug=slug).first()
                if found is None:
                    other = (
                        Resource.objects.live().filter(slug=slug).order_by("pk").values("translation_key")[:1]
                    )
                    found = visible.filter(translation_key__in=other).first()
                return found

            return detail(request, params, find)

        @router.get(
            "/{resource_id}/",
            response={200: ResourceDetail, **ERRORS},
            url_name="resources_detail",
            operation_id="resources_detail",
            summary="One resource",
            description="Everything the resource's page shows, in the response's language; the id may be "
            "that of any of its language versions. Availability for today, or for `start`/`end`; a month "
            "of free units for items and rooms.",
        )
        def resource_by_id(
            request,
            resource_id: int = ResourceId,
            params: ResourceDetailQuery = Query(...),  # noqa: B008
        ):
            def find(visible):
                key = Resource.objects.live().filter(pk=resource_id).values("translation_key")
                return visible.filter(translation_key__in=key).first()

            return detail(request, params, find)

        return router


def detail(request, params, find):
    language = request.api_language.code
    stock_modified(request)
    locale, default = translated.locales(language)
    today = availability.today()
    form, errors = checked_form(
        {"start": params.start, "end": params.end},
        today=today,
    )
    month = calendar_months()[0]
    if params.month:
        month = parse_month(params.month)
        if month is None:
            first, last = calendar_months()
            errors.append(
                {
                    "loc": ["query", "month"],
                    "msg": gettext("Give a month from %(first)s to %(last)s as YYYY-MM.")
                    % {"first": f"{first:%Y-%m}", "last": f"{last:%Y-%m}"},
                    "type": "out_of_range",
                }
            )
    refuse(errors)
    start, end, _dated = period_of(form, today)
    visible = with_details(
        availability.with_availability(visible_resources(locale, default), start, end).for_display(),
        downloads=True,
    )
    resource = find(visible)
    if resource is None:
        raise Http404
    resource.current = availability.availability_of(resource, start, end)
    answer = Answer(request, language, locale, default)
    answer.load_versions([resource])
    return answer.detail(resource, month)


endpoints = [ResourceCollection()]
# `pages/find/?html_path=/ar/resources/projector/` -> this resource's own endpoint.
ITEM_ADDRESSES[(ResourceIndexPage, "resource")] = translated.item_address(
    Resource.objects.live, "resources_detail", "resource_id"
)
