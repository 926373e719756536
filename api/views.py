"""Views of the api app outside django-ninja: the JSON 404 below /api/ and the API reference page."""

from .errors import problem_response


def not_found(request):
    return problem_response(404)
