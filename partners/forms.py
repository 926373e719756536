"""The contact form on a partner's page."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.antispam import HoneypotFormMixin


def single_line(value):
    """Names go into e-mail headers and subjects: no line breaks or other control characters."""
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise ValidationError(_("Please write this on one line."), code="control_characters")


class PartnerContactForm(HoneypotFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        validators=[single_line],
        error_messages={"required": _("Please enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    association = forms.CharField(
        label=_("Your association or organisation"),
        max_length=200,
        validators=[single_line],
        error_messages={"required": _("Please enter the name of your association or organisation.")},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("The partner organisation replies to this address."),
        error_messages={
            "required": _("Please enter your e-mail address, so the partner can reply."),
            "invalid": _("Please enter a complete e-mail address, like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        min_length=20,
        help_text=_("Who you are, what you plan and how the partner could help (at most 5000 characters)."),
        error_messages={"required": _("Please write a message.")},
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my details and my message are stored and passed on to this partner organisation."
        ),
        error_messages={"required": _("Please agree, otherwise we cannot pass on your message.")},
    )

    field_order = ["name", "association", "email", "message", "consent"]
