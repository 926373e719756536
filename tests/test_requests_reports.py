"""After the request: the association's report on its status page (a photo checked by content, stored
privately, served only under the status link or to editors), Redaktion's one click from report to draft
engagement example, the report purged with the request's personal data, and the coaching appointment
the Beratungsteam sets in the admin shown in the line's checklist (status page and API)."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from markup import parse, select, select_one, text
from PIL import Image
from wagtail.images.models import Image as WagtailImage

from catalogue.factories import ResourceFactory
from engagement.models import EngagementExamplePage
from home.models import OutgoingEmail
from partners.factories import PartnerOrganisationFactory
from resource_requests import reports, service
from resource_requests.factories import item, make_request
from resource_requests.models import RequestReport, ResourceRequest
from taxonomy.factories import EngagementFieldFactory

pytestmark = pytest.mark.django_db

DAY = timezone.localdate() - datetime.timedelta(days=10)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


@pytest.fixture
def private_storage():
    return Path(RequestReport._meta.get_field("photo").storage.location)


def files_in(folder):
    return {path for path in folder.rglob("*") if path.is_file()} if folder.exists() else set()


def jpeg_with_gps():
    picture = Image.new("RGB", (64, 48), (10, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "Kamera GmbH"
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def pdf_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), "white").save(buffer, format="PDF")
    return buffer.getvalue()


EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200 + b"This program cannot be run in DOS mode"


@pytest.fixture
def done():
    """A done request: 300 € and a projector approved, with a partner and an engagement field."""
    budget = ResourceFactory(money=True, title="Testbudget Fest")
    projector = ResourceFactory(title="Testbeamer Fest", units=2)
    partner = PartnerOrganisationFactory(name="Testpartner Nordstadt")
    field = EngagementFieldFactory(name="Testfeld Nachbarschaft")
    stored = make_request(
        [item(budget, amount=Decimal(300)), item(projector, 1, DAY, DAY)],
        plan_title="Nachbarschaftsfest im Hoeschpark",
        plan_end=DAY,
        engagement_field=field,
    )
    stored.partners.set([partner])
    for line in stored.items.all():
        service.approve_item(line, None, notify=False)
    service.change_status(stored, ResourceRequest.Status.DONE, None, notify=False)
    stored.refresh_from_db()
    stored.fixture = {"budget": budget, "projector": projector, "partner": partner, "field": field}
    return stored


def status(resource_request, language="de"):
    prefix = {"de": "/de/anfrage", "ar": "/ar/request", "en": "/en/request"}[language]
    return f"{prefix}/status/{resource_request.token}/"


def send_report(client, resource_request, photo=None, name="fest.jpg", consent=True, language="de", **values):
    data = {
        "report-text": "Wir haben ein Fest gefeiert.\n\nDie Nachbarn kamen mit Essen.",
        "report-participants": "120",
        "report-caption": "Kinder beim Malen im Park",
        **values,
    }
    if consent:
        data["report-consent"] = "on"
    if photo is not None:
        data["report-photo"] = SimpleUploadedFile(name, photo, content_type="image/jpeg")
    return client.post(status(resource_request, language) + "report/", data)


def user_in(group, name):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name=group))
    return user


# --- The report on the status page -----------------------------------------------------------------------------


def test_only_a_done_request_offers_the_report_form(client, done):
    page = parse(client.get(status(done)).content)
    form = select_one(page, "#status-report ~ form, section.status-report form")
    assert form["action"].endswith("/report/") and form["enctype"] == "multipart/form-data"
    assert "Tage nach Abschluss" in text(select_one(page, "section.status-report")), (
        "it says how long it stays"
    )
    open_request = make_request([])
    assert select(parse(client.get(status(open_request)).content), "section.status-report") == []
    refused = send_report(client, open_request)
    assert refused.status_code == 302 and not RequestReport.objects.exists()
    follow = parse(client.get(refused["Location"]).content)
    assert "sobald die Anfrage abgeschlossen ist" in text(follow)


def test_a_report_with_a_photo_is_stored_privately_and_re_encoded(client, done, private_storage):
    response = send_report(client, done, jpeg_with_gps())
    assert response.status_code == 302 and response["Location"].endswith("#status-report")
    report = RequestReport.objects.get(request=done)
    assert (
        report.participants == 120 and report.photo_consent and report.caption == "Kinder beim Malen im Park"
    )
    assert "Nachbarn kamen" in report.text
    stored = (private_storage / report.photo.name).read_bytes()
    assert b"Kamera GmbH" not in stored and Image.open(io.BytesIO(stored)).getexif() == {}, "no metadata"
    page = parse(client.get(status(done)).content)
    section = select_one(page, "section.status-report")
    assert "Nachbarn kamen" in text(section) and select(section, "form") == [], "one report, then it is shown"
    again = send_report(client, done)
    assert again.status_code == 302 and RequestReport.objects.count() == 1
    assert "bereits angekommen" in text(parse(client.get(again["Location"]).content))


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (EXECUTABLE, "bericht.pdf", "keine davon"),
        (pdf_bytes(), "bericht.pdf", "Nur ein JPEG- oder PNG-Foto"),
    ],
)
def test_a_photo_that_is_not_a_photo_is_refused_and_nothing_is_stored(
    client, done, private_storage, content, name, message
):
    before = files_in(private_storage)
    response = send_report(client, done, content, name=name)
    assert response.status_code == 400
    summary = select_one(parse(response.content), "#report-errors")
    assert message in text(summary)
    assert not RequestReport.objects.exists() and files_in(private_storage) == before


def test_refusals_come_in_the_visitors_language(client, done):
    response = send_report(client, done, EXECUTABLE, name="x.pdf", language="ar", **{"report-text": " "})
    assert response.status_code == 400
    summary = text(select_one(parse(response.content), "#report-errors"))
    assert "يرجى" in summary or "فقط" in summary, summary
    assert "Please" not in summary and "Bitte" not in summary


def test_a_photo_needs_a_caption(client, done):
    response = send_report(client, done, jpeg_with_gps(), **{"report-caption": "  "})
    assert response.status_code == 400 and not RequestReport.objects.exists()
    assert "was das Foto zeigt" in text(select_one(parse(response.content), "#report-errors"))


def test_a_failed_database_write_leaves_no_photo(done, private_storage, monkeypatch):
    checked = reports.check_photo(SimpleUploadedFile("a.jpg", jpeg_with_gps()))
    before = files_in(private_storage)

    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(RequestReport, "save", broken)
    with pytest.raises(RuntimeError):
        reports.store_report(done, text="Text", photo=checked, consent=True, caption="Bild")
    assert not RequestReport.objects.exists() and files_in(private_storage) == before


def test_the_photo_is_served_only_under_its_own_status_link_or_to_editors(client, done):
    send_report(client, done, jpeg_with_gps())
    report = RequestReport.objects.get()
    response = client.get(status(done) + "report/photo/")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert (
        response["X-Content-Type-Options"] == "nosniff" and response["Cache-Control"] == "private, no-store"
    )
    other = make_request([])
    assert client.get(status(other) + "report/photo/").status_code == 404
    assert client.get(f"/de/anfrage/status/{'x' * 43}/report/photo/").status_code == 404
    assert client.get(f"/media/{report.photo.name}").status_code == 404
    assert report.photo.name not in client.get(status(done)).content.decode()

    admin_photo = reverse("request_report:photo", args=[report.pk])

    def gets_the_photo():
        answer = client.get(admin_photo, follow=True)
        return answer.status_code == 200 and answer["Content-Type"] == "image/jpeg"

    client.logout()
    assert not gets_the_photo(), "not without a login"
    client.force_login(get_user_model().objects.create_user("nobody", "n@example.org", "x" * 16))
    assert not gets_the_photo(), "not without the permission"
    client.force_login(user_in("Redaktion", "redaktion"))
    assert gets_the_photo()


# --- From report to example ------------------------------------------------------------------------------------


def test_redaktion_turns_a_report_into_a_draft_example_with_one_click(client, done):
    send_report(client, done, jpeg_with_gps())
    report = RequestReport.objects.get()
    client.force_login(user_in("Redaktion", "redaktion"))
    page = parse(client.get(reverse("request_report:inspect", args=[report.pk])).content)
    assert "Nachbarn kamen" in text(page)
    button = select_one(page, f"form[action='{reverse('request_report:example', args=[report.pk])}'] button")
    assert button is not None
    images_before = WagtailImage.objects.count()
    response = client.post(reverse("request_report:example", args=[report.pk]))
    example = EngagementExamplePage.objects.get(title="Nachbarschaftsfest im Hoeschpark")
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[example.pk]
    )
    assert not example.live and example.has_unpublished_changes, "a draft, to edit and publish"
    assert example.locale.language_code == "de" and example.association == done.association_name
    assert "Die Nachbarn kamen mit Essen." in example.story and "120" in example.story
    assert example.summary.startswith("Wir haben ein Fest gefeiert.")
    assert example.year == DAY.year
    assert set(example.resources.all()) == {done.fixture["budget"], done.fixture["projector"]}
    assert list(example.partners.all()) == [done.fixture["partner"]]
    assert list(example.engagement_fields.all()) == [done.fixture["field"]]
    assert WagtailImage.objects.count() == images_before + 1, "consent given: the photo is imported"
    assert example.image.title == "Kinder beim Malen im Park" and example.image_alt == example.image.title
    report.refresh_from_db()
    assert report.example_id == example.pk and report.example_created_by.username == "redaktion"
    assert client.get(f"/de/{example.url_path.split('/', 3)[-1]}").status_code == 404, "not public yet"

    again = client.post(reverse("request_report:example", args=[report.pk]), follow=True)
    assert "bereits" in text(parse(again.content))
    assert EngagementExamplePage.objects.filter(title="Nachbarschaftsfest im Hoeschpark").count() == 1


def test_without_consent_the_photo_stays_out_of_the_example(client, done):
    send_report(client, done, jpeg_with_gps(), consent=False)
    report = RequestReport.objects.get()
    assert not report.photo_consent
    images_before = WagtailImage.objects.count()
    example = reports.make_example(report, user_in("Redaktion", "redaktion"))
    assert example.image is None and WagtailImage.objects.count() == images_before


def test_the_beratungsteam_reads_reports_but_makes_no_pages(client, done):
    send_report(client, done)
    report = RequestReport.objects.get()
    client.force_login(user_in("Beratungsteam", "beratung"))
    detail = parse(client.get(reverse("resource_request:inspect", args=[done.pk])).content)
    assert select_one(detail, f"#report a[href='{reverse('request_report:inspect', args=[report.pk])}']")
    page = parse(client.get(reverse("request_report:inspect", args=[report.pk])).content)
    assert select(page, f"form[action='{reverse('request_report:example', args=[report.pk])}']") == []
    response = client.post(reverse("request_report:example", args=[report.pk]), follow=True)
    assert "keine Engagement-Beispiele" in text(parse(response.content))
    assert not EngagementExamplePage.objects.filter(title="Nachbarschaftsfest im Hoeschpark").exists()


# --- Privacy ----------------------------------------------------------------------------------------------------


def test_reports_and_photos_are_purged_with_the_personal_data(
    client, done, private_storage, settings, django_capture_on_commit_callbacks
):
    send_report(client, done, jpeg_with_gps())
    path = private_storage / RequestReport.objects.get().photo.name
    assert path.exists()
    ResourceRequest.objects.filter(pk=done.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=settings.REQUESTS_KEEP_DAYS + 1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_personal_data", verbosity=0)
    assert not RequestReport.objects.exists()
    assert not path.exists(), "the photo goes with its row"


@pytest.mark.parametrize(("language", "words"), [("de", "Bericht"), ("ar", "تقرير"), ("pl", "sprawozdanie")])
def test_the_request_pages_privacy_notice_speaks_of_reports(client, language, words):
    prefix = {"de": "/de/anfrage/", "ar": "/ar/request/", "pl": "/pl/wniosek/"}[language]
    response = client.get(prefix, follow=True)
    assert response.status_code == 200
    assert words in text(select_one(parse(response.content), "#request-privacy"))


# --- Coaching: the appointment --------------------------------------------------------------------------------


@pytest.fixture
def coaching():
    resource = ResourceFactory(coaching=True, title="Testcoaching Förderantrag")
    stored = make_request([item(resource)])
    service.approve_item(stored.items.get(), None, notify=False)
    return stored


def test_the_coaching_appointment_set_in_the_admin_shows_on_the_status_page(client, coaching):
    line = coaching.items.get()
    page = parse(client.get(status(coaching)).content)
    assert "Das Team vereinbart den Termin mit Ihnen." in text(select_one(page, f"#due-{line.pk}"))

    client.force_login(user_in("Beratungsteam", "beratung"))
    url = reverse("resource_request:appointment", args=[coaching.pk, line.pk])
    bad = client.post(url, {"when": "morgen", "place": "Büro"}, follow=True)
    assert "Datum und Uhrzeit" in text(parse(bad.content))
    response = client.post(url, {"when": "2027-01-14T16:30", "place": "VMDO-Büro, Raum 2"})
    assert response.status_code == 302
    line.refresh_from_db()
    assert timezone.localtime(line.appointment_at).strftime("%Y-%m-%d %H:%M") == "2027-01-14 16:30"
    client.logout()

    due = select_one(parse(client.get(status(coaching)).content), f"#due-{line.pk}")
    assert "14. Januar 2027" in text(due) and "16:30" in text(due) and "VMDO-Büro, Raum 2" in text(due)
    arabic = select_one(parse(client.get(status(coaching, "ar")).content), f"#due-{line.pk}")
    assert select_one(arabic, "time bdi") is not None and "VMDO-Büro, Raum 2" in text(arabic)
    entry = client.get(f"/api/v3/requests/{coaching.token}/").json()["checklist"][0]
    assert entry["appointment"].startswith("2027-01-14T16:30") and entry["place"] == "VMDO-Büro, Raum 2"


def test_the_association_gets_its_appointment_by_mail_with_a_calendar_file(client, coaching):
    """In its language, with an .ics; the same time saved again sends nothing, a moved one says so."""
    ResourceRequest.objects.filter(pk=coaching.pk).update(language="ar")
    line = coaching.items.get()
    when = timezone.make_aware(datetime.datetime(2027, 1, 14, 16, 30))
    service.set_appointment(line, None, when, "  VMDO-Büro,   Raum 2 ")
    assert OutgoingEmail.objects.filter(about_id=coaching.pk).count() == 1
    (mail,) = OutgoingEmail.objects.filter(about_id=coaching.pk)
    assert mail.language == "ar" and coaching.reference in mail.subject and "موعد" in mail.subject
    assert "VMDO-Büro, Raum 2" in mail.body_text and f"/ar/request/status/{coaching.token}/" in mail.body_text
    (ics,) = mail.attachments
    content = ics["content"]
    assert ics["filename"].endswith(".ics") and ics["content_type"].startswith("text/calendar")
    assert "DTSTART;TZID=Europe/Berlin:20270114T163000" in content
    assert "DTEND;TZID=Europe/Berlin:20270114T173000" in content
    assert "LOCATION:VMDO-Büro\\, Raum 2" in content

    service.set_appointment(line, None, when, "VMDO-Büro, Raum 2")
    assert OutgoingEmail.objects.filter(about_id=coaching.pk).count() == 1, "nothing changed, nothing sent"

    service.set_appointment(line, None, when + datetime.timedelta(days=1), "VMDO-Büro, Raum 2")
    moved = OutgoingEmail.objects.filter(about_id=coaching.pk).latest("pk")
    assert moved.pk != mail.pk and "20270115T163000" in moved.attachments[0]["content"]
    uid = [row for row in content.splitlines() if row.startswith("UID:")]
    assert uid and uid[0] in moved.attachments[0]["content"], "the calendar updates the same entry"
    history = [event.kind for event in coaching.events.all()]
    assert history.count("appointment") == 2
    page = parse(client.get(status(coaching, "ar")).content)
    assert "VMDO-Büro" not in text(select_one(page, ".status-events")), "the team's German note stays inside"


def test_only_approved_coaching_takes_an_appointment(done):
    lent = done.items.get(kind="lendable")
    with pytest.raises(service.DecisionError):
        service.set_appointment(lent, None, timezone.now(), "Büro")
