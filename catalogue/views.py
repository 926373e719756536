"""What the catalogue page serves: the listing and each resource's detail page (see models/pages.py)."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import formats
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext
from wagtail.models import Locale

from catalogue import availability
from catalogue.listing import ResourceListing, label_categories, visible_resources
from catalogue.models import ProgrammeRules, Resource, ResourceEngagementField, ResourceIndexPage
from home.listing import localized_terms
from taxonomy.models import ResourceCategory

CALENDAR_MONTHS_AHEAD = 24
RELATED_COUNT = 3


def page_locales(page):
    """The page's locale and the source (German) locale, in one query."""
    locales = {
        locale.pk: locale
        for locale in Locale.objects.filter(Q(pk=page.locale_id) | Q(language_code=settings.LANGUAGE_CODE))
    }
    default = next(locale for locale in locales.values() if locale.language_code == settings.LANGUAGE_CODE)
    return locales[page.locale_id], default


def resource_listing(request, page):
    locale, default = page_locales(page)
    index_url = page.get_url(request)
    listing = ResourceListing(request, locale, default, base_url=index_url).build()
    context = page.get_context(request)
    context.update({"listing": listing, "index_url": index_url})
    if listing.query:
        # Filter values are slugs, the same in every language: switching language keeps the filters.
        context["language_urls"] = {
            code: f"{url}?{listing.query}" for code, url in _page_urls(request, page).items()
        }
    return TemplateResponse(request, "catalogue/resource_index_page.html", context)


def _page_urls(request, page):
    """The catalogue page's address in every language (its translation, or the German page's alias)."""
    return {
        p.locale.language_code: p.get_url(request)
        for p in ResourceIndexPage.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    }


def resource_detail(request, page, slug):
    locale, default = page_locales(page)
    found = (
        availability.with_availability(Resource.objects.live().for_display())
        .filter(locale=locale, slug=slug)
        .first()
    )
    standin = False
    if found is None:
        # A slug from another language (e.g. the German one on the Arabic page): send the visitor to the
        # address in this language, or show the German original where there is no translation.
        other = (
            Resource.objects.live().filter(slug=slug).exclude(locale=locale).values("translation_key").first()
        )
        if other is None:
            raise Http404
        versions = {
            resource.locale_id: resource
            for resource in Resource.objects.live()
            .filter(translation_key=other["translation_key"], locale_id__in={locale.pk, default.pk})
            .only("pk", "slug", "locale_id")
        }
        target = versions.get(locale.pk) or versions.get(default.pk)
        if target is None:
            raise Http404
        if target.slug != slug:
            return redirect(page.get_url(request) + target.slug + "/", permanent=True)
        found = (
            availability.with_availability(Resource.objects.live().for_display()).filter(pk=target.pk).first()
        )
        standin = found.locale_id != locale.pk
    context = page.get_context(request)
    context.update(detail_context(request, found, page, locale=locale, default=default, standin=standin))
    return TemplateResponse(request, "catalogue/resource_detail.html", context)


def detail_context(request, resource, page, *, locale=None, default=None, standin=False):
    """Everything the detail page (and an editor's preview) shows about one resource."""
    if page is None:  # preview: the catalogue page in the resource's language, or the German one
        pages = ResourceIndexPage.objects.live().filter(
            Q(locale_id=resource.locale_id) | Q(locale__language_code=settings.LANGUAGE_CODE)
        )
        page = next((p for p in pages if p.locale_id == resource.locale_id), None) or next(iter(pages), None)
    if locale is None:
        locale = Locale.objects.get(pk=page.locale_id) if page else resource.locale
        default = Locale.get_default()

    messages = []
    resource.current = availability.availability_of(resource)
    month, month_message = _month(request)
    if month_message:
        messages.append(month_message)
    chosen = chosen_dates(request)
    calendar = month_calendar(resource, month) if resource.has_calendar else None
    if calendar is not None:
        link_days(calendar, chosen)

    index_url = page.get_url(request) if page else None
    terms = localized_terms(ResourceCategory, locale.language_code)
    related = []
    if resource.pk and page is not None:
        related = label_categories(
            availability.attach(list(related_resources(resource, locale, default))), terms
        )
    context = {
        "resource": resource,
        "category_term": terms.get(resource.category.slug, resource.category),
        "standin": standin,
        "index_url": index_url,
        "catalogue_page": page,
        "engagement_fields": [
            link.engagement_field for link in _children(request, resource, "engagement_field_links")
        ],
        "images": _children(request, resource, "images"),
        "downloads": _children(request, resource, "downloads"),
        "calendar": calendar,
        "related": related,
        "rules": ProgrammeRules.load(request_or_site=request),
        "detail_messages": messages,
        "source_language": settings.LANGUAGE_CODE,
        # A day chosen in the calendar (?start=…&end=…): the request form beside it starts with these dates.
        "chosen_dates": chosen,
    }
    if page is not None and resource.pk:
        context["language_urls"] = _language_urls(request, page, resource)
    return context


def _children(request, resource, name):
    """Child rows (engagement fields, images, downloads); in a preview they live in memory, unsaved."""
    manager = getattr(resource, name)
    if getattr(request, "is_preview", False) or not resource.pk:
        return list(manager.all())
    related = {
        "engagement_field_links": ("engagement_field__locale",),
        "images": ("image",),
        "downloads": ("document",),
    }[name]
    queryset = manager.select_related(*related)
    if name == "images":
        queryset = queryset.prefetch_related("image__renditions")
    return list(queryset)


