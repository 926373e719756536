"""What the request page serves (routed by `RequestPage`):

- `/de/anfrage/`             the basket and the form; `?resource=<id or slug>` offers that resource,
                             `?partner=<id>` ticks that partner organisation; `&start=`/`&end=` (ISO
                             dates, as a resource's calendar days give them) fill in the offered
                             resource's dates. One form for everything:
                             the basket's lines are fields of it, so changing the basket ("update") or
                             a mistake on sending never loses what was typed.
- `/de/anfrage/basket/`      POST: add a resource to the basket (the form on a resource's page)
- `/de/anfrage/sent/`        the confirmation after sending (reference number, status link)
- `/de/anfrage/status/<t>/`  the private status page (the token is the only key; never cached or indexed)
                             with what is due after the decision (`checklist.py`)
- `…/status/<t>/proofs/`     POST: upload a proof of use (receipt or quote) for an approved money line
- `…/status/<t>/proofs/<n>/` one uploaded proof, only under its own request's token (a download; images
                             inline), never cached, never sniffed
- `…/status/<t>/report/`      POST: the report once the request is done, and `…/report/photo/` its photo
                             (`report_views.py`)
- `/de/anfrage/status/<t>/ics/`  the booked consultation as an .ics file (404 without a booked time)
- `…/status/<t>/consultation/`  POST: move or cancel the booked consultation (`consultation.py`)
"""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from catalogue.models import ProgrammeRules, Resource, ResourceIndexPage
from catalogue.views import chosen_dates, page_locales
from home.antispam import RateLimit
from partners.views import privacy_url
from resource_requests.models import Proof, RequestItem, RequestPage, ResourceRequest

from . import calendar, consultation, emails, proofs, service
from .basket import Basket
from .checklist import checklists
from .forms import ItemForm, ProofForm, RequestForm, RequestWebForm
from .report_views import report_context
from .stock import StockSnapshot

LAST_REQUEST_KEY = "request_last"
PRIVATE_HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex, nofollow",
    # The token in the address never goes to another site. Not "no-referrer": with it browsers send
    # `Origin: null` with the status page's upload form, and Django's CSRF check refuses that.
    "Referrer-Policy": "same-origin",
}


def _int(value):
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def line_prefix(line):
    return f"item-{line.id}"


def find_resource(value, locale, default_locale):
    """The live resource with this number (or address part, e.g. "beamer"), shown in `locale` – German
    where it is not translated; None when there is none."""
    number = _int(value)
    resources = Resource.objects.live()
    if number is not None:
        key = resources.filter(pk=number).values_list("translation_key", flat=True).first()
    else:
        slug = str(value or "").strip()[:140]
        if "\x00" in slug:
            return None  # databases refuse NUL characters
        keys = dict(resources.filter(slug=slug).exclude(slug="").values_list("locale_id", "translation_key"))
        key = keys.get(locale.pk) or keys.get(default_locale.pk) or next(iter(keys.values()), None)
    if key is None:
        return None
    versions = {
        resource.locale_id: resource
        for resource in resources.filter(
            translation_key=key, locale_id__in={locale.pk, default_locale.pk}
        ).for_display()
    }
    return versions.get(locale.pk) or versions.get(default_locale.pk)


