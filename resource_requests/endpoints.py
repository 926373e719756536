"""Submitting a request over the API, and reading its status (README "Submitting requests").

`POST /api/v3/requests/` takes JSON only (anything else is 415), refuses browsers on other web sites (an
`Origin` that is neither the portal's own nor in `CORS_ALLOWED_ORIGINS` is 403; server-side clients
send no `Origin`), is rate-limited per client address (`home.antispam`, 429 with `Retry-After`), and
validates with the request form's own rules (`resource_requests.forms`): field errors come as problem
JSON with `loc: ["body", "<field>"]` or `["body", "items", <n>, "<field>"]`, in the client's language.
Success is 201 with the reference number and the status addresses, which carry the secret token.

`GET /api/v3/requests/{token}/` shows the request to whoever has its token, with the contact details and,
after the decision, what is due per approved line (`checklist`: deadlines, dates, sums, the files and
their review; uploads stay on the web page): `Cache-Control: private, no-store`, never an ETag a proxy
could share.

The JSON schema checks types (strictly: "5" is not a number); every rule about content is the form's.
"""

import functools
from typing import Annotated, Literal

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Header, Path, Query, Router, Schema, Status
from ninja.decorators import decorate_view
from pydantic import BeforeValidator, ConfigDict, StringConstraints
from wagtail.models import Locale

from api import accepted
from api.collections import LANG_DESCRIPTION, Endpoints
from api.errors import DETAILS, APIError, Problem, problem_response
from api.language import LanguageCode
from catalogue.listing import visible_resources
from catalogue.models import Resource
from home.antispam import RateLimit
from partners.models import PartnerOrganisation
from resource_requests import consultation_endpoints, idempotency, request_body_endpoints, service
from resource_requests.checklist import checklists
from resource_requests.forms import ItemForm, RequestForm
from resource_requests.models import TOKEN_PATTERN, ResourceRequest
from resource_requests.pages import status_url
from resource_requests.stock import StockSnapshot
from taxonomy.fields import OFFER_LANGUAGES

router = Router(tags=["Requests"])

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DateText = Annotated[str, StringConstraints(pattern=DATE_PATTERN, max_length=10)]
Token = Annotated[str, StringConstraints(pattern=rf"^{TOKEN_PATTERN}$")]
IdempotencyKey = Annotated[str, StringConstraints(pattern=idempotency.KEY_PATTERN)]
ConsultationLanguage = Annotated[str, StringConstraints(max_length=10)]
NO_STORE = "private, no-store"
REQUEST_LANG_DESCRIPTION = (
    "Language of the answer and of the e-mails to the association (de, en, tr, ar, uk or pl); without it, "
    "the Accept-Language header decides (then German)."
)
ITEM_FIELDS = ("quantity", "start", "end", "amount")
# Amounts: whole euros as a JSON integer, or a text with cents ("300.50"); a JSON number with a fraction
# is refused (binary fractions are not cents).
AMOUNT_PATTERN = r"^(?:0|[1-9][0-9]{0,7})(?:\.[0-9]{1,2})?$"
AmountText = Annotated[str, StringConstraints(pattern=AMOUNT_PATTERN)]


