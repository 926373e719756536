"""What feeds availability: reservations of units and grants of money.

These are records of what happened, not content: editors enter them in the admin today, and the
request workflow (issue 6) will create them. They are plain models, not children of the resource, so
they never enter the resource's revisions, drafts or translations. A reservation or grant may point at
the resource in any language; availability adds up everything recorded for the same resource (its
`translation_key`), so a reservation made on the Arabic page counts for the German one too.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class StockStatus(models.TextChoices):
    """Only approved entries count against availability; the request workflow starts at "requested"."""

    REQUESTED = "requested", _("requested")
    APPROVED = "approved", _("approved")
    CANCELLED = "cancelled", _("cancelled")


class Reservation(models.Model):
    """Units of an item or a room set aside for a period (both days included)."""

    Status = StockStatus

    resource = models.ForeignKey(
        "catalogue.Resource",
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="reservations",
    )
    quantity = models.PositiveIntegerField(_("units"), default=1, validators=[MinValueValidator(1)])
    start = models.DateField(_("from"))
    end = models.DateField(_("until (inclusive)"))
    status = models.CharField(
        _("status"), max_length=20, choices=StockStatus.choices, default=StockStatus.APPROVED
    )
    reference = models.CharField(
        _("reference"), max_length=60, blank=True, help_text=_("e.g. the request number. No personal data.")
    )
    note = models.TextField(_("internal note"), max_length=500, blank=True, help_text=_("No personal data."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("resource"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("quantity")]),
        FieldPanel("status"),
        FieldPanel("reference"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")
        ordering = ["-start", "-pk"]
        indexes = [models.Index(fields=["status", "start", "end"], name="reservation_period")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="reservation_in_order"
            ),
            models.CheckConstraint(condition=models.Q(quantity__gte=1), name="reservation_at_least_one"),
        ]

    def __str__(self):
        return (
            f"{self.resource} · {formats.date_format(self.start, 'SHORT_DATE_FORMAT')}–"
            + formats.date_format(self.end, "SHORT_DATE_FORMAT")
        )

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end lies before the start.")})
        if not self.resource_id or not self.start or not self.end:
            return
        resource = self.resource
        if not resource.counts_units:
            raise ValidationError({"resource": _("Only items to borrow and rooms can be reserved.")})
        if resource.available_from and self.start < resource.available_from:
            raise ValidationError(
                {
                    "start": _("The resource is offered only from %(date)s.")
                    % {"date": formats.date_format(resource.available_from)}
                }
            )
        if resource.available_until and self.end > resource.available_until:
            raise ValidationError(
                {
                    "end": _("The resource is offered only until %(date)s.")
                    % {"date": formats.date_format(resource.available_until)}
                }
            )
        if self.status == StockStatus.APPROVED:
            # availability.py computes from these models (resources, reservations, grants): imported when used.
            from catalogue.availability import free_units_by_day

            free = free_units_by_day(resource, self.start, self.end, exclude=self.pk)
            short = [day for day, units in free.items() if units < self.quantity]
            if short:
                day = short[0]
                raise ValidationError(
                    {
                        "quantity": _("On %(date)s only %(free)s of %(units)s units are free.")
                        % {
                            "date": formats.date_format(day),
                            "free": max(free[day], 0),
                            "units": resource.units,
                        }
                    }
                )

    @property
    def days(self):
        return (self.end - self.start).days + 1


class Grant(models.Model):
    """An amount of money granted from a resource's budget."""

    Status = StockStatus

    resource = models.ForeignKey(
        "catalogue.Resource",
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="grants",
    )
    amount = models.DecimalField(
        _("amount (€)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    granted_on = models.DateField(_("granted on"), default=datetime.date.today)
    status = models.CharField(
        _("status"), max_length=20, choices=StockStatus.choices, default=StockStatus.APPROVED
    )
    reference = models.CharField(
        _("reference"), max_length=60, blank=True, help_text=_("e.g. the request number. No personal data.")
    )
    note = models.TextField(_("internal note"), max_length=500, blank=True, help_text=_("No personal data."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("resource"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("granted_on")]),
        FieldPanel("status"),
        FieldPanel("reference"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["-granted_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="grant_positive"),
        ]

    def __str__(self):
        return f"{self.resource} · {formats.number_format(self.amount, 2, force_grouping=True)} €"

    def clean(self):
        super().clean()
        if not self.resource_id or self.amount is None:
            return
        resource = self.resource
        if not resource.counts_money:
            raise ValidationError({"resource": _("Only money resources have a budget to grant from.")})
        if self.status == StockStatus.APPROVED:
            # availability.py computes from these models (resources, reservations, grants): imported when used.
            from catalogue.availability import budget_left

            left = budget_left(resource, exclude=self.pk)
            if self.amount > left:
                raise ValidationError(
                    {
                        "amount": _("Only %(left)s € of the budget are left.")
                        % {"left": formats.number_format(max(left, 0), 2, force_grouping=True)}
                    }
                )