class RequestPageState:
    """Everything the request page shows: basket lines with their forms, the request form, notices."""

    def __init__(self, page, request):
        self.page = page
        self.request = request
        self.language = translation.get_language()
        self.locale, self.default_locale = page_locales(page)
        self.basket = Basket(request)
        gone = self.basket.resolve(self.locale, self.default_locale)
        self.notices = []
        if gone:
            self.notices.append(
                ngettext(
                    "One resource in your basket is no longer offered and was removed.",
                    "%(count)s resources in your basket are no longer offered and were removed.",
                    len(gone),
                )
                % {"count": len(gone)}
            )
        self.stock = StockSnapshot([line.resource for line in self.basket.lines])
        self.add_form = None
        self.add_resource = None
        # Why "add to my request" failed, beside the add form's own errors (shown in its error summary).
        self.add_errors = []
        # After a search in the partner picker the page opens at its results (see `_update_basket`).
        self.focus_partners = False

    # --- Forms ---------------------------------------------------------------------------------------

    def bind_lines(self, data=None):
        """A form per basket line: from the POST, or from the values the basket keeps (checked at once)."""
        for line in self.basket.lines:
            prefix = line_prefix(line)
            if data is not None:
                line.form = ItemForm(data, resource=line.resource, stock=self.stock, prefix=prefix)
            else:
                stored = {f"{prefix}-{name}": value for name, value in line.values.items()}
                line.form = ItemForm(stored, resource=line.resource, stock=self.stock, prefix=prefix)
        return self.basket.lines

    def request_form(self, data=None, initial=None):
        kwargs = {"language": self.language, "consent_label": self.page.consent_text}
        if data is not None:
            return RequestWebForm(data, **kwargs)
        return RequestWebForm(initial=initial or {}, **kwargs)

    def rules(self):
        pairs = []
        for line in self.basket.lines:
            amount = None
            if line.resource.counts_money:
                form = line.form
                if form is not None and form.is_bound and form.is_valid():
                    amount = form.cleaned_data.get("amount")
                else:
                    amount = _decimal(line.values.get("amount"))
            pairs.append((line.resource, amount))
        return service.programme_rules(
            pairs, ProgrammeRules.load(request_or_site=self.request).decision_threshold
        )

    # --- Rendering -----------------------------------------------------------------------------------

    def context(self, form, rate_limit_message=""):
        return {
            "form": form,
            "request_page": self.page,
            "lines": self.basket.lines,
            "basket_errors": any(line.form is not None and line.form.errors for line in self.basket.lines),
            "basket_full": self.basket.is_full,
            "basket_max": settings.REQUESTS_BASKET_MAX_ITEMS,
            "add_form": self.add_form,
            "add_resource": self.add_resource,
            "add_errors": self.add_errors,
            "add_failed": bool(self.add_errors or (self.add_form is not None and self.add_form.errors)),
            "focus_partners": self.focus_partners,
            "notices": self.notices,
            "rules": self.rules(),
            "rate_limit_message": rate_limit_message,
            "privacy_url": privacy_url(self.request),
            "form_url": self.page.get_url(self.request),
            "basket_url": self.page.get_url(self.request) + self.page.reverse_subpage("basket"),
            "catalogue_url": _catalogue_url(self.request),
            "keep_days": settings.REQUESTS_KEEP_DAYS,
        }

    def render(self, form, *, status=200, headers=None, rate_limit_message=""):
        response = self.page.render(
            self.request,
            template="resource_requests/request_page.html",
            context_overrides=self.context(form, rate_limit_message),
        )
        response.status_code = status
        for name, value in (headers or {}).items():
            response[name] = value
        return response


def _decimal(value):
    from decimal import Decimal, InvalidOperation

    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def _catalogue_url(request):
    page = ResourceIndexPage.objects.live().filter(locale__language_code=translation.get_language()).first()
    return page.get_url(request) if page else ""


def _initial_from_post(data, form_class=RequestForm):
    """What was typed, as initial values of a form that shows no errors (after changing the basket)."""
    multiple = {"partners"}  # partner_search is kept too: the picker shows its matches again
    return {
        name: data.getlist(name) if name in multiple else data.get(name)
        for name in form_class.base_fields
        if name in data and name not in ("honeypot", "form_started")
    }


# --- The form page ------------------------------------------------------------------------------------


