"""After the decision: the checklist on the status page, uploads of proofs of use (checked by content,
stored privately, served only under the status link or to the team), their review in the admin with a
mail to the association, equipment returns, and proofs purged with the request's personal data."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from markup import parse, select, select_one, text
from PIL import Image

from catalogue import availability
from catalogue.factories import ResourceFactory
from home.models import OutgoingEmail
from resource_requests import proofs, service
from resource_requests.factories import item, make_request
from resource_requests.models import ChecklistTemplate, Proof, RequestEvent, ResourceRequest

pytestmark = pytest.mark.django_db

DAY = timezone.localdate() + datetime.timedelta(days=20)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def german():
    """Messages are checked in German, and admin addresses carry /de/, whatever an earlier test left."""
    with translation.override("de"):
        yield


@pytest.fixture
def private_storage():
    """The folder of the private storage "proofs" (test settings: var/test-proofs-<worker>, outside MEDIA_ROOT)."""
    return Path(Proof._meta.get_field("file").storage.location)


def files_in(folder):
    return {path for path in folder.rglob("*") if path.is_file()} if folder.exists() else set()


def png_bytes(size=(40, 30), comment=None):
    picture = Image.new("RGB", size, (200, 30, 30))
    buffer = io.BytesIO()
    info = {}
    if comment:
        from PIL import PngImagePlugin

        info["pnginfo"] = PngImagePlugin.PngInfo()
        info["pnginfo"].add_text("Comment", comment)
    picture.save(buffer, format="PNG", **info)
    return buffer.getvalue()


def jpeg_with_gps():
    picture = Image.new("RGB", (50, 40), (10, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "Kamera GmbH"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def make_pdf():
    """A real one-page PDF, made by Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), "white").save(buffer, format="PDF")
    return buffer.getvalue()


PDF = make_pdf()


def pdf_bytes():
    return PDF


EXECUTABLE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
    + b"\x00" * 200
    + b"This program cannot be run in DOS mode"
)


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def budget():
    return ResourceFactory(
        money=True, title="Testbudget", budget=Decimal(5000), max_amount_per_request=Decimal(900)
    )


@pytest.fixture
def projector():
    return ResourceFactory(title="Testbeamer", units=2, pickup_place="VMDO-Büro, Beuthstraße 21")


@pytest.fixture
def approved(budget, projector):
    """A request with 800 € (above the 500 € threshold: two quotes) and a projector, both approved."""
    stored = make_request(
        [item(budget, amount=Decimal(800)), item(projector, 1, DAY, DAY + datetime.timedelta(days=2))],
        email="leyla@example.org",
        plan_end=DAY + datetime.timedelta(days=2),
    )
    for line in stored.items.all():
        service.approve_item(line, None, notify=False)
    stored.refresh_from_db()
    return stored


def money_line(resource_request):
    return resource_request.items.get(kind="money")


def status(resource_request, language="de"):
    prefix = {"de": "/de/anfrage", "ar": "/ar/request", "en": "/en/request"}[language]
    return f"{prefix}/status/{resource_request.token}/"


def send(client, resource_request, content, name="beleg.pdf", kind="receipt", amount="120,50", line=None):
    line = line or money_line(resource_request)
    prefix = f"proof-{line.pk}"
    return client.post(
        status(resource_request) + "proofs/",
        {
            "item": line.pk,
            f"{prefix}-kind": kind,
            f"{prefix}-amount": amount,
            f"{prefix}-file": upload(name, content),
        },
    )


# --- The checklist ------------------------------------------------------------------------------------------


def test_the_status_page_shows_what_is_due_per_approved_line(client, approved):
    response = client.get(status(approved))
    assert response.status_code == 200
    page = parse(response.content)
    money = select_one(page, f"#due-{money_line(approved).pk}")
    assert "800 €" in text(money)
    assert "Angebote" in text(money) and "0 von 2" in text(money), "above 500 € two quotes are due"
    due = DAY + datetime.timedelta(days=2 + 30)
    assert select(money, f"time[datetime='{due.isoformat()}']"), "deadline: plan end + 30 days"
    assert "Laden Sie alle Rechnungen" in text(money), "the editors' checklist for money, in German"
    lent = select_one(page, f"#due-{approved.items.get(kind='lendable').pk}")
    assert select_one(lent, f"time[datetime='{DAY.isoformat()}']")
    assert select_one(lent, f"time[datetime='{(DAY + datetime.timedelta(days=2)).isoformat()}']")
    assert "Beuthstraße 21" in text(lent) and "Ausweis" in text(lent)
    assert select_one(money, "form[enctype='multipart/form-data']")
    assert select(lent, "form") == [], "items need no upload"


