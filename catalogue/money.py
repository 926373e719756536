"""Amounts of money as visitors read them."""

from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext


def format_euro(value):
    """An amount in the active language's number format, the euro sign where that language puts it."""
    if value in (None, ""):
        return ""
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else 2
    amount = formats.number_format(value, places, use_l10n=True, force_grouping=True)
    return gettext("%(amount)s €") % {"amount": amount}
