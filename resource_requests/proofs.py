"""Proofs of use: what an uploaded file really is, and how it is stored so nothing is half-stored.

Invariants:

- **Checked by content, never by name.** A file is a PDF when pypdf can parse it and it has a page; it
  is an image when Pillow opens it as JPEG or PNG and decodes every pixel. Anything else – an executable
  renamed `.pdf`, an SVG, a PDF that does not parse, an image bomb – is refused with a message in the
  visitor's language. The name the association gave only shows in the lists (shortened, cleaned).
- **Images are re-encoded** (Pillow, turned upright first): what is stored is pixels, without EXIF, GPS
  or comments. PDFs are kept as they are (a receipt must stay a receipt) and are only ever served as
  downloads (`Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`).
- **Limits**: `PROOFS_MAX_BYTES` (10 MB) per file, `PROOFS_MAX_FILES` (20) per request, counted under the
  request's row lock so two uploads at once cannot make 21.
- **Nothing half-stored**: the file is written first, then the row in one transaction; if the
  transaction fails the file is deleted again. Deleting a row (the team, `purge_personal_data`, a deleted
  request) deletes its file once the deletion has committed (`delete_file_after_commit`).
"""

import io
import logging
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from .models import Proof, RequestEvent, ResourceRequest, proof_path

logger = logging.getLogger(__name__)

PDF = "application/pdf"
IMAGE_TYPES = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png")}
# Larger images are refused before they are decoded (a 10 MB PNG can unpack to gigabytes).
MAX_PIXELS = 40_000_000


class Refused(Exception):
    """A file or value that cannot be taken; `message` says why, in the visitor's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class CheckedFile:
    content: bytes
    content_type: str
    suffix: str
    name: str


def max_megabytes():
    return settings.PROOFS_MAX_BYTES // (1024 * 1024)


def clean_name(name, suffix):
    """The name to show: no path, no control characters, at most 100 characters, the real suffix."""
    name = unicodedata.normalize("NFC", str(name or "")).replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()
    stem = name.rsplit(".", 1)[0].strip() if "." in name else name
    return (stem[:100] or "proof") + suffix


def check_file(upload):
    """Read an uploaded file and return what it really is (`CheckedFile`), or raise `Refused`."""
    if upload is None:
        raise Refused(_("Please choose a file."))
    limit = settings.PROOFS_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise Refused(_("The file is larger than %(size)s MB.") % {"size": max_megabytes()})
    upload.seek(0)
    content = upload.read(limit + 1)
    if len(content) > limit:
        raise Refused(_("The file is larger than %(size)s MB.") % {"size": max_megabytes()})
    if not content:
        raise Refused(_("The file is empty."))
    if content.lstrip()[:5] == b"%PDF-":
        _check_pdf(content)
        return CheckedFile(content, PDF, ".pdf", clean_name(upload.name, ".pdf"))
    data, content_type, suffix = _reencode_image(content)
    return CheckedFile(data, content_type, suffix, clean_name(upload.name, suffix))


def _wrong_type():
    return Refused(_("Only PDF, JPEG and PNG files can be uploaded; this file is none of them."))


def _check_pdf(content):
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            raise Refused(_("The PDF is protected by a password. Please upload it without one."))
        if len(reader.pages) < 1:
            raise _wrong_type()
    except Refused:
        raise
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError) as error:
        logger.info("proof refused: PDF does not parse (%s)", type(error).__name__)
        raise Refused(_("The PDF could not be read. Please save it again and upload the new file.")) from None


def _reencode_image(content):
    """Open as JPEG or PNG, decode every pixel, turn upright, store pixels only (no metadata)."""
    try:
        with Image.open(io.BytesIO(content)) as image:
            if image.format not in IMAGE_TYPES:
                raise _wrong_type()
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise Refused(_("The image has too many pixels. Please make it smaller."))
            image.load()
            kind = image.format
            upright = ImageOps.exif_transpose(image)
    except Refused:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError):
        raise _wrong_type() from None
    content_type, suffix = IMAGE_TYPES[kind]
    output = io.BytesIO()
    if kind == "JPEG":
        if upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        upright.save(output, format="JPEG", quality=90, optimize=True)
    else:
        if upright.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            upright = upright.convert("RGBA")
        upright.save(output, format="PNG", optimize=True)
    return output.getvalue(), content_type, suffix


def parse_amount(value, required):
    """The amount of a receipt as typed ("12,50" or "12.50"); None when not required and empty. On Arabic
    pages, which show amounts as "1,500.50" (CLDR, portal/formats/ar), a comma separates thousands."""
    text = str(value or "").strip().replace("€", "").replace(" ", "")
    if (translation.get_language() or "").startswith("ar"):
        text = text.replace(",", "").replace("٫", ".").replace("٬", "")
    if not text:
        if required:
            raise Refused(_("Please enter the amount of the receipt."))
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    if not re.fullmatch(r"\d{1,8}(\.\d{1,2})?", text):
        raise Refused(_("Please enter the amount in euros, e.g. 125,50."))
    amount = Decimal(text)
    if amount <= 0:
        raise Refused(_("The amount must be more than 0 €."))
    return amount


def store(resource_request, item, kind, checked, amount=None):
    """Store a checked file for an approved line: file and row together, or neither. Returns the Proof."""
    proof = Proof(
        request=resource_request,
        item=item,
        kind=kind,
        name=checked.name,
        content_type=checked.content_type,
        size=len(checked.content),
        amount=amount,
    )
    storage = proof.file.storage
    stored_name = storage.save(proof_path(proof, checked.name), ContentFile(checked.content))
    try:
        with transaction.atomic():
            locked = ResourceRequest.objects.select_for_update().get(pk=resource_request.pk)
            if locked.anonymised_at is not None:
                raise Refused(_("This request is closed."))
            if Proof.objects.filter(request=locked).count() >= settings.PROOFS_MAX_FILES:
                raise Refused(
                    _("A request can have at most %(count)s files. Please ask the team before you add more.")
                    % {"count": settings.PROOFS_MAX_FILES}
                )
            proof.file.name = stored_name
            proof.save()
            RequestEvent.objects.create(
                request=locked, kind=RequestEvent.Kind.PROOF, item=item, text=proof.name, public=True
            )
    except BaseException:
        storage.delete(stored_name)
        raise
    return proof


def delete_stored_file_on_commit(field_file):
    """Delete a row's private file once the row's deletion is committed (a rollback keeps both)."""
    name, storage = field_file.name, field_file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@receiver(post_delete, sender=Proof, dispatch_uid="proof_file_deleted_with_its_row")
def delete_file_after_commit(sender, instance, **kwargs):
    """A deleted proof takes its file along."""
    delete_stored_file_on_commit(instance.file)
