"""Errors as structured JSON (RFC 9457 "problem details"), with messages in the client's language.

Every error the API gives has the same shape:

    {"type": "about:blank", "title": "Ungültige Angaben", "status": 422,
     "detail": "Einige Angaben in der Anfrage sind ungültig.",
     "errors": [{"loc": ["query", "lang"], "msg": "...", "type": "literal_error"}]}

`title` and `detail` are translated (the language comes from `?lang=` / `Accept-Language`, see
`api.language`); each entry of `errors` names the parameter (`loc`) and says what is wrong with it.
"""

import contextlib
import logging
import re
from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.signals import got_request_exception
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy
from ninja import Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.rich_text import RichTextFormatError

logger = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"

TITLES = {
    400: gettext_lazy("Bad request"),
    403: gettext_lazy("Forbidden"),
    404: gettext_lazy("Not found"),
    405: gettext_lazy("Method not allowed"),
    406: gettext_lazy("Not acceptable"),
    409: gettext_lazy("Conflict"),
    413: gettext_lazy("Request too large"),
    415: gettext_lazy("Unsupported media type"),
    422: gettext_lazy("Invalid parameters"),
    429: gettext_lazy("Too many requests"),
    500: gettext_lazy("Server error"),
    503: gettext_lazy("Temporarily unavailable"),
}
DETAILS = {
    400: gettext_lazy("The request could not be understood."),
    403: gettext_lazy("This is not allowed."),
    404: gettext_lazy("There is nothing at this address."),
    405: gettext_lazy("This address does not accept this method."),
    413: gettext_lazy("The request is larger than this address accepts."),
    415: gettext_lazy("Send the request as JSON (Content-Type: application/json)."),
    422: gettext_lazy("Some parameters of the request are not valid; see “errors”."),
    500: gettext_lazy("Something went wrong on our side. Please try again later."),
    503: gettext_lazy("Part of the service is not available at the moment. Please try again later."),
}


class ErrorItem(Schema):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {"loc": ["query", "limit"], "msg": "Give a number of at most 100.", "type": "less_than_equal"}
            ]
        }
    }

    loc: list[str | int] = []
    msg: str
    type: str = "invalid"


class Problem(Schema):
    """An error: what went wrong (`title`, `detail`, in the client's language) and where (`errors`)."""

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "type": "about:blank",
                    "title": "Invalid parameters",
                    "status": 422,
                    "detail": "Some parameters of the request are not valid; see “errors”.",
                    "errors": [
                        {
                            "loc": ["query", "categroy"],
                            "msg": "Unknown parameter “categroy”. Did you mean “category”?",
                            "type": "unknown_parameter",
                        }
                    ],
                }
            ]
        }
    }

    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    errors: list[ErrorItem] = []


class APIError(Exception):
    """Raise in an API view to answer with a problem response (messages already translated)."""

    def __init__(self, status, detail="", errors=None, *, type="about:blank"):  # noqa: A002
        super().__init__(str(detail))
        self.status = status
        self.detail = str(detail)
        self.errors = errors or []
        self.type = type


def problem_response(status, detail="", errors=None, headers=None, *, type="about:blank"):  # noqa: A002
    """A problem JSON response; `type` names the kind of problem where a client may act on it (e.g. 409
    `not_free`, a relative URI reference as RFC 9457 allows; `about:blank` otherwise)."""
    title = TITLES.get(status)
    if title is None:
        try:
            title = HTTPStatus(status).phrase
        except ValueError:
            title = "Error"
    payload = Problem(
        type=type,
        title=str(title),
        status=status,
        detail=str(detail or DETAILS.get(status, "")),
        errors=[_clean_error(error) for error in errors or []],
    )
    response = HttpResponse(payload.model_dump_json(), status=status, content_type=PROBLEM_JSON)
    for key, value in (headers or {}).items():
        response[key] = value
    return response


