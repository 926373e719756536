"""The report on the status page once a request is done (`reports.py`), kept apart from the rest of
`views.py`:

- `…/status/<t>/report/`        POST: the association's report (text, how many came, a photo with consent
                                and caption); errors come back on the status page (400)
- `…/status/<t>/report/photo/`  the report's photo, only under its own request's token, never cached
"""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from home.antispam import RateLimit

from . import reports
from .forms import ReportForm
from .models import RequestReport

REPORT_PREFIX = "report"


def report_context(page, request, token, resource_request, report_form=None):
    """What the status page's report block needs (`includes/report.html`)."""
    if resource_request.status != resource_request.Status.DONE:
        return {"report": None, "report_form": None}  # reports come once a request is done: no query
    report = RequestReport.objects.filter(request=resource_request).first()
    base = page.get_url(request) + page.reverse_subpage("status", kwargs={"token": token})
    can_write = report is None and reports.can_report(resource_request)
    return {
        "report": report,
        "report_form": (report_form or ReportForm(prefix=REPORT_PREFIX)) if can_write else None,
        "report_url": base + "report/",
        "report_keep_days": settings.REQUESTS_KEEP_DAYS,
        "report_photo_url": base + "report/photo/" if report is not None and report.photo else "",
    }


def submit_report(page, request, token):
    from .views import _status_request, request_status

    if request.method != "POST":
        return redirect(page.status_url(token, request))
    resource_request = _status_request(token)
    if not reports.can_report(resource_request):
        messages.error(request, _("A report can be written once the request is done."))
        return redirect(page.status_url(token, request))
    form = ReportForm(request.POST, request.FILES, prefix=REPORT_PREFIX)
    limit = RateLimit("proof").hit(request)
    if limit.exceeded:
        form.is_valid()
        form.add_error(None, limit.message)
        return request_status(page, request, token, report_form=form, status=429)
    if not form.is_valid():
        return request_status(page, request, token, report_form=form, status=400)
    data = form.cleaned_data
    try:
        reports.store_report(
            resource_request,
            text=data["text"],
            participants=data["participants"],
            photo=data["photo"],
            consent=data["consent"],
            caption=data["caption"],
        )
    except reports.Refused as refused:
        messages.error(request, str(refused.message))
        return redirect(page.status_url(token, request) + "#status-report")
    messages.success(request, _("Thank you for your report. The team will read it."))
    return redirect(page.status_url(token, request) + "#status-report")


def report_photo(page, request, token):
    from .views import PRIVATE_HEADERS, _status_request

    resource_request = _status_request(token)
    report = RequestReport.objects.filter(request=resource_request).first()
    if report is None:
        raise Http404
    return photo_response(report, PRIVATE_HEADERS)


def photo_response(report, headers):
    """The photo of a report with headers that keep it private and stop browsers guessing its type."""
    if not report.photo:
        raise Http404
    try:
        handle = report.photo.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    suffix = ".png" if report.photo_type == "image/png" else ".jpg"
    response = FileResponse(
        handle, filename=f"{report.request.reference}{suffix}", content_type=report.photo_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    for name, value in headers.items():
        response[name] = value
    return response
