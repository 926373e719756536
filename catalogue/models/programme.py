"""The programme's rules, editable by editors (Settings → Programme rules), never a literal in templates."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="list-ul")
class ProgrammeRules(BaseGenericSetting):
    """Up to the threshold the House of Resources team decides; above it a jury decides, taking part in
    the application workshop is required and two comparable quotes are needed."""

    decision_threshold = models.DecimalField(
        _("team decides up to (€)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal(500),
        validators=[MinValueValidator(0)],
        help_text=_(
            "Requests up to this amount are decided by the team. Above it a jury decides, the application "
            "workshop is required and two comparable quotes are needed."
        ),
    )

    panels = [FieldPanel("decision_threshold")]

    class Meta:
        verbose_name = _("programme rules")
