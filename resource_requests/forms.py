"""Every rule about what a request may contain, in one place.

`ItemForm` checks one basket line against its resource: dates (not past, in order, not too far ahead,
not longer than the resource may be lent, within the offer), units (no more than exist and are free on
every day of the period), amounts (no more than the maximum per request and what is left of the budget).
`RequestForm` checks the rest: the association, the contact person, the plan, the consultation time (a
full one cannot be picked) or a call back, and consent.

The web form (`RequestWebForm`, with the honeypot), the basket and the JSON API (`resource_requests/endpoints.py`) all
use these forms, so a rule is written once and its message is the same, in the visitor's language.
Text is taken as typed: markup is kept as text and never rendered (templates escape it, e-mails are plain
text); one-line fields refuse line breaks, because names end up in e-mail subjects.
"""

import datetime
import re
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from catalogue import availability
from catalogue.listing import DateInput
from catalogue.models import Resource
from catalogue.money import format_euro
from home.antispam import HoneypotFormMixin
from partners.forms import single_line
from partners.models import PartnerOrganisation
from resource_requests.models import ConsultationSlot, Proof, with_bookings
from resource_requests.proofs import Refused, check_file, parse_amount
from taxonomy.collation import by_name
from taxonomy.fields import OFFER_LANGUAGES
from taxonomy.models import District, EngagementField

CALLBACK = "callback"
# A consultation time can be booked until this long before it starts.
SLOT_NOTICE = datetime.timedelta(hours=2)
MAX_QUANTITY = 9999
MAX_PARTICIPANTS = 100_000
# The partner picker shows at most this many organisations whose name matches what was typed (the
# directory may hold thousands; a keyboard user should never tab through them all).
PARTNER_MATCHES = 10

phone_characters = RegexValidator(
    r"^[0-9+()/.\- ]*$",
    _("Please use only digits, spaces and + ( ) / - in the phone number."),
    code="phone",
)


def today():
    return timezone.localdate()


def date_text(value):
    return formats.date_format(value, "DATE_FORMAT")


