"""What the change feed (`/api/v3/changes/`, `api.changes`) reads: one row per change a visitor can see.

Written by `api.tracking` from model signals, in the same transaction as the change itself."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def now():
    """The time of a change, to the millisecond: what JSON shows of it (Django's encoder keeps milliseconds),
    so the `next_since` a client sends back is exactly the newest entry's `at`."""
    moment = timezone.now()
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


class Change(models.Model):
    class Kind(models.TextChoices):
        PUBLISHED = "published", _("published")
        CHANGED = "changed", _("changed")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Reason(models.TextChoices):
        NONE = "", _("none")
        UNPUBLISHED = "unpublished", _("unpublished")
        DELETED = "deleted", _("deleted")
        PRIVATE = "private", _("made private")

    at = models.DateTimeField(_("time"), default=now, db_index=True)
    kind = models.CharField(_("kind of change"), max_length=20, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices, blank=True)
    item_type = models.CharField(_("item type"), max_length=40)
    item_id = models.PositiveIntegerField(_("item id"))
    detail_path = models.CharField(_("API address"), max_length=300, blank=True)
    locale = models.CharField(_("language"), max_length=10, blank=True)
    # The languages a visitor sees the item in, as ",de,en,tr," (a LIKE finds one on every database).
    languages = models.CharField(_("visible in"), max_length=60, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["item_type", "at"], name="api_change_type_at")]
        verbose_name = _("change")
        verbose_name_plural = _("changes")

    def __str__(self):
        return f"{self.item_type} {self.item_id} {self.kind}"

    @property
    def language_list(self):
        return [code for code in self.languages.split(",") if code]
