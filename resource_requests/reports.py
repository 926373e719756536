"""From report to example: what an association tells once its request is done, and the draft engagement
example Redaktion makes of it with one click.

Invariants:

- **Only a done request takes a report**, one per request, while its status link works (not anonymised).
- **The photo is checked like a proof** (`proofs.check_file`: by content, JPEG or PNG only, re-encoded
  without metadata) and stored in the private storage "proofs" beside them; served only through the
  status link and to editors with the permission in the admin.
- **Nothing half-stored**: the photo is written first, then the row under the request's row lock; if
  that fails the photo is deleted again. Deleting a report (`purge_personal_data`, a deleted request)
  deletes its photo once the deletion has committed.
- **The example is a draft** under the German examples page: title, association, summary, story,
  year, district, engagement field, partners and the approved resources filled in; the photo becomes a
  Wagtail image only when the association consented (its caption as the text alternative). Page,
  image and the report's link to them are saved together or not at all; a report makes one example.
"""

import html
import io
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone, translation
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _

from .models import RequestItem, RequestReport, ResourceRequest, report_photo_path
from .proofs import PDF, Refused, check_file, delete_stored_file_on_commit

logger = logging.getLogger(__name__)


def can_report(resource_request):
    return resource_request.status == ResourceRequest.Status.DONE and resource_request.anonymised_at is None


def check_photo(upload):
    """The photo of a report: what `check_file` makes of it, but only an image."""
    checked = check_file(upload)
    if checked.content_type == PDF:
        raise Refused(_("Only a JPEG or PNG photo can be added to the report."))
    return checked


def store_report(resource_request, *, text, participants=None, photo=None, consent=False, caption=""):
    """Store the report of a done request: photo and row together, or neither. Returns the report."""
    report = RequestReport(
        request=resource_request,
        text=text,
        participants=participants,
        photo_consent=bool(photo and consent),
        caption=caption if photo else "",
        photo_type=photo.content_type if photo else "",
    )
    storage = report.photo.storage
    stored_name = (
        storage.save(report_photo_path(report, photo.name), ContentFile(photo.content)) if photo else ""
    )
    try:
        with transaction.atomic():
            locked = ResourceRequest.objects.select_for_update().get(pk=resource_request.pk)
            if not can_report(locked):
                raise Refused(_("A report can be written once the request is done."))
            if RequestReport.objects.filter(request=locked).exists():
                raise Refused(_("Your report has already arrived. To change it, please write to us."))
            report.photo.name = stored_name
            report.save()
    except BaseException:
        if stored_name:
            storage.delete(stored_name)
        raise
    return report


@receiver(post_delete, sender=RequestReport, dispatch_uid="report_photo_deleted_with_its_row")
def delete_photo_after_commit(sender, instance, **kwargs):
    """A deleted report takes its photo along."""
    delete_stored_file_on_commit(instance.photo)


# --- The draft example --------------------------------------------------------------------------------------


class ExampleError(Exception):
    """Why no example was made, for the editor."""


def examples_index():
    """The German engagement examples page, where new examples start."""
    from engagement.models import EngagementIndexPage

    return (
        EngagementIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("path")
        .first()
    )


def _german(objects, model):
    """The German versions (the examples page's language) of translatable snippets, where they exist."""
    keys = {obj.translation_key for obj in objects}
    found = {
        obj.translation_key: obj
        for obj in model.objects.filter(
            translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE
        )
    }
    return [found.get(obj.translation_key, obj) for obj in objects]


def _story(report):
    """The report's text as paragraphs, and how many came, in German (the example's language)."""
    paragraphs = [part.strip() for part in report.text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    story = "".join(f"<p>{html.escape(part).replace(chr(10), '<br>')}</p>" for part in paragraphs)
    if report.participants:
        with translation.override(settings.LANGUAGE_CODE):
            came = str(_("People who came: %(count)s") % {"count": report.participants})
        story += f"<p>{html.escape(came)}</p>"
    return story


def _image(report):
    from wagtail.images.models import Image

    with report.photo.open("rb") as handle:
        content = handle.read()
    suffix = ".png" if report.photo_type == "image/png" else ".jpg"
    title = report.caption or report.request.plan_title
    name = f"bericht-{slugify(report.request.reference)}{suffix}"
    return Image(title=Truncator(title).chars(250), file=ImageFile(io.BytesIO(content), name=name))


def _free_slug(parent, resource_request):
    """The plan's title as an address part, with the reference where a sibling has it already."""
    base = slugify(resource_request.plan_title)[:60].strip("-") or "beispiel"
    taken = set(parent.get_children().values_list("slug", flat=True))
    if base not in taken:
        return base
    return f"{base}-{slugify(resource_request.reference)}"


def make_example(report, user):
    """Turn `report` into a draft engagement example; returns the page. Raises `ExampleError`."""
    from catalogue.models import Resource
    from engagement.models import EngagementExamplePage
    from partners.models import PartnerOrganisation
    from taxonomy.models import EngagementField

    parent = examples_index()
    if parent is None:
        raise ExampleError(_("There is no page for engagement examples to put the example under."))
    if not parent.permissions_for_user(user).can_add_subpage():
        raise ExampleError(_("You may not add engagement examples."))
    resource_request = report.request
    items = resource_request.items.filter(status=RequestItem.Status.APPROVED, resource__isnull=False)
    resources = _german([item.resource for item in items.select_related("resource")], Resource)
    partners = _german(list(resource_request.partners.all()), PartnerOrganisation)
    fields = (
        _german([resource_request.engagement_field], EngagementField)
        if resource_request.engagement_field
        else []
    )
    year = (
        resource_request.plan_end or timezone.localdate(resource_request.closed_at or timezone.now())
    ).year
    image = None
    try:
        with transaction.atomic():
            locked = RequestReport.objects.select_for_update().get(pk=report.pk)
            if locked.example_id is not None:
                raise ExampleError(_("This report has already been turned into an example."))
            if report.photo and report.photo_consent:
                image = _image(report)
                image.save()
            page = EngagementExamplePage(
                title=Truncator(resource_request.plan_title).chars(255),
                association=resource_request.association_name,
                summary=Truncator(" ".join(report.text.split())).chars(300),
                story=_story(report),
                year=year,
                district=resource_request.district,
                image=image,
                image_alt=report.caption if image else "",
                slug=_free_slug(parent, resource_request),
                live=False,
                owner=user,
            )
            # Parental relations are kept on the unsaved page and written with it.
            page.engagement_fields.set(fields)
            page.partners.set(partners)
            page.resources.set(resources)
            parent.add_child(instance=page)
            page.save_revision(user=user, log_action=True)
            locked.example = page
            locked.example_created_at = timezone.now()
            locked.example_created_by = user
            locked.save(update_fields=["example", "example_created_at", "example_created_by"])
    except BaseException:
        if image is not None and image.file.name:
            image.file.storage.delete(image.file.name)
        raise
    return page
