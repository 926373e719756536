"""Views of the api app outside django-ninja: the JSON 404 below /api/ and the API reference page.

The reference (`/<lang>/api/`) is the OpenAPI document rendered as an ordinary portal page: in the
visitor's language (the explanations; the document's own summaries are English and marked so), without
JavaScript, with a `curl` example for every endpoint. Swagger UI at /api/v3/docs/ is for trying calls out.
"""

import json

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from .errors import problem_response
from .main import ENDPOINTS, api

METHODS = ("get", "post", "put", "patch", "delete")


def not_found(request):
    return problem_response(404)


def _document():
    """The OpenAPI document's contract (English, built once: `api.contract`; without the values of the day,
    `api.accepted`), as a plain dict."""
    return api.contract(path_prefix=reverse("api:index"))


def _examples(request):
    """Values for the `curl` examples that exist on this portal: the home page, a slug per collection."""
    language = translation.get_language()
    site = Site.find_for_request(request)
    home = site.root_page.localized if site else None
    values = {
        "{page_id}": str(home.pk) if home else "1",
        "lang": language,
        "locale": language,
        "limit": "5",
        "html_path": f"/{language}/",
    }
    for item in ENDPOINTS:
        values.update(item.examples(request, language))
    return values


def _example_url(operation_id, path, parameters, examples):
    """The example's address: placeholders in the path filled in; as query, the operation's own example
    (`examples[operation_id]`, from its collection) or the parameters that have a value in `examples`."""
    for placeholder, value in examples.items():
        if placeholder.startswith("/") and placeholder in path:
            path = path.replace(placeholder, value)
    path = path.replace("{page_id}", examples["{page_id}"])
    if operation_id in examples:
        return f"{path}?{examples[operation_id]}"
    query = [
        f"{parameter['name']}={examples[parameter['name']]}"
        for parameter in parameters
        if parameter["in"] == "query" and parameter["name"] in examples
    ]
    return path + ("?" + "&".join(query) if query else "")


def _body(body):
    """An example body, or a callable giving one built now (what can be booked today)."""
    return body() if callable(body) else body


def _operations(request):
    document = _document()
    examples = _examples(request)
    bodies = {key: body for item in ENDPOINTS for key, body in item.example_bodies.items()}
    groups = {}
    for path, item in document["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            parameters = [
                {
                    "name": parameter["name"],
                    "location": parameter["in"],
                    "required": parameter.get("required", False),
                    "description": parameter.get("description") or parameter["schema"].get("description", ""),
                }
                for parameter in operation.get("parameters", [])
            ]
            groups.setdefault(operation.get("tags", ["API"])[0], []).append(
                {
                    "id": operation["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": parameters,
                    "example": _example_url(
                        operation["operationId"], path, operation.get("parameters", []), examples
                    ),
                    "body": json.dumps(_body(bodies[operation["operationId"]]), ensure_ascii=False)
                    if operation["operationId"] in bodies
                    else "",
                    "statuses": sorted(operation.get("responses", {})),
                }
            )
    return list(groups.items())


def reference(request):
    base = request.build_absolute_uri("/").rstrip("/")
    return render(
        request,
        "api/reference.html",
        {
            "groups": _operations(request),
            "base": base,
            "openapi_url": reverse("api:openapi-json"),
            "docs_url": reverse("api:openapi-view"),
            "limit_max": settings.WAGTAILAPI_LIMIT_MAX,
            "page_size": settings.PORTAL_PAGE_SIZE,
        },
    )