def _whole(value):
    """A JSON number without a fraction (`2.0`) is a whole number, as JSON Schema's `integer` says."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


# Whole numbers, strictly (no texts, no booleans), `2.0` as well as `2`.
Whole = Annotated[int, BeforeValidator(_whole)]
# Refusals that depend on the moment (units taken, budget used, a consultation time full, a day or an offer
# no longer bookable): 409 with the problem `type` saying which; the form's error codes (forms.py).
CONFLICTS = ("not_free", "budget_used_up", "budget_short", "full", "not_bookable")
# The served document's request body (`resource_requests.request_body_endpoints`): as strict as the form, from
# what exists and is free when the document is served.
accepted.register_body(
    request_body_endpoints.schemas, rules={request_body_endpoints.OPERATION: request_body_endpoints.RULES}
)
# Request bodies for the `curl` examples of the reference page (`/<lang>/api/`), by operation id: built
# when asked for, from what can be booked then (as the document's example).
EXAMPLE_BODIES = {"requests_create": request_body_endpoints.served_example}


class ItemIn(Schema):
    """One line of the basket: units and dates for items and rooms, an amount for money, nothing more
    for coaching."""

    model_config = ConfigDict(strict=True, extra="forbid")

    resource: Whole = Field(..., ge=1, le=2**53, description="The resource's id (any language version).")
    quantity: Whole | None = Field(None, ge=1, le=9999, description="Units (items to borrow, rooms).")
    start: DateText | None = Field(None, description="First day, YYYY-MM-DD (items to borrow, rooms).")
    end: DateText | None = Field(None, description="Last day, YYYY-MM-DD; the first day when left out.")
    amount: Annotated[Whole, Field(ge=0, le=2**53)] | AmountText | None = Field(
        None,
        description='Euros (money): a whole number (300) or a text with cents ("300.50"); a JSON number '
        "with a fraction is refused.",
    )


class RequestIn(Schema):
    """A request: the association, the contact person, the plan, the consultation and the basket."""

    model_config = ConfigDict(strict=True, extra="forbid")

    association_name: str = Field(..., max_length=200)
    register_number: str = Field("", max_length=40)
    district: str | None = Field(
        None, max_length=60, description="A district's slug, see /api/v3/districts/."
    )
    contact_name: str = Field(..., max_length=120)
    email: str = Field(..., max_length=254)
    phone: str = Field("", max_length=40, description="Needed when asking to be called back.")
    consultation_language: ConsultationLanguage = Field(
        ..., description="Language code: " + ", ".join(OFFER_LANGUAGES) + "."
    )
    plan_title: str = Field(..., max_length=200)
    plan_description: str = Field(..., max_length=4000)
    plan_start: DateText | None = Field(None, description="YYYY-MM-DD")
    plan_end: DateText | None = Field(None, description="YYYY-MM-DD")
    participants: Whole | None = Field(None, ge=1, le=100_000)
    engagement_field: str | None = Field(
        None, max_length=120, description="An engagement field's slug, see /api/v3/engagement-fields/."
    )
    partners: list[Annotated[Whole, Field(ge=1, le=2**53)]] = Field([], max_length=50)
    other_partners: str = Field("", max_length=500)
    slot: Annotated[Whole, Field(ge=1, le=2**31 - 1)] | Literal["callback"] = Field(
        ...,
        description="The `id` of a consultation time with a free place (`GET /api/v3/consultation-times/`), "
        'or "callback" to be called back (then `phone` is needed).',
    )
    callback_times: str = Field("", max_length=200)
    consent: bool = Field(..., description="Consent to storing and processing the details; must be true.")
    items: list[ItemIn] = Field([], max_length=settings.REQUESTS_BASKET_MAX_ITEMS)


class RequestCreated(Schema):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "reference": "HOR-2026-00042",
                    "token": "Xq3v9LkT2mWb8RzN4cYp7HsJ1dFg6AeU0oIi5Ql",
                    "status": "received",
                    "status_label": "Received",
                    "status_url": "https://portal.example.org/api/v3/requests/Xq3v9LkT2mWb8RzN4cYp7HsJ1dFg6AeU0oIi5Ql/",
                    "status_page": "https://portal.example.org/en/request/status/"
                    "Xq3v9LkT2mWb8RzN4cYp7HsJ1dFg6AeU0oIi5Ql/",
                }
            ]
        }
    }

    reference: str
    token: str = Field(
        ..., description="The request's secret key: the `{token}` of its status address (keep it private)."
    )
    status: str
    status_label: str
    status_url: str = Field(..., description="This API's status address (keep it: the token is the key).")
    status_page: str = Field(..., description="The status page for people, in the request's language.")


class ConsultationOut(Schema):
    start: str
    end: str
    mode: str
    mode_label: str
    place: str
    languages: list[str]


class ItemOut(Schema):
    resource: int | None
    resource_title: str
    kind: str
    quantity: int | None
    start: str | None
    end: str | None
    amount: str | None
    decision: str
    decision_label: str
    approved_quantity: int | None
    approved_amount: str | None
    note: str


class MessageOut(Schema):
    created_at: str
    kind: str
    status: str
    text: str


class ProofOut(Schema):
    name: str
    kind: str
    kind_label: str
    amount: str | None
    uploaded_at: str
    review: str
    review_label: str
    note: str


class ChecklistOut(Schema):
    position: int
    resource_title: str
    kind: str
    complete: bool
    overdue: bool
    heading: str
    steps: str = Field(..., description="The editors' checklist for this kind of offer (HTML).")
    granted: str | None
    receipts_total: str | None
    accepted_total: str | None
    quotes_needed: int
    quotes_uploaded: int
    due: str | None = Field(..., description="Money: the day the receipts are due.")
    pick_up: str | None = Field(..., description="Items and rooms: the first day (pick-up, key handover).")
    give_back: str | None = Field(..., description="Items and rooms: the last day (return).")
    returned_at: str | None
    appointment: str | None = Field(
        ..., description="Coaching: the appointment the team set (date and time)."
    )
    place: str
    proofs: list[ProofOut]


class RequestStatusOut(Schema):
    reference: str
    status: str
    status_label: str
    created_at: str
    language: str
    association_name: str
    contact_name: str
    email: str
    phone: str
    plan_title: str
    plan_start: str | None
    plan_end: str | None
    consultation: ConsultationOut | None
    callback: bool
    items: list[ItemOut]
    messages: list[MessageOut]
    checklist: list[ChecklistOut]
    status_page: str


# --- Before the body is read: origin, media type, rate limit ------------------------------------------------


def _origin_allowed(request):
    origin = request.headers.get("Origin")
    if origin is None:
        return True  # a server-side client, not a browser
    own = f"{request.scheme}://{request.get_host()}"
    return origin == own or origin in settings.CORS_ALLOWED_ORIGINS


def guard_submission(run):
    @functools.wraps(run)
    def wrapper(request, *args, **kwargs):
        if not _origin_allowed(request):
            return problem_response(403, _("Requests from browsers on this web site are not accepted."))
        if request.content_type != "application/json":
            return problem_response(415, _("Send the request as JSON (Content-Type: application/json)."))
        limit = RateLimit("request-api").hit(request)
        if limit.exceeded:
            return problem_response(429, limit.api_message, headers=limit.rate_limit_headers())
        response = run(request, *args, **kwargs)
        for name, value in limit.rate_limit_headers().items():
            response[name] = value
        return response

    return wrapper


# --- Validation with the form's rules ------------------------------------------------------------------------


def _text(value):
    return "" if value is None else str(value)


def _form_data(payload, language):
    partners = payload.get("partners") or []
    if partners:
        # Any language version of a partner counts: use the one in the request's language.
        keys = dict(
            PartnerOrganisation.objects.live().filter(pk__in=partners).values_list("pk", "translation_key")
        )
        shown = dict(
            PartnerOrganisation.objects.in_language(language)
            .filter(translation_key__in=keys.values())
            .values_list("translation_key", "pk")
        )
        partners = [str(shown.get(keys.get(pk), pk)) for pk in partners]
    data = {
        name: _text(payload.get(name))
        for name in RequestForm.base_fields
        if name not in ("partners", "consent")
    }
    data["partners"] = partners
    data["consent"] = "on" if payload.get("consent") is True else ""
    return data


def _resources(ids, language):
    """id -> live resource as shown in `language` (German where not translated), in two queries."""
    from wagtail.models import Locale

    keys = dict(Resource.objects.live().filter(pk__in=ids).values_list("pk", "translation_key"))
    if not keys:
        return {}
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in={language, settings.LANGUAGE_CODE})
    }
    locale = locales.get(language) or locales[settings.LANGUAGE_CODE]
    shown = {
        resource.translation_key: resource
        for resource in visible_resources(locale, locales[settings.LANGUAGE_CODE])
        .filter(translation_key__in=set(keys.values()))
        .for_display()
    }
    return {pk: shown[key] for pk, key in keys.items() if key in shown}


def _errors(form, loc):
    found = []
    for field, errors in form.errors.get_json_data().items():
        where = loc if field == "__all__" else [*loc, field]
        found.extend(
            {"loc": where, "msg": error["message"], "type": error["code"] or "invalid"} for error in errors
        )
    return found


def validate(payload, language):
    """(form, [(resource, values)], errors): everything the web form checks, for a JSON request."""
    form = RequestForm(_form_data(payload, language), language=language)
    lines = payload.get("items") or []
    resources = _resources({line["resource"] for line in lines}, language)
    stock = StockSnapshot(list(resources.values()))
    errors, items, seen = [], [], set()
    for number, line in enumerate(lines):
        resource = resources.get(line["resource"])
        loc = ["body", "items", number]
        if resource is None:
            errors.append(
                {
                    "loc": [*loc, "resource"],
                    "msg": _("There is no resource with this number in the catalogue."),
                    "type": "unknown_resource",
                }
            )
            continue
        if resource.translation_key in seen:
            errors.append(
                {
                    "loc": [*loc, "resource"],
                    "msg": _("This resource is in the list twice; please put it in one line."),
                    "type": "duplicate",
                }
            )
            continue
        seen.add(resource.translation_key)
        item_form = ItemForm(
            {name: _text(line.get(name)) for name in ITEM_FIELDS},
            resource=resource,
            stock=stock,
        )
        # A field the resource's kind does not take (an amount for a room) is refused, not dropped: the
        # client should learn that it was not understood.
        left_out = [
            {
                "loc": [*loc, name],
                "msg": _("This does not apply to this kind of resource (%(kind)s).")
                % {"kind": resource.get_kind_display()},
                "type": "not_applicable",
            }
            for name in ITEM_FIELDS
            if line.get(name) is not None and name not in item_form.fields
        ]
        if item_form.is_valid() and not left_out:
            items.append((resource, item_form.values()))
        else:
            errors.extend(left_out)
            errors.extend(_errors(item_form, loc) if not item_form.is_valid() else [])
    if not form.is_valid():
        errors.extend(_errors(form, ["body"]))
    return form, items, errors


# --- Endpoints ----------------------------------------------------------------------------------------


@router.post(
    "/",
    response={
        201: RequestCreated,
        400: Problem,
        403: Problem,
        409: Problem,
        415: Problem,
        422: Problem,
        429: Problem,
    },
    url_name="requests_create",
    operation_id="requests_create",
    summary="Submit a request",
    description=(
        "The same request as the portal's form: the association, the contact person, the plan, a "
        "consultation time (its `id` from `GET /api/v3/consultation-times/`) or a call back, consent, and the "
        "basket. JSON only; no cookies, no CSRF token. Browsers on other web sites are refused unless the "
        "portal allows their origin (CORS). Rate-limited per client address. Errors name each field in "
        "`errors[].loc`. The reference number and both status addresses come back; the token in them is "
        "the only key to the request. E-mails to the association use the language of the response."
    ),
)
@decorate_view(guard_submission)
def create_request(
    request,
    payload: RequestIn,
    response: HttpResponse,
    lang: LanguageCode | None = Query(None, description=REQUEST_LANG_DESCRIPTION),  # noqa: B008
    idempotency_key: IdempotencyKey | None = Header(  # noqa: B008
        None,
        alias="Idempotency-Key",
        description="A unique text of the client's (e.g. a UUID): sent again with the same body, the first "
        "answer comes back instead of a second request (`Idempotent-Replayed: true`); with another body, "
        "422; while the first is being processed, 409.",
    ),
):
    response["Cache-Control"] = NO_STORE
    if not idempotency_key:
        return _create(request, payload, response)
    try:
        kept = idempotency.replay(idempotency_key, request.body)
        if kept is None:
            idempotency.begin(idempotency_key)
    except idempotency.KeyReused:
        raise APIError(
            422,
            DETAILS[422],
            [
                {
                    "loc": ["header", "Idempotency-Key"],
                    "msg": _("This key was already used for another request."),
                    "type": "key_reused",
                }
            ],
        ) from None
    except idempotency.InProgress:
        raise APIError(409, _("A request with this key is being processed. Try again in a moment.")) from None
    if kept is not None:
        response["Location"] = kept["location"]
        response["Idempotent-Replayed"] = "true"
        return Status(201, kept["data"])
    try:
        answer = _create(request, payload, response)
        idempotency.keep(idempotency_key, request.body, data=answer.value, location=response["Location"])
        return answer
    finally:
        idempotency.end(idempotency_key)


def _create(request, payload, response):
    language = request.api_language.code
    form, items, errors = validate(payload.model_dump(), language)
    if errors:
        conflicts = [error for error in errors if error["type"] in CONFLICTS]
        if len(conflicts) == len(errors):
            # Only what changed since the client looked: the body itself is valid.
            raise APIError(409, CONFLICT_DETAIL, errors, type=errors[0]["type"])
        raise APIError(422, DETAILS[422], errors)
    try:
        resource_request = service.submit(
            form.request_values(),
            items,
            partners=form.chosen_partners(),
            language=language,
            source=ResourceRequest.Source.API,
        )
    except service.SlotTaken as taken:
        raise APIError(
            409,
            CONFLICT_DETAIL,
            [{"loc": ["body", "slot"], "msg": str(taken.message), "type": "full"}],
            type="full",
        ) from None
    api_url = request.build_absolute_uri(
        reverse("api:requests_status", kwargs={"token": resource_request.token})
    )
    response["Location"] = api_url
    return Status(
        201,
        {
            "reference": resource_request.reference,
            "token": resource_request.token,
            "status": resource_request.status,
            "status_label": str(resource_request.get_status_display()),
            "status_url": api_url,
            "status_page": status_url(resource_request, request=request),
        },
    )


CONFLICT_DETAIL = gettext_lazy(
    "Something in the request is no longer (or not yet) possible; see “errors”, then read the current "
    "state and try again."
)


def _date(value):
    return value.isoformat() if value else None


def _money(value):
    return None if value is None else f"{value:.2f}"


@router.get(
    "/{token}/",
    response={200: RequestStatusOut, 404: Problem, 422: Problem},
    url_name="requests_status",
    operation_id="requests_status",
    summary="The status of a request",
    description=(
        "Everything about one request for whoever holds its token: status, the decision on each resource, "
        "the consultation and the messages VMDO sent. Personal data: never cached by proxies "
        "(`Cache-Control: private, no-store`)."
    ),
)
def request_status(
    request,
    response: HttpResponse,
    token: Token = Path(..., description="The token from `status_url` of the POST's answer."),  # noqa: B008
    lang: LanguageCode | None = Query(None, description=LANG_DESCRIPTION),  # noqa: B008
):
    resource_request = (
        ResourceRequest.objects.filter(token=token, anonymised_at__isnull=True).select_related("slot").first()
    )
    response["Cache-Control"] = NO_STORE
    if resource_request is None:
        raise APIError(404)
    slot = resource_request.slot
    events = resource_request.events.filter(public=True)
    items = list(resource_request.items.select_related("resource", "reservation"))
    return {
        "reference": resource_request.reference,
        "status": resource_request.status,
        "status_label": str(resource_request.get_status_display()),
        "created_at": timezone.localtime(resource_request.created_at).isoformat(),
        "language": resource_request.language,
        "association_name": resource_request.association_name,
        "contact_name": resource_request.contact_name,
        "email": resource_request.email,
        "phone": resource_request.phone,
        "plan_title": resource_request.plan_title,
        "plan_start": _date(resource_request.plan_start),
        "plan_end": _date(resource_request.plan_end),
        "consultation": {
            "start": timezone.localtime(slot.start).isoformat(),
            "end": timezone.localtime(slot.end).isoformat(),
            "mode": slot.mode,
            "mode_label": str(slot.get_mode_display()),
            "place": slot.place,
            "languages": slot.languages,
        }
        if slot
        else None,
        "callback": resource_request.callback,
        "items": [
            {
                "resource": item.resource_id,
                "resource_title": item.resource_title,
                "kind": item.kind,
                "quantity": item.quantity,
                "start": _date(item.start),
                "end": _date(item.end),
                "amount": _money(item.amount),
                "decision": item.status,
                "decision_label": str(item.get_status_display()),
                "approved_quantity": item.approved_quantity,
                "approved_amount": _money(item.approved_amount),
                "note": item.decision_note,
            }
            for item in items
        ],
        "messages": [
            {
                "created_at": timezone.localtime(event.created_at).isoformat(),
                "kind": event.kind,
                "status": event.status,
                "text": event.text,
            }
            for event in events
        ],
        "checklist": [
            _checklist_out(entry) for entry in checklists(resource_request, items, _active_locale())
        ],
        "status_page": status_url(resource_request, request=request),
    }


def _active_locale():
    return Locale.objects.filter(language_code=translation.get_language()).first()


def _checklist_out(entry):
    item = entry.item
    template = entry.template
    return {
        "position": item.position,
        "resource_title": item.resource_title,
        "kind": item.kind,
        "complete": entry.complete,
        "overdue": entry.overdue,
        "heading": template.heading if template else "",
        "steps": str(template.steps) if template else "",
        "granted": _money(entry.granted),
        "receipts_total": _money(entry.receipts_total) if item.counts_money else None,
        "accepted_total": _money(entry.accepted_total) if item.counts_money else None,
        "quotes_needed": entry.quotes_needed,
        "quotes_uploaded": entry.quotes_count,
        "due": _date(entry.due),
        "pick_up": _date(entry.pick_up),
        "give_back": _date(entry.give_back),
        "returned_at": timezone.localtime(entry.returned_at).isoformat() if entry.returned_at else None,
        "appointment": timezone.localtime(entry.appointment).isoformat() if entry.appointment else None,
        "place": entry.place,
        "proofs": [
            {
                "name": proof.name,
                "kind": proof.kind,
                "kind_label": str(proof.get_kind_display()),
                "amount": _money(proof.amount),
                "uploaded_at": timezone.localtime(proof.uploaded_at).isoformat(),
                "review": proof.status,
                "review_label": str(proof.get_status_display()),
                "note": proof.review_note,
            }
            for proof in entry.proofs
        ],
    }


endpoints = [
    Endpoints(router, path="requests", index_url_name="requests_create", example_bodies=EXAMPLE_BODIES),
    *consultation_endpoints.endpoints,
]
