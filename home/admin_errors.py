"""A save in the admin is all or nothing, and one that fails says so in the editor's language.

Without this an editor whose save met a busy or unreachable database (SQLite's "database is locked", a
PostgreSQL fail-over, a lost connection) got Django's bare "Server Error (500)" page, or nothing at all in
wagtail-localize's translation editor, and could not tell whether anything was stored (Wagtail wraps most
of a save in a transaction, but not all of it, nor what our hooks add). Every writing request to the admin
runs in one transaction, rolled back when it ends in a server error, so nothing of a failed save is stored.
The answer, built after the rollback (a failed statement leaves PostgreSQL's transaction unusable until
then), says that and asks to save again: a 503 page instead of a redirect, which would load the stored
version, so the browser's Back button returns to the filled form; fetch calls get the message as JSON,
which the translation editor shows as "Server error" beside the segment. The error is logged as before.
"""

import logging

from django.db import DatabaseError, transaction
from django.http import HttpResponse, JsonResponse
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


class SaveFailed(HttpResponse):
    """What `process_exception` answers inside the transaction; replaced once it is rolled back."""

    status_code = 503


def is_admin_write(request):
    return request.method in WRITES and request.path.startswith(reverse("wagtailadmin_home"))


class AdminSaveFailureMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_admin_write(request):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
        if isinstance(response, SaveFailed):
            failed, response = response, self.failure_response(request)
            for header, value in failed.items():  # what the inner middleware added (X-Frame-Options …)
                if header.lower() not in ("content-type", "content-length"):
                    response.headers.setdefault(header, value)
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, DatabaseError) or not is_admin_write(request):
            return None
        logger.error("admin: %s %s failed on the database", request.method, request.path, exc_info=exception)
        return SaveFailed()

    def failure_response(self, request):
        try:
            language = admin_language(request.user)
        except DatabaseError:  # the database is gone altogether: the server's language
            language = translation.get_language()
        with translation.override(language):
            message = _(
                "Nothing was saved: the database did not answer in time. Please go back to your entries "
                "and save again in a moment."
            )
            wants_json = "text/html" not in request.headers.get("Accept", "")
            if wants_json:
                response = JsonResponse({"error": message}, status=503)
            else:
                try:
                    response = render(
                        request,
                        "home/admin_save_failed.html",
                        {"message": message, "back": same_site(request, request.headers.get("Referer", ""))},
                        status=503,
                    )
                except DatabaseError:  # the admin's frame needs the database too
                    response = HttpResponse(message, content_type="text/plain; charset=utf-8", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