def related_resources(resource, locale, default):
    """Up to three other resources of the same category or sharing an engagement field."""
    fields = ResourceEngagementField.objects.filter(resource=resource).values("engagement_field__slug")
    shares_field = Exists(
        ResourceEngagementField.objects.filter(resource=OuterRef("pk"), engagement_field__slug__in=fields)
    )
    candidates = (
        visible_resources(locale, default)
        .exclude(translation_key=resource.translation_key)
        .filter(Q(category__slug=resource.category.slug) | shares_field)
    )
    return (
        availability.with_availability(candidates)
        .for_display()
        .order_by("availability_rank", "title")[:RELATED_COUNT]
    )


def _language_urls(request, page, resource):
    """The resource in every language: its own slug where translated, the German one where not."""
    pages = _page_urls(request, page)
    slugs = {
        version.locale.language_code: version.slug
        for version in Resource.objects.live()
        .filter(translation_key=resource.translation_key)
        .select_related("locale")
        .only("slug", "locale__language_code")
    }
    fallback = slugs.get(settings.LANGUAGE_CODE, resource.slug)
    return {code: url + slugs.get(code, fallback) + "/" for code, url in pages.items() if url}


def chosen_dates(request):
    """`?start=YYYY-MM-DD[&end=YYYY-MM-DD]` from a calendar day's link, as dates the calendar shows (from
    today): {"start": …, "end": …}, or {} when there are none or they make no sense."""
    first, last = calendar_months()
    last = _add_months(last, 1) - datetime.timedelta(days=1)
    chosen = {}
    for name in ("start", "end"):
        value = request.GET.get(name, "")
        try:
            day = datetime.date.fromisoformat(value) if len(value) == 10 else None
        except ValueError:
            day = None
        if day is not None and availability.today() <= day <= last:
            chosen[name] = day
    if "start" not in chosen:
        return {}
    if chosen.get("end") and chosen["end"] < chosen["start"]:
        del chosen["end"]
    return chosen


@dataclass
class CalendarLink:
    """A calendar day with the link that puts it into the request form: the first day, or – after a first
    day was chosen – the last day of the period (a day before it starts a new period)."""

    day: availability.CalendarDay
    href: str = ""
    role: str = ""  # "start" or "end": what the link makes of the day
    chosen: bool = False

    def __getattr__(self, name):
        return getattr(self.day, name)


def link_days(calendar, chosen):
    """Give the calendar's free days links (`?month=…&start=…[&end=…]#add-to-request`); without JavaScript the
    detail page then opens with the request form's dates filled in."""
    start, end = chosen.get("start"), chosen.get("end")
    month = calendar["month"].strftime("%Y-%m")
    weeks = []
    for week in calendar["weeks"]:
        row = []
        for day in week:
            if day is None:
                row.append(None)
                continue
            cell = CalendarLink(day, chosen=bool(start and start <= day.date <= (end or start)))
            if day.state in ("free", "few"):
                if start and not end and day.date > start:
                    query = {"month": month, "start": start.isoformat(), "end": day.date.isoformat()}
                    cell.role = "end"
                else:
                    query = {"month": month, "start": day.date.isoformat()}
                    cell.role = "start"
                cell.href = "?" + urlencode(query) + "#add-to-request"
            row.append(cell)
        weeks.append(row)
    calendar["weeks"] = weeks
    calendar["chosen"] = chosen
    return calendar


def calendar_months():
    """The first and the last month the calendar shows: this month and two years ahead."""
    this_month = availability.today().replace(day=1)
    return this_month, _add_months(this_month, CALENDAR_MONTHS_AHEAD)


def parse_month(value):
    """`YYYY-MM` as the first day of that month; None when it is not one or the calendar does not show it."""
    try:
        month = datetime.datetime.strptime(value[:7], "%Y-%m").date() if len(value) == 7 else None
    except ValueError:
        return None
    first, last = calendar_months()
    return month if month is not None and first <= month <= last else None


def _month(request):
    """The month the calendar shows: ?month=YYYY-MM, from this month up to two years ahead."""
    this_month, last = calendar_months()
    value = request.GET.get("month")
    if not value:
        return this_month, None
    month = parse_month(value)
    if month is None:
        return this_month, gettext(
            "The calendar shows the months from now until %(last)s; this month is shown."
        ) % {"last": formats.date_format(last, "YEAR_MONTH_FORMAT")}
    return month, None


def _add_months(day, count):
    month = day.month - 1 + count
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=1)


def month_calendar(resource, month):
    """A month of free units (weeks of `CalendarDay`), with its neighbours inside `calendar_months()`."""
    this_month, last = calendar_months()
    # Weeks start on Monday in every language: the calendar is Dortmund's (ISO 8601), and one layout
    # keeps "the same day" in the same column when a family compares it in two languages.
    first_weekday = 0
    weekdays = list(range(7))
    previous = _add_months(month, -1)
    following = _add_months(month, 1)
    return {
        "month": month,
        "title": formats.date_format(month, "YEAR_MONTH_FORMAT"),
        "weekdays": [{"name": WEEKDAYS[d], "abbr": WEEKDAYS_ABBR[d]} for d in weekdays],
        "weeks": availability.month_of_free_units(resource, month.year, month.month, first_weekday),
        "previous": previous if previous >= this_month else None,
        "previous_title": formats.date_format(previous, "YEAR_MONTH_FORMAT"),
        "next": following if following <= last else None,
        "next_title": formats.date_format(following, "YEAR_MONTH_FORMAT"),
        "units": resource.units or 0,
    }
