"""Consultation times in the API: what an app offers before `POST /api/v3/requests/` (README "API").

- `GET /api/v3/consultation-times/` – the times that can be booked now, as the request form offers them
  (published, at least two hours ahead, up to `REQUESTS_SLOT_WEEKS_AHEAD` weeks) and with a place left,
  soonest first; filters `start`/`end` (days, Dortmund time), `language` (any of them; repeat) and `mode`
  (repeat). `limit`/`offset` as every list.
- `GET /api/v3/consultation-times/{slot_id}/` – one of them, also when it is fully booked (`places_left`
  0): a client that kept an id learns why it can no longer be booked; a time that passed or is withdrawn
  is 404.

A request books one by its `id` (`"slot": 17` in the POST's body; `"callback"` asks to be called back).
Free places change with every request, which Wagtail's audit log does not record: the answer's
Last-Modified is its own time (`api.caching.also_modified`), so clients revalidate with the ETag.
"""

import datetime
from typing import Annotated, Literal

from django.conf import settings
from django.db.models import F
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from pydantic import StringConstraints, WithJsonSchema

from api import accepted, caching
from api.collections import LANG_DESCRIPTION, Endpoints
from api.errors import DETAILS, APIError, Problem
from api.language import LanguageCode
from api.pagination import PageQuery, list_schema, paginate
from resource_requests.forms import upcoming_slots
from resource_requests.models import ConsultationSlot
from taxonomy.fields import OFFER_LANGUAGES

router = Router(tags=["Consultation times"])
# What the parameters' schemas cannot say (`api.accepted.RULES`), in the operation's description.
accepted.register(
    dict, rules={"consultation_times_list": ["`end` is not before `start` (otherwise 422 naming `end`)."]}
)

DateText = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$", max_length=10),
    WithJsonSchema({"type": "string", "format": "date"}),
]
Mode = Literal[tuple(ConsultationSlot.Mode.values)]  # type: ignore[valid-type]
OfferLanguage = Literal[tuple(OFFER_LANGUAGES)]  # type: ignore[valid-type]
SlotId = Path(..., ge=1, le=2**31 - 1, description="The consultation time's `id`, as in the list.")

EXAMPLE = {
    "id": 17,
    "start": "2026-12-09T10:00:00+01:00",
    "end": "2026-12-09T10:45:00+01:00",
    "duration": 45,
    "mode": "in_person",
    "mode_label": "حضوريًا",
    "place": "VMDO e.V., Beuthstraße 21",
    "languages": [{"code": "ar", "name": "العربية"}, {"code": "de", "name": "Deutsch"}],
    "capacity": 2,
    "places_left": 1,
    "detail_url": "https://portal.example.org/api/v3/consultation-times/17/?lang=ar",
}


class SpokenLanguage(Schema):
    model_config = {"json_schema_extra": {"examples": [{"code": "tr", "name": "Türkçe"}]}}

    code: OfferLanguage = Field(..., description="Language code, as `consultation_language` takes it.")
    name: str = Field(..., description="The language's own name for itself.")


class ConsultationTime(Schema):
    model_config = {"json_schema_extra": {"examples": [EXAMPLE]}}

    id: int = Field(..., description="Send it as `slot` in `POST /api/v3/requests/` to book this time.")
    start: datetime.datetime = Field(..., description="Begin, Dortmund time with its offset.")
    end: datetime.datetime = Field(..., description="End, Dortmund time with its offset.")
    duration: int = Field(..., description="Minutes.")
    mode: Mode = Field(..., description="`in_person` (at `place`), `video` (online) or `phone`.")
    mode_label: str = Field(..., description="`mode` in the response's language.")
    place: str = Field(..., description="Where to come; for video calls, how the link comes.")
    languages: list[SpokenLanguage] = Field(..., description="The consultation can be held in any of these.")
    capacity: int = Field(..., description="Associations this time is for.")
    places_left: int = Field(..., description="Places not yet booked (0: fully booked).")
    detail_url: str = Field(..., description="This time in this API, in the response's language.")


ConsultationTimeList = list_schema(ConsultationTime, name="ConsultationTimeList")