def test_the_checklist_follows_the_page_language(client, approved):
    response = client.get(status(approved, "ar"))
    page = parse(response.content)
    money = select_one(page, f"#due-{money_line(approved).pk}")
    assert "ارفعوا جميع الفواتير" in text(money)
    assert "بحد أقصى 10 ميغابايت" in text(money), "the upload's help text in the page's language"
    assert "höchstens" not in text(money) and "at most" not in text(money)
    assert ChecklistTemplate.objects.filter(kind="money").count() == 6, "the demo translates every checklist"


def test_undecided_requests_show_no_checklist(client, budget):
    stored = make_request([item(budget, amount=Decimal(100))])
    page = parse(client.get(status(stored)).content)
    assert select(page, "#status-due") == []


# --- Uploads ------------------------------------------------------------------------------------------------


def test_a_real_pdf_is_stored_privately_with_its_amount(client, approved, private_storage, settings):
    response = send(client, approved, pdf_bytes(), name="Rechnung Druckerei.pdf", amount="120,50")
    assert response.status_code == 302 and response["Location"].endswith(f"#due-{money_line(approved).pk}")
    proof = Proof.objects.get(request=approved)
    assert (proof.kind, proof.amount, proof.content_type) == ("receipt", Decimal("120.50"), "application/pdf")
    assert proof.name == "Rechnung Druckerei.pdf"
    stored = private_storage / proof.file.name
    assert stored.read_bytes() == pdf_bytes()
    assert "Rechnung" not in proof.file.name, "the stored name is random"
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))
    page = parse(client.get(status(approved)).content)
    money = select_one(page, f"#due-{money_line(approved).pk}")
    assert "120,50 € von 800 €" in text(money), "the receipts are summed against the grant"
    assert RequestEvent.objects.filter(request=approved, kind=RequestEvent.Kind.PROOF).exists()


def test_receipts_above_the_grant_are_kept_and_the_page_says_what_is_paid(client, approved, private_storage):
    assert send(client, approved, pdf_bytes(), amount="700").status_code == 302
    money = select_one(parse(client.get(status(approved)).content), f"#due-{money_line(approved).pk}")
    assert "mehr als bewilligt" not in text(money)
    assert send(client, approved, pdf_bytes(), name="zweite.pdf", amount="9000").status_code == 302
    money = select_one(parse(client.get(status(approved)).content), f"#due-{money_line(approved).pk}")
    assert "9.700 € von 800 €" in text(money)
    assert "Das ist mehr als bewilligt: Wir zahlen höchstens 800 €." in text(money)


def test_images_are_re_encoded_without_their_metadata(client, approved, private_storage):
    assert send(client, approved, png_bytes(comment="Leyla Demir, Hörde"), name="foto.png").status_code == 302
    assert (
        send(client, approved, jpeg_with_gps(), name="quittung.JPG", kind="quote", amount="").status_code
        == 302
    )
    png, jpeg = Proof.objects.filter(request=approved).order_by("pk")
    assert png.content_type == "image/png" and b"Leyla" not in (private_storage / png.file.name).read_bytes()
    with Image.open(private_storage / jpeg.file.name) as stored:
        assert stored.format == "JPEG" and not stored.getexif()
    assert jpeg.kind == "quote" and jpeg.amount is None and jpeg.name == "quittung.jpg"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rechnung.pdf", EXECUTABLE, "Nur PDF-, JPEG- und PNG-Dateien"),
        ("bild.png", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "Nur PDF-, JPEG- und PNG-Dateien"),
        ("kaputt.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF", "PDF konnte nicht gelesen"),
        ("gif.png", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "Nur PDF-, JPEG- und PNG-Dateien"),
    ],
)
def test_files_that_are_not_what_they_say_are_refused(
    client, approved, private_storage, name, content, message
):
    before = files_in(private_storage)
    response = send(client, approved, content, name=name)
    assert response.status_code == 400
    page = parse(response.content)
    summary = select_one(page, ".proof-form .error-summary")
    assert message in text(summary), text(summary)
    assert not Proof.objects.exists()
    assert files_in(private_storage) == before, "nothing half-stored"