def request_form(page, request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    state = RequestPageState(page, request)
    if request.method != "POST":
        state.bind_lines()
        initial = {}
        partner = _int(request.GET.get("partner"))
        if partner is not None:
            initial["partners"] = [str(partner)]
        form = state.request_form(initial=initial)
        if partner is not None and str(partner) not in dict(form.fields["partners"].choices):
            state.notices.append(
                _("We could not find this partner organisation; please choose it from the list.")
            )
        if "resource" in request.GET:
            _offer_resource(state, request.GET.get("resource"))
        return state.render(form)

    data = request.POST
    action = data.get("action", "update")
    removed = set(data.getlist("remove"))
    lines = state.bind_lines(data)
    if action != "send":
        return _update_basket(state, data, lines, removed)

    limit = RateLimit("request").hit(request)
    form = state.request_form(data)
    if limit.exceeded:
        return state.render(form, status=429, headers=limit.headers(), rate_limit_message=limit.message)
    kept = [line for line in lines if line.id not in removed]
    items_valid = all(line.form.is_valid() for line in kept)
    if not (form.is_valid() and items_valid):
        return state.render(form, status=400)
    if form.caught_by_honeypot:
        state.basket.clear()
        return redirect(page.get_url(request) + page.reverse_subpage("sent"))
    try:
        resource_request = service.submit(
            form.request_values(),
            [(line.resource, line.form.values()) for line in kept],
            partners=form.chosen_partners(),
            language=state.language,
        )
    except service.SlotTaken as taken:
        form.add_error("slot", str(taken.message))
        return state.render(form, status=409)
    state.basket.clear()
    request.session[LAST_REQUEST_KEY] = resource_request.token
    return redirect(page.get_url(request) + page.reverse_subpage("sent"))


def _update_basket(state, data, lines, removed):
    """Save the basket's valid changes, drop the removed lines; keep every typed field of the form."""
    changed = False
    for line in lines:
        if line.id in removed:
            continue
        if line.form.is_valid():
            before = dict(line.values)
            state.basket.update(line.id, line.form.values())
            changed = changed or line.values != before
    if removed:
        state.basket.remove(removed)
        changed = True
    form = state.request_form(initial=_initial_from_post(data))
    # A new search in the partner picker ("Search", or Enter in its box, which presses the form's first
    # button): the page opens with the focus on its results, not at the top.
    state.focus_partners = bool(form.partner_query) and form.partner_query != data.get("partner_search_shown")
    if state.focus_partners and not form.partner_matches:
        form.fields["partner_search"].widget.attrs["autofocus"] = True  # nothing found: type again
    invalid = [line for line in state.basket.lines if line.form is not None and not line.form.is_valid()]
    if invalid:
        state.notices.append(_("Some lines of your basket need a correction; the others were saved."))
    elif changed:
        state.notices.append(_("Your basket has been updated."))
    return state.render(form, status=400 if invalid else 200)


def _offer_resource(state, resource_id):
    """?resource=<id>: the form to put that resource into the basket (or the note that it is in it)."""
    resource = find_resource(resource_id, state.locale, state.default_locale)
    if resource is None:
        state.notices.append(_("We could not find this resource. Please choose one from the catalogue."))
        return
    line = state.basket.find(resource.translation_key)
    if line is not None:
        state.notices.append(
            _("“%(title)s” is already in your basket; you can change it below.") % {"title": resource.title}
        )
        return
    state.add_resource = resource
    # `&start=…&end=…` (a day chosen in a resource's calendar) fills in the dates.
    chosen = chosen_dates(state.request) if resource.counts_units else {}
    initial = {name: day.isoformat() for name, day in chosen.items()}
    state.add_form = ItemForm(resource=resource, prefix="add", initial=initial)


def block_context(request):
    """The form as a block inside another page (`home.blocks.RequestFormBlock`); it sends to the request page."""
    from .pages import request_page

    page = request_page(request=request)
    if page is None:
        return {"form": None}
    state = RequestPageState(page, request)
    state.bind_lines()
    return state.context(state.request_form())


# --- Adding to the basket -------------------------------------------------------------------------------


def add_to_basket(page, request):
    if request.method != "POST":
        return redirect(page.get_url(request))
    state = RequestPageState(page, request)
    state.bind_lines()
    form = state.request_form()
    limit = RateLimit("request-basket").hit(request)
    if limit.exceeded:
        return state.render(form, status=429, headers=limit.headers(), rate_limit_message=limit.message)
    resource = find_resource(request.POST.get("resource"), state.locale, state.default_locale)
    if resource is None:
        state.add_errors.append(_("We could not find this resource. Please choose one from the catalogue."))
        return state.render(form, status=400)
    add_form = ItemForm(request.POST, resource=resource, stock=StockSnapshot([resource]), prefix="add")
    state.add_resource, state.add_form = resource, add_form
    existing = state.basket.find(resource.translation_key)
    if existing is None and state.basket.is_full:
        state.add_errors.append(
            _("Your basket holds at most %(count)s resources. Please send this request first.")
            % {"count": settings.REQUESTS_BASKET_MAX_ITEMS}
        )
        return state.render(form, status=400)
    if not add_form.is_valid():
        return state.render(form, status=400)
    state.basket.put(resource, add_form.values())
    messages.success(
        request,
        _("“%(title)s” is in your basket. Add more resources from the catalogue, or fill in the form below.")
        % {"title": resource.title},
    )
    return redirect(page.get_url(request) + "#basket")


# --- After sending ------------------------------------------------------------------------------------


def request_sent(page, request):
    token = request.session.get(LAST_REQUEST_KEY)
    resource_request = (
        ResourceRequest.objects.filter(token=token, anonymised_at__isnull=True).select_related("slot").first()
        if token
        else None
    )
    response = page.render(
        request,
        template="resource_requests/sent.html",
        context_overrides={
            "resource_request": resource_request,
            "status_url": page.status_url(token, request) if resource_request else "",
            "ics_url": page.get_url(request) + page.reverse_subpage("status_ics", kwargs={"token": token})
            if resource_request and resource_request.slot_id
            else "",
            "slot_text": service.slot_text(resource_request.slot, markup=True)
            if resource_request and resource_request.slot
            else "",
            "rules": service.rules_for_request(resource_request) if resource_request else [],
            "confirmation_queued": emails.confirmation_queued(resource_request)
            if resource_request
            else False,
            "form_url": page.get_url(request),
            "catalogue_url": _catalogue_url(request),
        },
    )
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def show_titles_in(items, locale):
    """Give each item the title of its resource in `locale` where that is published (the title stored
    with the request is the one the requester saw when asking, possibly another language's)."""
    keys = {item.resource.translation_key for item in items if item.resource_id}
    titles = dict(
        Resource.objects.live()
        .filter(locale=locale, translation_key__in=keys)
        .values_list("translation_key", "title")
    )
    for item in items:
        if item.resource_id and item.resource.translation_key in titles:
            item.resource_title = titles[item.resource.translation_key]


def _status_request(token):
    resource_request = (
        ResourceRequest.objects.filter(token=token, anonymised_at__isnull=True)
        .select_related("slot", "district", "engagement_field")
        .first()
    )
    if resource_request is None:
        raise Http404
    return resource_request


def request_status(
    page,
    request,
    token,
    *,
    proof_form=None,
    report_form=None,
    consultation_form=None,
    consultation_error="",
    status=200,
):
    resource_request = _status_request(token)
    items = list(resource_request.items.select_related("resource", "reservation"))
    events = [
        event
        for event in resource_request.events.select_related("item__resource")
        if event.public or event.kind == "received"
    ]
    show_titles_in(items + [event.item for event in events if event.item_id], page.locale)
    language_urls = {
        translated.locale.language_code: translated.status_url(token, request)
        for translated in RequestPage.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    }
    due = checklists(resource_request, items, page.locale)
    for entry in due:
        if entry.takes_proofs:
            bound = proof_form is not None and proof_form.item.pk == entry.item.pk
            entry.form = proof_form if bound else ProofForm(item=entry.item, prefix=f"proof-{entry.item.pk}")
    status_url = page.status_url(token, request)
    response = page.render(
        request,
        template="resource_requests/status.html",
        context_overrides={
            "resource_request": resource_request,
            "items": items,
            "events": events,
            "steps": _steps(resource_request),
            "slot_text": service.slot_text(resource_request.slot, markup=True)
            if resource_request.slot
            else "",
            "rules": service.programme_rules(
                [(item.resource, item.amount) for item in items if item.resource_id]
            )
            if any(item.resource_id for item in items)
            else [],
            "language_urls": language_urls,
            "form_url": page.get_url(request),
            "checklists": due,
            "status_url": status_url,
            "upload_url": page.get_url(request)
            + page.reverse_subpage("proof_upload", kwargs={"token": token}),
            "proofs_left": max(settings.PROOFS_MAX_FILES - resource_request.proofs.count(), 0),
            "proofs_max": settings.PROOFS_MAX_FILES,
            "ics_url": page.get_url(request) + page.reverse_subpage("status_ics", kwargs={"token": token})
            if resource_request.slot_id
            else "",
            # The report once the request is done (report_views.py, includes/report.html).
            **report_context(page, request, token, resource_request, report_form),
            # Moving or cancelling the consultation (`consultation.py`, `includes/status_consultation.html`).
            **consultation.status_context(
                page, request, token, resource_request, consultation_form, consultation_error
            ),
        },
    )
    response.status_code = status
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def upload_proof(page, request, token):
    """POST a receipt or quote for one approved money line; errors come back on the status page (400)."""
    if request.method != "POST":
        return redirect(page.status_url(token, request))
    resource_request = _status_request(token)
    item = (
        resource_request.items.filter(
            pk=_int(request.POST.get("item")), status=RequestItem.Status.APPROVED, kind="money"
        ).first()
        if _int(request.POST.get("item"))
        else None
    )
    if item is None:
        messages.error(request, _("Please upload the file in the box of an approved amount."))
        return redirect(page.status_url(token, request) + "#status-due")
    limit = RateLimit("proof").hit(request)
    prefix = f"proof-{item.pk}"
    form = ProofForm(request.POST, request.FILES, item=item, prefix=prefix)
    if limit.exceeded:
        form.is_valid()
        form.add_error(None, limit.message)
        return request_status(page, request, token, proof_form=form, status=429)
    if resource_request.proofs.count() >= settings.PROOFS_MAX_FILES:
        form.is_valid()
        form.add_error(
            None,
            _("A request can have at most %(count)s files. Please ask the team before you add more.")
            % {"count": settings.PROOFS_MAX_FILES},
        )
        return request_status(page, request, token, proof_form=form, status=400)
    if not form.is_valid():
        return request_status(page, request, token, proof_form=form, status=400)
    try:
        proof = proofs.store(
            resource_request,
            item,
            form.cleaned_data["kind"],
            form.cleaned_data["file"],
            form.cleaned_data["amount"],
        )
    except proofs.Refused as refused:
        form.add_error(None, str(refused.message))
        return request_status(page, request, token, proof_form=form, status=400)
    messages.success(
        request, _("Thank you: “%(name)s” has arrived. The team will check it.") % {"name": proof.name}
    )
    return redirect(page.status_url(token, request) + f"#due-{item.pk}")


def proof_file(page, request, token, proof_id):
    """One proof, only under its own request's status link: a download (images shown inline)."""
    resource_request = _status_request(token)
    proof = Proof.objects.filter(pk=proof_id, request=resource_request).first()
    if proof is None:
        raise Http404
    return proof_response(proof)


def proof_response(proof):
    """The file of a proof with headers that keep it private and stop browsers guessing its type."""
    try:
        handle = proof.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=not proof.is_image, filename=proof.name, content_type=proof.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def consultation_ics(page, request, token):
    """The booked consultation as an .ics file, reached only through the private status link."""
    resource_request = (
        ResourceRequest.objects.filter(token=token, anonymised_at__isnull=True).select_related("slot").first()
    )
    if resource_request is None or resource_request.slot is None:
        raise Http404
    status_url = request.build_absolute_uri(page.status_url(token, request))
    response = HttpResponse(
        calendar.consultation_calendar(resource_request, status_url),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{resource_request.reference}.ics"'
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def _steps(resource_request):
    """The way of a request as a list of steps, the current one marked (words, not colour)."""
    Status = ResourceRequest.Status
    decided = resource_request.status in (Status.APPROVED, Status.PARTLY_APPROVED, Status.DECLINED)
    order = [Status.RECEIVED, Status.IN_CONSULTATION, "decision", Status.DONE]
    current = "decision" if decided else resource_request.status
    labels = {
        Status.RECEIVED: Status.RECEIVED.label,
        Status.IN_CONSULTATION: Status.IN_CONSULTATION.label,
        "decision": resource_request.get_status_display() if decided else _("Decision"),
        Status.DONE: Status.DONE.label,
    }
    position = order.index(current)
    return [
        {
            "label": labels[step],
            "state": "done" if index < position else "current" if index == position else "todo",
        }
        for index, step in enumerate(order)
    ]
