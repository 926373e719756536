"""Views of the api app outside django-ninja: the JSON 404 below /api/ and the API reference page.

The reference (`/<lang>/api/`) is the OpenAPI document rendered as an ordinary portal page: in the
visitor's language (the explanations; the document's own summaries are English and marked so), without
JavaScript, with a `curl` example for every endpoint. Swagger UI at /api/v3/docs/ is for trying calls out.
"""

import json
from functools import lru_cache

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.shortcuts import render
from django.urls import reverse

from .errors import problem_response
from .main import api

METHODS = ("get", "post", "put", "patch", "delete")


def not_found(request):
    return problem_response(404)


@lru_cache(maxsize=1)
def _document():
    """The OpenAPI document (it depends on the code only), as a plain dict."""
    document = api.get_openapi_schema(path_prefix=reverse("api:index"))
    return json.loads(json.dumps(document, cls=DjangoJSONEncoder))


def _example_url(path, parameters):
    query = []
    for parameter in parameters:
        if parameter["in"] != "query":
            continue
        example = {"lang": "ar", "limit": "5", "html_path": "/ar/how-it-works/", "locale": "tr"}
        if parameter["name"] in example:
            query.append(f"{parameter['name']}={example[parameter['name']]}")
    url = path.replace("{page_id}", "3").replace("{slug}", "bildung").replace("{id}", "1")
    return url + ("?" + "&".join(query) if query else "")


def _operations():
    document = _document()
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
                    "example": _example_url(path, operation.get("parameters", [])),
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
            "groups": _operations(),
            "base": base,
            "openapi_url": reverse("api:openapi-json"),
            "docs_url": reverse("api:openapi-view"),
            "limit_max": settings.WAGTAILAPI_LIMIT_MAX,
            "page_size": settings.PORTAL_PAGE_SIZE,
        },
    )