def test_refusals_come_in_the_visitors_language(client, approved):
    line = money_line(approved)
    prefix = f"proof-{line.pk}"
    response = client.post(
        status(approved, "ar") + "proofs/",
        {
            "item": line.pk,
            f"{prefix}-kind": "receipt",
            f"{prefix}-amount": "1",
            f"{prefix}-file": upload("x.pdf", EXECUTABLE),
        },
    )
    assert response.status_code == 400
    with translation.override("ar"):
        expected = str(proofs._wrong_type().message)
    assert (
        expected in response.content.decode()
        and expected != "Only PDF, JPEG and PNG files can be uploaded; this file is none of them."
    )


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("", "Bitte geben Sie den Betrag"),
        ("zwölf", "Betrag in Euro"),
        ("0", "mehr als 0"),
        ("-5", "Betrag in Euro"),
    ],
)
def test_a_receipt_needs_a_valid_amount(client, approved, amount, message):
    response = send(client, approved, pdf_bytes(), amount=amount)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Proof.objects.exists()


def test_files_above_the_size_limit_are_refused(client, approved, settings):
    settings.PROOFS_MAX_BYTES = 1024
    response = send(client, approved, png_bytes(size=(600, 600)) + b"\x00" * 2048, name="gross.png")
    assert response.status_code == 400 and "größer als" in response.content.decode()
    assert not Proof.objects.exists()


def test_at_most_so_many_files_per_request(client, approved, settings):
    settings.PROOFS_MAX_FILES = 2
    assert send(client, approved, pdf_bytes()).status_code == 302
    assert send(client, approved, pdf_bytes()).status_code == 302
    response = send(client, approved, pdf_bytes())
    assert response.status_code in (200, 400)
    assert Proof.objects.filter(request=approved).count() == 2
    page = parse(client.get(status(approved)).content)
    assert select(page, ".proof-form") == [], "no form once the limit is reached"


def test_a_failed_database_write_leaves_no_file(approved, private_storage, monkeypatch):
    checked = proofs.check_file(upload("a.pdf", pdf_bytes()))
    before = files_in(private_storage)

    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(RequestEvent.objects, "create", broken)
    with pytest.raises(RuntimeError):
        proofs.store(approved, money_line(approved), Proof.Kind.RECEIPT, checked, Decimal(1))
    assert not Proof.objects.exists()
    assert files_in(private_storage) == before


def test_uploads_only_to_approved_money_lines(client, approved):
    lent = approved.items.get(kind="lendable")
    response = send(client, approved, pdf_bytes(), line=lent)
    assert response.status_code == 302 and not Proof.objects.exists()


# --- Private serving --------------------------------------------------------------------------------------------