class ConsultationTimeFilters(Schema):
    lang: LanguageCode | None = Field(None, description=LANG_DESCRIPTION)
    start: DateText | None = Field(
        None, description="Only times on this day (YYYY-MM-DD, Dortmund time) or later."
    )
    end: DateText | None = Field(None, description="Only times on this day (YYYY-MM-DD) or earlier.")
    language: list[OfferLanguage] = Field(
        [], description="Only times held in this language; repeat for several (any of them matches)."
    )
    mode: list[Mode] = Field(
        [],
        description="`in_person`, `video` (online) or `phone`; repeat for several (any of them matches).",
    )


def _day(value, name, errors):
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        errors.append(
            {"loc": ["query", name], "msg": _("Give a real date as YYYY-MM-DD."), "type": "invalid_date"}
        )
        return None


def _local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def bookable(filters):
    """The consultation times matching `filters` that still have a place, soonest first."""
    errors = []
    first, last = _day(filters.start, "start", errors), _day(filters.end, "end", errors)
    if first and last and last < first:
        errors.append(
            {
                "loc": ["query", "end"],
                "msg": _("The end date lies before the start date."),
                "type": "before_start",
            }
        )
    if errors:
        raise APIError(422, DETAILS[422], errors)
    slots = upcoming_slots().filter(booked_count__lt=F("capacity"))
    if first:
        slots = slots.filter(start__gte=_local_midnight(first))
    if last:
        slots = slots.filter(start__lt=_local_midnight(last + datetime.timedelta(days=1)))
    if filters.mode:
        slots = slots.filter(mode__in=filters.mode)
    if filters.language:
        # Stored as "de,tr,ar": one regular expression matches any of the codes as a whole item.
        codes = "|".join(sorted(set(filters.language)))
        slots = slots.filter(languages__regex=rf"(^|,)({codes})(,|$)")
    return slots


def detail_url(request, slot, language):
    url = reverse("api:consultation_times_detail", kwargs={"slot_id": slot.pk})
    return request.build_absolute_uri(f"{url}?lang={language}")


def as_json(request, slot, language):
    return {
        "id": slot.pk,
        "start": timezone.localtime(slot.start),
        "end": timezone.localtime(slot.end),
        "duration": slot.duration,
        "mode": slot.mode,
        "mode_label": str(slot.get_mode_display()),
        "place": slot.place,
        "languages": [{"code": code, "name": name} for code, name in slot.language_pairs],
        "capacity": slot.capacity,
        "places_left": slot.places_left,
        "detail_url": detail_url(request, slot, language),
    }


@router.get(
    "/",
    response={200: ConsultationTimeList, 422: Problem},
    url_name="consultation_times_list",
    operation_id="consultation_times_list",
    summary="List consultation times with a free place",
    description=(
        "The consultation times the request form offers (from two hours ahead, for the next "
        f"{settings.REQUESTS_SLOT_WEEKS_AHEAD} weeks) that still have a place, soonest first. Book one by "
        "sending its `id` as `slot` in `POST /api/v3/requests/`."
    ),
)
def list_times(
    request,
    filters: ConsultationTimeFilters = Query(...),  # noqa: B008
    page: PageQuery = Query(...),  # noqa: B008
):
    language = request.api_language.code
    data = paginate(request, bookable(filters), page)
    caching.also_modified(request, timezone.now().timestamp())
    data["items"] = [as_json(request, slot, language) for slot in data["items"]]
    return {**data, "language": language}


@router.get(
    "/{slot_id}/",
    response={200: ConsultationTime, 404: Problem, 422: Problem},
    url_name="consultation_times_detail",
    operation_id="consultation_times_detail",
    summary="One consultation time",
    description="A consultation time that can still be booked or is fully booked (`places_left` 0); "
    "404 once it has passed, is too close to book or was withdrawn.",
)
def get_time(
    request,
    slot_id: int = SlotId,
    lang: LanguageCode | None = Query(None, description=LANG_DESCRIPTION),  # noqa: B008
):
    slot = upcoming_slots().filter(pk=slot_id).first()
    if slot is None:
        raise Http404
    caching.also_modified(request, timezone.now().timestamp())
    return as_json(request, slot, request.api_language.code)


class ConsultationTimes(Endpoints):
    def examples(self, request, language):
        """The reference page's `curl` examples: the list in the page's language, a time that exists."""
        first = upcoming_slots().values_list("pk", flat=True).first() or 1
        return {
            "consultation_times_list": f"lang={language}&language={language}",
            "/consultation-times/{slot_id}/": f"/consultation-times/{first}/",
            "consultation_times_detail": f"lang={language}",
        }


endpoints = [ConsultationTimes(router, path="consultation-times", index_url_name="consultation_times_list")]
