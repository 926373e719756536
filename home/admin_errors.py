"""A save in the admin is all or nothing, and one that fails says so in the editor's language.

Without this an editor whose save met a busy or unreachable database (SQLite's "database is locked",
a PostgreSQL fail-over, a lost connection) got Django's bare "Server Error (500)" page, or nothing at all
in wagtail-localize's translation editor, and could not tell whether anything was stored (Wagtail wraps
most of a save in a transaction, but not all of it, nor what our hooks add). Every writing request to the
admin runs in one transaction, rolled back when it ends in a server error, so nothing of a failed save is
stored: the answer says that, asks to save again, and leaves the entries where they are (a 503 page instead of a redirect,
which would load the stored version: the browser's Back button returns to the filled form; fetch calls get the message as JSON, which the
translation editor shows as "Server error" beside the segment). The error is logged as before.
"""

import logging

from django.db import DatabaseError, transaction
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

WRITES = {"POST", "PUT", "PATCH", "DELETE"}
RETRY_AFTER_SECONDS = 5


def admin_language(user):
    profile = getattr(user, "wagtail_userprofile", None) if user.is_authenticated else None
    return profile.get_preferred_language() if profile else translation.get_language()


def same_site(request, url):
    allowed = url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure())
    return url if url and allowed else ""


class AdminSaveFailureMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in WRITES or not request.path.startswith(reverse("wagtailadmin_home")):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, DatabaseError) or request.method not in WRITES:
            return None
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        logger.error("admin: %s %s failed on the database", request.method, request.path, exc_info=exception)
        with translation.override(admin_language(request.user)):
            message = _(
                "Nothing was saved: the database did not answer in time. Please go back to your entries "
                "and save again in a moment."
            )
            wants_json = "text/html" not in request.headers.get("Accept", "")
            if wants_json:
                response = JsonResponse({"error": message}, status=503)
            else:
                response = render(
                    request,
                    "home/admin_save_failed.html",
                    {"message": message, "back": same_site(request, request.headers.get("Referer", ""))},
                    status=503,
                )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