def test_a_proof_is_served_only_under_its_own_status_link(client, approved, budget):
    send(client, approved, pdf_bytes())
    proof = Proof.objects.get()
    response = client.get(status(approved) + f"proofs/{proof.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    other = make_request([item(budget, amount=Decimal(50))])
    assert client.get(status(other) + f"proofs/{proof.pk}/").status_code == 404
    assert client.get(f"/de/anfrage/status/{'x' * 43}/proofs/{proof.pk}/").status_code == 404
    assert client.get(f"/media/{proof.file.name}").status_code == 404
    assert proof.file.name not in client.get(status(approved)).content.decode()


def test_images_are_shown_inline(client, approved):
    send(client, approved, png_bytes(), name="foto.png")
    proof = Proof.objects.get()
    response = client.get(status(approved) + f"proofs/{proof.pk}/")
    assert response["Content-Type"] == "image/png" and response["Content-Disposition"].startswith("inline")


# --- Review in the admin --------------------------------------------------------------------------------------


def consultant(client, *extra):
    user = get_user_model().objects.create_user("beratung", "beratung@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name="Beratungsteam"))
    client.force_login(user)
    return user


def test_the_team_sees_downloads_and_reviews_with_a_mail(
    client, approved, django_capture_on_commit_callbacks
):
    send(client, approved, pdf_bytes(), name="Rechnung.pdf")
    proof = Proof.objects.get()
    consultant(client)
    page_url = reverse("resource_request:inspect", args=[approved.pk])
    page = parse(client.get(page_url).content)
    row = select_one(page, f"#proof-{proof.pk}")
    assert "Rechnung.pdf" in text(row)
    download = reverse("resource_request:proof_file", args=[approved.pk, proof.pk])
    assert select_one(row, f"a[href='{download}']")
    response = client.get(download)
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"

    review = reverse("resource_request:review_proof", args=[approved.pk, proof.pk])
    asking = client.post(review, {"status": "more_needed", "note": "Bitte die zweite Seite."})
    assert asking.status_code == 200 and "confirmed" in asking.content.decode(), "a mail is confirmed first"
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            review, {"status": "more_needed", "note": "Bitte die zweite Seite.", "confirmed": "1"}
        )
    assert done.status_code == 302
    proof.refresh_from_db()
    assert proof.status == Proof.Status.MORE_NEEDED and proof.reviewed_by.username == "beratung"
    mail = OutgoingEmail.objects.filter(subject__contains=approved.reference).latest("pk")
    assert mail.recipients == ["leyla@example.org"] and "Bitte die zweite Seite." in mail.body_text
    assert approved.token in mail.body_text, "the mail carries the status link"
    client.logout()
    status_page = parse(client.get(status(approved)).content)
    assert "Bitte die zweite Seite." in text(select_one(status_page, f"#due-{proof.item_id}"))
    assert "Mehr benötigt" in text(select_one(status_page, f"#due-{proof.item_id}"))


def test_more_needed_needs_a_note(approved, client):
    send(client, approved, pdf_bytes())
    with pytest.raises(service.DecisionError):
        service.review_proof(Proof.objects.get(), None, Proof.Status.MORE_NEEDED, "  ")


def test_admin_downloads_need_the_permission(client, approved):
    send(client, approved, pdf_bytes())
    proof = Proof.objects.get()
    download = reverse("resource_request:proof_file", args=[approved.pk, proof.pk])

    def gets_the_file():
        response = client.get(download, follow=True)
        return response.status_code == 200 and response["Content-Type"] == "application/pdf"

    client.logout()
    assert not gets_the_file()
    user = get_user_model().objects.create_user("redaktion", "r@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(user)
    assert not gets_the_file()
    user.user_permissions.add(Permission.objects.get(codename="view_resourcerequest"))
    assert not gets_the_file(), "seeing requests is not enough"
    user.user_permissions.add(Permission.objects.get(codename="view_proof"))
    user = get_user_model().objects.get(pk=user.pk)  # permissions are cached on the object
    client.force_login(user)
    assert gets_the_file(), "requests and proofs of use together"
    other = make_request([])
    wrong = reverse("resource_request:proof_file", args=[other.pk, proof.pk])
    assert client.get(wrong, follow=True).status_code == 404, "a proof only under its own request"


def test_a_return_is_confirmed_and_an_early_one_frees_the_units(client, approved, projector):
    lent = approved.items.get(kind="lendable")
    consultant(client)
    assert availability.free_units_by_day(projector, DAY, DAY)[DAY] == 1
    response = client.post(reverse("resource_request:returned", args=[approved.pk, lent.pk]))
    assert response.status_code == 302
    lent.refresh_from_db()
    assert lent.returned_at
    assert lent.reservation.end == lent.reservation.start, "returned before the period: the reservation ends"
    assert (
        availability.free_units_by_day(
            projector, DAY + datetime.timedelta(days=1), DAY + datetime.timedelta(days=1)
        )[DAY + datetime.timedelta(days=1)]
        == 2
    )
    again = client.post(reverse("resource_request:returned", args=[approved.pk, lent.pk]))
    assert (
        again.status_code == 302 and RequestEvent.objects.filter(kind=RequestEvent.Kind.RETURNED).count() == 1
    )
    page = parse(client.get(status(approved)).content)
    assert "zurückgegeben" in text(select_one(page, f"#due-{lent.pk}"))


# --- Privacy ----------------------------------------------------------------------------------------------------


def test_proofs_are_purged_with_the_personal_data(
    client, approved, private_storage, settings, django_capture_on_commit_callbacks
):
    send(client, approved, pdf_bytes())
    proof = Proof.objects.get()
    path = private_storage / proof.file.name
    assert path.exists()
    service.change_status(approved, ResourceRequest.Status.DONE, None, notify=False)
    ResourceRequest.objects.filter(pk=approved.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=settings.REQUESTS_KEEP_DAYS + 1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_personal_data", verbosity=0)
    assert not Proof.objects.exists()
    assert not path.exists(), "the file goes with its row"


def test_the_dashboard_lists_what_is_overdue_across_requests(client, budget):
    late = make_request(
        [item(budget, amount=Decimal(100))], plan_end=timezone.localdate() - datetime.timedelta(days=60)
    )
    service.approve_item(late.items.get(), None, notify=False)
    on_time = make_request([item(budget, amount=Decimal(100))], plan_end=timezone.localdate())
    service.approve_item(on_time.items.get(), None, notify=False)
    consultant(client)
    page = parse(client.get(reverse("wagtailadmin_home")).content)
    panel = text(select_one(page, "section[id^='catalogue-requests']"))
    assert late.reference in panel and on_time.reference not in panel
    assert "überfällig" in panel
