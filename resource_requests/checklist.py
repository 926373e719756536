"""What is due after the decision: one checklist per approved line of a request, for the status page.

Each checklist joins what editors wrote for the kind of offer (`ChecklistTemplate`, in the page's
language, German where it is not translated) with the line's own facts, taken from what was approved:

- money: the granted amount (`Grant`), the receipts uploaded and their sum against it, and – when the
  money asked for in the request is above the programme's threshold (`ProgrammeRules`, 500 €), the
  same rule the form showed before sending – two quotes; a deadline: the end of the plan (or the
  decision day) plus the template's `proof_days`;
- items to borrow: pick-up and return dates (the approved period), the place, returned or not;
- rooms: the key handover (the reservation's first day), the place, until when;
- coaching: the appointment (date, time, place) once the Beratungsteam set it in the admin
  (`RequestItem.appointment_at`, `appointment_place`), until then the template's text;
- other offers: the template's text.

A line is "complete" for money once accepted receipts cover the grant (and two quotes are accepted
where needed); for items and rooms once the team confirmed the return.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from catalogue.models import ProgrammeRules, Resource

from .models import ChecklistTemplate, Proof, RequestItem

DEFAULT_PROOF_DAYS = 30


@dataclass
class Checklist:
    item: RequestItem
    template: ChecklistTemplate | None = None
    place: str = ""
    proofs: list = field(default_factory=list)
    granted: Decimal | None = None
    receipts_total: Decimal = Decimal(0)
    accepted_total: Decimal = Decimal(0)
    quotes_needed: int = 0
    quotes_accepted: int = 0
    quotes_count: int = 0
    due: datetime.date | None = None
    pick_up: datetime.date | None = None
    give_back: datetime.date | None = None
    returned_at: datetime.datetime | None = None
    appointment: datetime.datetime | None = None

    @property
    def kind(self):
        return self.item.kind

    @property
    def takes_proofs(self):
        return self.item.counts_money

    @property
    def complete(self):
        if self.item.counts_money:
            return (
                self.granted is not None
                and self.accepted_total >= self.granted
                and self.quotes_accepted >= self.quotes_needed
            )
        if self.item.kind == Resource.Kind.LENDABLE:
            return self.returned_at is not None
        return False

    @property
    def receipts_above_grant(self):
        """Receipts may add up to more than the grant (a project can cost more); the page says that only
        the grant is paid, and a mistyped amount shows at once."""
        return self.granted is not None and self.receipts_total > self.granted

    @property
    def overdue(self):
        today = timezone.localdate()
        if self.complete:
            return False
        if self.item.counts_money:
            return self.due is not None and self.due < today
        if self.item.kind == Resource.Kind.LENDABLE:
            return self.give_back is not None and self.give_back < today and self.returned_at is None
        return False

    @property
    def more_needed(self):
        return [proof for proof in self.proofs if proof.status == Proof.Status.MORE_NEEDED]


def templates_for(locale):
    """The checklist template of each kind in `locale`, German where that language has none."""
    default = settings.LANGUAGE_CODE
    found = {}
    rows = ChecklistTemplate.objects.filter(
        locale__language_code__in={locale.language_code if locale else default, default}
    ).select_related("locale")
    for template in sorted(rows, key=lambda row: row.locale.language_code != default):
        found[template.kind] = template  # the page's language wins over German
    return found


def _places(items, locale):
    """Where to get each line's resource: in `locale` where that version names a place, else any."""
    keys = {item.resource.translation_key for item in items if item.resource_id}
    places = {}
    for resource in Resource.objects.filter(translation_key__in=keys).only(
        "translation_key", "locale_id", "pickup_place"
    ):
        mine = resource.locale_id == getattr(locale, "pk", None)
        if resource.pickup_place and (mine or resource.translation_key not in places):
            places[resource.translation_key] = resource.pickup_place
    return places


def checklists(resource_request, items, locale, threshold=None, templates=None):
    """The checklists of the approved lines of `resource_request` (its `items`), in `locale`.

    A caller that lists many requests passes `threshold` and `templates` (`templates_for`) once."""
    approved = [item for item in items if item.status == RequestItem.Status.APPROVED]
    if not approved:
        return []
    if templates is None:
        templates = templates_for(locale)
    units = [item for item in approved if item.counts_units]
    places = _places(units, locale) if units else {}
    proofs = {}
    for proof in resource_request.proofs.all():
        proofs.setdefault(proof.item_id, []).append(proof)
    if threshold is None:
        threshold = ProgrammeRules.load().decision_threshold
    asked = sum((item.amount or Decimal(0) for item in items if item.counts_money), Decimal(0))
    result = []
    for item in approved:
        template = templates.get(item.kind)
        entry = Checklist(
            item=item,
            template=template,
            place=places.get(item.resource.translation_key, "") if item.resource_id else "",
            proofs=proofs.get(item.pk, []),
            returned_at=item.returned_at,
        )
        if item.counts_money:
            entry.granted = item.approved_amount
            receipts = [proof for proof in entry.proofs if proof.kind == Proof.Kind.RECEIPT]
            entry.receipts_total = sum((proof.amount or Decimal(0) for proof in receipts), Decimal(0))
            entry.accepted_total = sum(
                (proof.amount or Decimal(0) for proof in receipts if proof.status == Proof.Status.ACCEPTED),
                Decimal(0),
            )
            quotes = [proof for proof in entry.proofs if proof.kind == Proof.Kind.QUOTE]
            entry.quotes_count = len(quotes)
            entry.quotes_accepted = sum(1 for proof in quotes if proof.status == Proof.Status.ACCEPTED)
            entry.quotes_needed = 2 if asked > threshold else 0
            days = template.proof_days if template is not None else DEFAULT_PROOF_DAYS
            start = resource_request.plan_end or (
                timezone.localdate(item.decided_at) if item.decided_at else timezone.localdate()
            )
            entry.due = start + datetime.timedelta(days=days)
        elif item.kind == Resource.Kind.COACHING:
            entry.appointment = item.appointment_at
            entry.place = item.appointment_place
        elif item.counts_units:
            # The approved period (the reservation's dates when it was made; the reservation itself may
            # end early with an early return, or run on while an item is not back: `reminders.py`).
            entry.pick_up = item.start
            entry.give_back = item.end
        result.append(entry)
    return result