class AmountField(forms.DecimalField):
    """Euros as people type them: "300", "300.50", "300,50", "300 €"."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
            if "," in value and "." not in value:
                value = value.replace(",", ".")
        return super().to_python(value)


class IsolatedSelect(forms.Select):
    """A select whose options may run either way (district names in German where Arabic has none, language
    names in their own script): every option gets `dir="auto"`, so "Aplerbeck" or "Türkçe" keeps its order
    on an Arabic page (home/bidi.py)."""

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        option["attrs"]["dir"] = "auto"
        return option


DATE_ERRORS = {"invalid": _("Please enter a date, e.g. 24.05.2026.")}


class ItemForm(forms.Form):
    """One basket line for one resource: units and dates (items, rooms), an amount (money) or nothing."""

    quantity = forms.IntegerField(
        label=_("How many"),
        min_value=1,
        max_value=MAX_QUANTITY,
        error_messages={
            "required": _("How many do you need?"),
            "invalid": _("Please enter a whole number."),
            "min_value": _("Please ask for at least one."),
            "max_value": _("That is more than the catalogue has."),
        },
    )
    start = forms.DateField(
        label=_("From"),
        widget=DateInput(),
        error_messages={"required": _("From which day do you need it?"), **DATE_ERRORS},
    )
    end = forms.DateField(
        label=_("Until (inclusive)"),
        required=False,
        widget=DateInput(),
        help_text=_("Empty for a single day."),
        error_messages=DATE_ERRORS,
    )
    amount = AmountField(
        label=_("Amount in euros"),
        min_value=Decimal(1),
        max_digits=10,
        decimal_places=2,
        error_messages={
            "required": _("How much money do you need?"),
            "invalid": _("Please enter an amount in euros, e.g. 300 or 300,50."),
            "min_value": _("Please ask for at least 1 euro."),
            "max_digits": _("That is more than the catalogue has."),
            "max_whole_digits": _("That is more than the catalogue has."),
            "max_decimal_places": _("Please give at most two digits after the comma (cents)."),
        },
    )

    def __init__(self, data=None, *, resource, stock=None, **kwargs):
        super().__init__(data, **kwargs)
        self.resource = resource
        self.stock = stock
        if resource.counts_units:
            del self.fields["amount"]
            self.fields["quantity"].widget.attrs.update({"min": 1, "max": resource.units or 1})
            if (resource.units or 1) <= 1:
                self.fields["quantity"].required = False
                self.fields["quantity"].initial = 1
                self.fields["quantity"].widget = forms.HiddenInput()
            if resource.kind == Resource.Kind.ROOM:
                self.fields["start"].label = _("On")
        elif resource.counts_money:
            for name in ("quantity", "start", "end"):
                del self.fields[name]
            maximum = resource.max_amount_per_request
            self.fields["amount"].widget.attrs.update(
                {"min": 1, "step": "0.01", "inputmode": "decimal", **({"max": maximum} if maximum else {})}
            )
            if maximum:
                self.fields["amount"].help_text = _("At most %(amount)s per request.") % {
                    "amount": format_euro(maximum)
                }
        else:
            for name in ("quantity", "start", "end", "amount"):
                del self.fields[name]

    @property
    def has_fields(self):
        return any(not field.is_hidden for field in self)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        resource = self.resource
        if resource.counts_units:
            self._clean_units(resource, data)
        elif resource.counts_money:
            self._clean_money(resource, data)
        else:
            current = availability.availability_of(resource)
            if current.status == availability.Status.NO_LONGER:
                raise ValidationError(
                    _("This offer has ended and can no longer be requested."), code="not_bookable"
                )
        return data

    def _clean_units(self, resource, data):
        start = data["start"]
        end = data.get("end") or start
        data["end"] = end
        data["quantity"] = data.get("quantity") or 1
        now = today()
        last_day = now + datetime.timedelta(days=settings.REQUESTS_MAX_DAYS_AHEAD)
        errors = {}
        # Codes: what depends on the moment (units taken, the offer's period) is a conflict for the API (409,
        # `resource_requests.endpoints.CONFLICTS`); the rest (days outside the bookable window, which the
        # API's schema enumerates) is invalid input.
        if start < now:
            errors["start"] = ValidationError(
                _("This day has passed. Please choose today or a later day."), code="day_out_of_range"
            )
        elif start > last_day:
            errors["start"] = ValidationError(
                _("Requests are possible up to %(date)s.") % {"date": date_text(last_day)},
                code="day_out_of_range",
            )
        if end < start:
            errors["end"] = ValidationError(
                _("The last day lies before the first day."), code="end_before_start"
            )
        else:
            days = (end - start).days + 1
            longest = resource.max_lending_days or settings.REQUESTS_MAX_PERIOD_DAYS
            longest = min(longest, settings.REQUESTS_MAX_PERIOD_DAYS)
            if days > longest:
                errors["end"] = ValidationError(
                    ngettext(
                        "This can be requested for at most %(days)s day at a time.",
                        "This can be requested for at most %(days)s days at a time.",
                        longest,
                    )
                    % {"days": longest},
                    code="too_long",
                )
        if not errors and resource.available_from and start < resource.available_from:
            errors["start"] = ValidationError(
                _("This is offered only from %(date)s.") % {"date": date_text(resource.available_from)},
                code="not_bookable",
            )
        if not errors and resource.available_until and end > resource.available_until:
            errors["end"] = ValidationError(
                _("This is offered only until %(date)s.") % {"date": date_text(resource.available_until)},
                code="not_bookable",
            )
        if errors:
            raise ValidationError(errors)
        units = resource.units or 1
        quantity = data["quantity"]
        if quantity > units:
            raise ValidationError(
                {
                    "quantity": ValidationError(
                        ngettext(
                            "There is only %(units)s of these.", "There are only %(units)s of these.", units
                        )
                        % {"units": units},
                        code="max_value",
                    )
                }
            )
        if self.stock is not None:
            free = self.stock.free_units_by_day(resource, start, end)
        else:
            free = availability.free_units_by_day(resource, start, end)
        short = [day for day, left in free.items() if left < quantity]
        if short:
            day = short[0]
            left = max(free[day], 0)
            field = "quantity" if left and units > 1 else "start"
            message = (
                _("On %(date)s only %(free)s of %(units)s are free.")
                % {"date": date_text(day), "free": left, "units": units}
                if left
                else _("On %(date)s nothing is free any more. Please choose other days.")
                % {"date": date_text(day)}
            )
            raise ValidationError({field: ValidationError(message, code="not_free")})

    def _clean_money(self, resource, data):
        amount = data["amount"]
        maximum = resource.max_amount_per_request
        if maximum is not None and amount > maximum:
            raise ValidationError(
                {
                    "amount": ValidationError(
                        _("At most %(amount)s per request.") % {"amount": format_euro(maximum)},
                        code="max_value",
                    )
                }
            )
        left = (
            self.stock.budget_left(resource) if self.stock is not None else availability.budget_left(resource)
        )
        if left <= 0:
            raise ValidationError(
                {"amount": ValidationError(_("This budget has been used up for now."), code="budget_used_up")}
            )
        if amount > left:
            raise ValidationError(
                {
                    "amount": ValidationError(
                        _("Only %(amount)s are left in this budget.") % {"amount": format_euro(left)},
                        code="budget_short",
                    )
                }
            )
        now = today()
        if (resource.available_from and resource.available_from > now) or (
            resource.available_until and resource.available_until < now
        ):
            raise ValidationError(_("This budget cannot be requested at the moment."), code="not_bookable")

    def values(self):
        """The cleaned line as plain values (for the session and the database)."""
        data = self.cleaned_data
        return {
            "quantity": data.get("quantity"),
            "start": data.get("start"),
            "end": data.get("end"),
            "amount": data.get("amount"),
        }


# --- The request itself -------------------------------------------------------------------------------


def upcoming_slots(now=None):
    """Consultation times that can still be booked or shown: published, from now until the horizon."""
    now = now or timezone.now()
    horizon = now + datetime.timedelta(weeks=settings.REQUESTS_SLOT_WEEKS_AHEAD)
    return with_bookings(
        ConsultationSlot.objects.filter(published=True, start__gte=now + SLOT_NOTICE, start__lt=horizon)
    ).order_by("start", "pk")


class RequestForm(forms.Form):
    association_name = forms.CharField(
        label=_("Name of your association"),
        max_length=200,
        validators=[single_line],
        error_messages={"required": _("Please enter the name of your association.")},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    register_number = forms.CharField(
        label=_("Register number"),
        required=False,
        max_length=40,
        validators=[single_line],
        help_text=_("e.g. VR 12345 at the local court – leave empty if your association is not registered."),
    )
    district = forms.ChoiceField(
        widget=IsolatedSelect,
        label=_("District of your association"),
        required=False,
        error_messages={"invalid_choice": _("Please choose a district from the list.")},
    )
    contact_name = forms.CharField(
        label=_("Contact person"),
        max_length=120,
        validators=[single_line],
        error_messages={"required": _("Please tell us who we can contact.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The confirmation and our answers go to this address."),
        error_messages={
            "required": _("Please enter your e-mail address, so we can answer."),
            "invalid": _("Please enter a complete e-mail address, like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=40,
        validators=[phone_characters],
        help_text=_("Only needed if you would like us to call you back."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "dir": "ltr"}),
    )
    consultation_language = forms.ChoiceField(
        widget=IsolatedSelect,
        label=_("Preferred language for the consultation"),
        choices=list(OFFER_LANGUAGES.items()),
        error_messages={"invalid_choice": _("Please choose a language from the list.")},
    )
    plan_title = forms.CharField(
        label=_("What are you planning?"),
        max_length=200,
        validators=[single_line],
        help_text=_("A short title, e.g. 'Neighbourhood festival in Hörde'."),
        error_messages={"required": _("Please give your plan a short title.")},
    )
    plan_description = forms.CharField(
        label=_("Describe your plan"),
        max_length=4000,
        help_text=_("What, for whom, with whom – a few sentences are enough (at most 4000 characters)."),
        error_messages={"required": _("Please describe your plan in a few sentences.")},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    plan_start = forms.DateField(
        label=_("First day"), required=False, widget=DateInput(), error_messages=DATE_ERRORS
    )
    plan_end = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=DateInput(),
        help_text=_("Empty for a single day."),
        error_messages=DATE_ERRORS,
    )
    participants = forms.IntegerField(
        label=_("Expected participants"),
        required=False,
        min_value=1,
        max_value=MAX_PARTICIPANTS,
        error_messages={
            "invalid": _("Please enter a whole number."),
            "min_value": _("Please enter a number of at least 1."),
            "max_value": _("Please enter a number of at most %(limit_value)s."),
        },
        widget=forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
    )
    engagement_field = forms.ChoiceField(
        widget=IsolatedSelect,
        label=_("Engagement field"),
        required=False,
        error_messages={"invalid_choice": _("Please choose an engagement field from the list.")},
    )
    partners = forms.MultipleChoiceField(
        label=_("Partner organisations involved"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Please choose partner organisations from the list.")},
    )
    # The partner picker's search box: not stored; it only decides which organisations are offered.
    partner_search = forms.CharField(
        label=_("Find a partner organisation by its name"),
        required=False,
        max_length=100,
        help_text=_("Type a part of the name, then press “Search”."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "dir": "auto"}),
    )
    other_partners = forms.CharField(
        label=_("Other partners"),
        required=False,
        max_length=500,
        help_text=_("Partners that are not in our directory (at most 500 characters)."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    # A consultation time (its number) or "callback"; full times are shown but cannot be chosen.
    slot = forms.ChoiceField(
        label=_("Consultation"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose a consultation time, or ask us to call you back."),
            "invalid_choice": _("This consultation time cannot be booked. Please choose another one."),
        },
    )
    callback_times = forms.CharField(
        label=_("When can we reach you best?"),
        required=False,
        max_length=200,
        validators=[single_line],
        help_text=_("e.g. 'weekdays after 5 pm'"),
    )
    consent = forms.BooleanField(
        label=_("I agree that VMDO e.V. stores and processes my details to handle this request."),
        error_messages={"required": _("Please agree, otherwise we cannot handle your request.")},
    )

    def __init__(self, *args, language, consent_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        if consent_label:
            self.fields["consent"].label = consent_label
        for name, field in self.fields.items():
            if not field.required and name not in ("honeypot", "form_started", "partners", "partner_search"):
                field.label = _("%(label)s (optional)") % {"label": field.label}
        self.fields["consultation_language"].initial = language if language in OFFER_LANGUAGES else "de"
        self.fields["district"].choices = [
            ("", _("Please choose")),
            *by_name(
                ((district.slug, district.name_in(language)) for district in District.objects.all()),
                language,
                lambda choice: choice[1],
            ),
        ]
        self.engagement_fields = _terms(EngagementField.objects.all(), language)
        self.fields["engagement_field"].choices = [
            ("", _("Please choose")),
            *((slug, term.name) for slug, term in self.engagement_fields.items()),
        ]
        self._find_partners(language)
        self.slots = list(upcoming_slots())
        self.slot_objects = {str(slot.pk): slot for slot in self.slots}
        self.fields["slot"].choices = [
            *((pk, str(slot)) for pk, slot in self.slot_objects.items()),
            (CALLBACK, _("Please call me back")),
        ]

    def slot_options(self):
        """The consultation times for the template: each with its places, full ones disabled."""
        chosen = self["slot"].value()
        return [
            {"slot": slot, "value": str(slot.pk), "checked": chosen == str(slot.pk), "full": slot.is_full}
            for slot in self.slots
        ]

    def _find_partners(self, language):
        """The partner picker: the organisations already chosen, and at most `PARTNER_MATCHES` whose name
        contains what was typed into the search box. Only these are valid choices of this form, so a
        directory of thousands is never loaded, rendered or tabbed through; an organisation chosen earlier
        stays a valid choice because the chosen values are sent again (and looked up again) every time."""
        partners = PartnerOrganisation.objects.in_language(language).select_related("locale")
        chosen = [value for value in (self["partners"].value() or []) if str(value).isdigit()]
        chosen = [value for value in chosen if 0 < int(value) < 2**63][:50]
        self.partner_query = " ".join(str(self["partner_search"].value() or "").replace("\x00", "").split())[
            :100
        ]
        found = {str(partner.pk): partner for partner in partners.filter(pk__in=chosen).order_by("name")}
        matches = []
        if self.partner_query:
            matches = list(
                partners.filter(name__icontains=self.partner_query)
                .exclude(pk__in=[int(pk) for pk in found])
                .order_by("name")[: PARTNER_MATCHES + 1]
            )
        self.partner_more = len(matches) > PARTNER_MATCHES
        self.partner_matches = matches[:PARTNER_MATCHES]
        self.partner_objects = {**found, **{str(partner.pk): partner for partner in self.partner_matches}}
        self.fields["partners"].choices = [(pk, partner.name) for pk, partner in self.partner_objects.items()]

    def partner_options(self):
        """Chosen partners first (e.g. coming from a partner's page), then the matches of the search."""
        chosen = {str(value) for value in self["partners"].value() or []}
        options = [
            {"value": pk, "partner": partner, "checked": pk in chosen}
            for pk, partner in self.partner_objects.items()
        ]
        return sorted(options, key=lambda option: not option["checked"])

    def chosen_partner_options(self):
        return [option for option in self.partner_options() if option["checked"]]

    def matching_partner_options(self):
        return [option for option in self.partner_options() if not option["checked"]]

    def clean_slot(self):
        value = self.cleaned_data["slot"]
        if value != CALLBACK and self.slot_objects[value].is_full:
            raise ValidationError(
                _(
                    "This consultation time is fully booked. Please choose another one or ask us to call you back."
                ),
                code="full",
            )
        return value

    def clean(self):
        data = super().clean()
        now = today()
        last_day = now + datetime.timedelta(days=settings.REQUESTS_MAX_DAYS_AHEAD)
        start, end = data.get("plan_start"), data.get("plan_end")
        if start is None and end is not None and "plan_start" not in self.errors:
            self.add_error("plan_start", _("Please give the first day too."))
        if start is not None:
            if start < now:
                self.add_error(
                    "plan_start",
                    ValidationError(
                        _("This day has passed. Please choose today or a later day."), code="day_out_of_range"
                    ),
                )
            elif start > last_day:
                self.add_error(
                    "plan_start",
                    ValidationError(
                        _("Requests are possible up to %(date)s.") % {"date": date_text(last_day)},
                        code="day_out_of_range",
                    ),
                )
            if end is not None and end < start:
                self.add_error(
                    "plan_end",
                    ValidationError(_("The last day lies before the first day."), code="end_before_start"),
                )
        if data.get("slot") == CALLBACK and not data.get("phone") and "phone" not in self.errors:
            self.add_error("phone", _("Please give a phone number, so we can call you back."))
        return data

    # --- What the service stores ---------------------------------------------------------------------

    def request_values(self):
        data = self.cleaned_data
        callback = data["slot"] == CALLBACK
        field = self.engagement_fields.get(data.get("engagement_field") or "")
        return {
            "association_name": " ".join(data["association_name"].split()),
            "register_number": data["register_number"].strip(),
            "district": District.objects.filter(slug=data["district"]).first()
            if data.get("district")
            else None,
            "contact_name": " ".join(data["contact_name"].split()),
            "email": data["email"],
            "phone": data["phone"].strip(),
            "consultation_language": data["consultation_language"],
            "plan_title": " ".join(data["plan_title"].split()),
            "plan_description": data["plan_description"].strip(),
            "plan_start": data.get("plan_start"),
            "plan_end": data.get("plan_end") or data.get("plan_start"),
            "participants": data.get("participants"),
            "engagement_field": field.source_term if field is not None else None,
            "other_partners": data["other_partners"].strip(),
            "slot": None if callback else self.slot_objects[data["slot"]],
            "callback": callback,
            "callback_times": data["callback_times"].strip() if callback else "",
        }

    def chosen_partners(self):
        return [self.partner_objects[pk] for pk in self.cleaned_data.get("partners") or []]


class RequestWebForm(HoneypotFormMixin, RequestForm):
    """The form on the web page: the same fields and rules, plus the honeypot and the time it was shown."""


def _terms(queryset, language):
    """slug -> live term in `language` (German where not translated), each with `source_term` (German)."""
    rows = list(
        queryset.filter(live=True)
        .filter(Q(locale__language_code=language) | Q(locale__language_code=settings.LANGUAGE_CODE))
        .select_related("locale")
        .order_by("sort_order", "name")
    )
    source = {term.slug: term for term in rows if term.locale.language_code == settings.LANGUAGE_CODE}
    terms = {}
    for term in rows:
        if term.locale.language_code == language or term.slug not in terms:
            terms[term.slug] = term
    for slug, term in terms.items():
        term.source_term = source.get(slug, term)
    return terms


def _formatted_with_limit(text):
    return text % {"size": settings.PROOFS_MAX_BYTES // 2**20}


def with_upload_limit(text):
    """`text` with the upload limit, translated when it is shown: formatting a lazy translation at class
    definition would fix it in the language active at import (the Arabic status page said "höchstens")."""
    return lazy(_formatted_with_limit, str)(text)


class ProofForm(forms.Form):
    """A proof of use for an approved money line, from the status page: a receipt (with its amount) or a
    quote. The file is checked by its content (`resource_requests.proofs.check_file`)."""

    kind = forms.ChoiceField(
        label=_("What is it?"),
        choices=[
            (Proof.Kind.RECEIPT, _("Receipt")),
            (Proof.Kind.QUOTE, pgettext_lazy("proof of use", "Quote")),
        ],
        initial=Proof.Kind.RECEIPT,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("File"),
        allow_empty_file=False,
        help_text=with_upload_limit(_("PDF, JPEG or PNG, at most %(size)s MB.")),
    )
    amount = forms.CharField(
        label=_("Amount of the receipt (€)"),
        required=False,
        max_length=20,
        help_text=_("Only for receipts, e.g. 125,50."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item

    def clean_file(self):
        try:
            return check_file(self.cleaned_data.get("file"))
        except Refused as refused:
            raise ValidationError(str(refused.message), code="refused") from None

    def clean(self):
        cleaned = super().clean()
        receipt = cleaned.get("kind") == Proof.Kind.RECEIPT
        try:
            cleaned["amount"] = parse_amount(self.data.get(self.add_prefix("amount")), required=receipt)
        except Refused as refused:
            self.add_error("amount", str(refused.message))
        if not receipt:
            cleaned["amount"] = None
        return cleaned


class ReportForm(forms.Form):
    """The association's short report once a request is done, from the status page. The photo is
    optional, checked by its content (`resource_requests.reports.check_photo`); publishing it needs
    the consent box, and a photo needs a caption."""

    text = forms.CharField(
        label=_("What happened?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        help_text=_("A few sentences: what you did, how it went, what came of it. At most 3000 characters."),
    )
    participants = forms.IntegerField(
        label=_("How many people came?"),
        required=False,
        min_value=0,
        max_value=1_000_000,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    photo = forms.FileField(
        label=_("A photo (optional)"),
        required=False,
        allow_empty_file=False,
        help_text=with_upload_limit(_("JPEG or PNG, at most %(size)s MB.")),
    )
    caption = forms.CharField(
        label=_("Caption"),
        required=False,
        max_length=200,
        help_text=_("What the photo shows, in one sentence."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    consent = forms.BooleanField(
        label=_(
            "Everybody who can be recognised in the photo agreed that the House of Resources may publish "
            "it with our report."
        ),
        required=False,
    )

    def clean_text(self):
        text = single_line_free(self.cleaned_data.get("text", ""))
        if not text:
            raise ValidationError(_("Please write a few sentences about what happened."))
        return text

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        from resource_requests.reports import check_photo

        try:
            return check_photo(upload)
        except Refused as refused:
            raise ValidationError(str(refused.message), code="refused") from None

    def clean(self):
        cleaned = super().clean()
        caption = " ".join(str(cleaned.get("caption") or "").split())
        cleaned["caption"] = caption
        if cleaned.get("photo") and not caption:
            self.add_error("caption", _("Please say in one sentence what the photo shows."))
        return cleaned


def single_line_free(value):
    """Free text as typed, without control characters other than line breaks, trimmed."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", str(value)).strip()