# Validation messages in the client's language, by pydantic's error type (its own are English).
MESSAGES = {
    "missing": gettext_lazy("This parameter is required."),
    "int_parsing": gettext_lazy("Give a whole number."),
    "int_type": gettext_lazy("Give a whole number."),
    "int_from_float": gettext_lazy("Give a whole number."),
    "greater_than_equal": gettext_lazy("Give a number of at least %(ge)s."),
    "less_than_equal": gettext_lazy("Give a number of at most %(le)s."),
    "literal_error": gettext_lazy("Use one of these values: %(expected)s."),
    "string_too_long": gettext_lazy("Use at most %(max_length)s characters."),
    "string_pattern_mismatch": gettext_lazy("This value does not have the expected form."),
    # Request bodies (POST /api/v3/requests/): strict types.
    "string_type": gettext_lazy("Give a text."),
    "list_type": gettext_lazy("Give a list."),
    "model_type": gettext_lazy("Give an object."),
    "model_attributes_type": gettext_lazy("Give an object."),
    "dict_type": gettext_lazy("Give an object."),
    "extra_forbidden": gettext_lazy("This field is not known."),
    "decimal_parsing": gettext_lazy("Give an amount in euros, e.g. 300.50."),
    "decimal_type": gettext_lazy("Give an amount in euros, e.g. 300.50."),
    "decimal_max_places": gettext_lazy("Give at most %(decimal_places)s digits after the decimal point."),
    "decimal_max_digits": gettext_lazy("Give at most %(max_digits)s digits."),
    "greater_than": gettext_lazy("Give a number greater than %(gt)s."),
    "too_long": gettext_lazy("Give at most %(max_length)s entries."),
    "json_invalid": gettext_lazy("The body is not valid JSON."),
    "bool_parsing": gettext_lazy("Give true or false (1 or 0)."),
    "bool_type": gettext_lazy("Give true or false (1 or 0)."),
}
# Names of the schemas that django-ninja puts into a location; the client knows only the parameters.
_SCHEMA_NAMES = {"filters", "page", "ordering", "search"}
# Names of body parameters in the views (`payload: RequestIn`); the client sends only the fields.
_BODY_NAMES = {"payload"}
_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _clean_error(error: dict[str, Any]) -> dict[str, Any]:
    """Keep what a client can use, in its language; pydantic's `input`/`ctx` may hold anything."""
    loc = [part if isinstance(part, int) else str(part) for part in error.get("loc", ())]
    if len(loc) >= 3 and loc[0] == "query" and loc[1] in _SCHEMA_NAMES and isinstance(loc[2], str):
        del loc[1]
    if len(loc) >= 2 and loc[0] == "body" and loc[1] in _BODY_NAMES:
        del loc[1]
    if loc and loc[0] == "body":
        # pydantic names the member of a union it tried (`constrained-int`, `function-after[…]`): the
        # client sent a field, not a member.
        loc = [part for part in loc if isinstance(part, int) or _FIELD_NAME.fullmatch(part)]
    kind = str(error.get("type", "invalid"))
    message = str(error.get("msg", ""))
    if kind in MESSAGES:
        context = {key: str(value) for key, value in (error.get("ctx") or {}).items()}
        # A context the translation does not expect keeps pydantic's own (English) message.
        with contextlib.suppress(KeyError, TypeError, ValueError):
            message = str(MESSAGES[kind]) % context
    return {"loc": loc, "msg": message, "type": kind}


def register_exception_handlers(api):
    """Map every exception a view can raise to a problem response; never an HTML error page."""

    @api.exception_handler(APIError)
    def api_error(request, exc):
        return problem_response(exc.status, exc.detail, exc.errors, type=exc.type)

    @api.exception_handler(NinjaValidationError)
    def ninja_validation_error(request, exc):
        return problem_response(422, errors=exc.errors)

    @api.exception_handler(PydanticValidationError)
    def pydantic_validation_error(request, exc):
        # Raised by Wagtail's v3 filter schemas (e.g. `child_of` naming a page that is not public).
        return problem_response(422, errors=exc.errors())

    @api.exception_handler(DjangoValidationError)
    def django_validation_error(request, exc):
        return problem_response(422, errors=[{"msg": message} for message in exc.messages])

    @api.exception_handler(RichTextFormatError)
    def rich_text_format_error(request, exc):
        return problem_response(422, errors=[{"loc": ["query"], "msg": str(exc)}])

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return problem_response(404)

    @api.exception_handler(PermissionDenied)
    def permission_denied(request, exc):
        return problem_response(403)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        detail = DETAILS.get(exc.status_code) if exc.status_code >= 500 else str(exc)
        return problem_response(exc.status_code, detail)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        # Django refuses to read a body over DATA_UPLOAD_MAX_MEMORY_SIZE; the client sent too much.
        return problem_response(413)

    @api.exception_handler(SuspiciousOperation)
    def suspicious(request, exc):
        # E.g. more parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS: Django's own answer is a 400 too.
        return problem_response(400)

    @api.exception_handler(Exception)
    def server_error(request, exc):
        # Reported like any other unhandled exception (logs, error mails), answered as JSON.
        logger.exception("API error at %s", request.path)
        got_request_exception.send(sender=None, request=request)
        return problem_response(500)
