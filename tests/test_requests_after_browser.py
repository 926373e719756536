"""After the yes, in a real headless Chromium (issue 19): one money request and one equipment request from
approval to closed.

The association uploads a real PDF and a photo on its status page, and a program renamed `.pdf` is refused
with a message; the team asks for more in the admin (the mail is in the outbox), a reminder mail is sent
for the borrowed item, the return is confirmed in the admin, both requests are closed, the association
writes its report with a photo, and one click in the admin makes a draft engagement example of it. The
status page with the report form and with a refused report is axe-scanned in German and Arabic.

The requests and the team's account are committed for the portal's server process; afterwards the
worker's database is put back as a fresh clone of the demo (`reset_database`), and the files written
are removed.
"""

import datetime
import io
import re
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from accessibility import scan
from conftest import reset_database
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from PIL import Image

PASSWORD = "after-yes-" + "x" * 12  # noqa: S105 - test only
TODAY = timezone.localdate()
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 256 + b"This program cannot be run in DOS mode"


def in_thread(blocker, function):
    """Run `function` with database access in a thread of its own: Django refuses database calls beside
    Playwright's event loop, which the module's browser keeps in this thread."""
    from django.db import connection

    def run():
        try:
            return function()
        finally:
            connection.close()

    with blocker.unblock(), ThreadPoolExecutor(1) as pool:
        return pool.submit(run).result()


def pdf_file(folder):
    buffer = io.BytesIO()
    Image.new("RGB", (200, 120), "white").save(buffer, format="PDF")
    path = folder / "Rechnung Druckerei.pdf"
    path.write_bytes(buffer.getvalue())
    return path


def photo_file(folder, name="fest.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (160, 120), (30, 140, 90)).save(buffer, format="JPEG")
    path = folder / name
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture(scope="module")
def after_yes(django_db_setup, django_db_blocker):
    """A money request (300 €, below the quotes' threshold) and an equipment request (a projector due back
    tomorrow), both approved, and a team account (committed). Asked for before the browser starts."""
    from catalogue.factories import ResourceFactory
    from partners.factories import PartnerOrganisationFactory
    from resource_requests import service
    from resource_requests.factories import item, make_request

    with django_db_blocker.unblock():
        budget = ResourceFactory(money=True, title="Browser-Budget Fest", slug="browser-budget-fest")
        projector = ResourceFactory(title="Browser-Beamer", slug="browser-beamer", units=2)
        money = make_request(
            [item(budget, amount=Decimal(300))],
            plan_title="Browser-Nachbarschaftsfest",
            plan_end=TODAY - datetime.timedelta(days=2),
            email="kasse@example.org",
        )
        money.partners.set([PartnerOrganisationFactory(name="Browser-Partner Nordstadt")])
        equipment = make_request(
            [item(projector, 1, TODAY - datetime.timedelta(days=2), TODAY + datetime.timedelta(days=1))],
            plan_title="Browser-Filmabend",
            email="technik@example.org",
        )
        for resource_request in (money, equipment):
            for line in resource_request.items.all():
                service.approve_item(line, None, notify=False)
        team = get_user_model().objects.create_superuser("after-yes-team", "team@example.org", PASSWORD)
    yield {"money": money, "equipment": equipment, "team": team, "budget": budget, "projector": projector}
    with django_db_blocker.unblock():
        _remove_files(money, equipment)
        reset_database()


def _remove_files(*requests):
    from engagement.models import EngagementExamplePage
    from resource_requests.models import Proof, RequestReport

    for proof in Proof.objects.filter(request__in=requests):
        proof.file.storage.delete(proof.file.name)
    for report in RequestReport.objects.filter(request__in=requests):
        if report.photo:
            report.photo.storage.delete(report.photo.name)
        example = EngagementExamplePage.objects.filter(pk=report.example_id).first()
        if example is not None and example.image is not None:
            example.image.file.storage.delete(example.image.file.name)


def status_url(portal_server, resource_request, language="de"):
    prefix = {"de": "/de/anfrage", "ar": "/ar/request"}[language]
    return f"{portal_server}{prefix}/status/{resource_request.token}/"


def upload_receipt(page, path, amount):
    form = page.locator(".proof-form")
    form.locator("input[type=file]").set_input_files(str(path))
    form.locator("input[name$=amount]").fill(amount)
    with page.expect_navigation() as navigation:
        form.locator("button[type=submit]").click()
    return navigation.value


def log_in(page, portal_server, user):
    page.goto(portal_server + "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


def outbox(db, recipient):
    from home.models import OutgoingEmail

    return db(
        lambda: [
            (mail.subject, mail.body_text)
            for mail in OutgoingEmail.objects.order_by("pk")
            if recipient in mail.recipients
        ]
    )


@pytest.mark.browser
def test_money_and_equipment_from_approval_to_a_draft_example(
    after_yes, portal_server, browser, tmp_path, django_db_blocker
):
    from resource_requests.models import Proof, RequestItem, RequestReport, ResourceRequest

    def db(function):
        return in_thread(django_db_blocker, function)

    money, equipment, team = after_yes["money"], after_yes["equipment"], after_yes["team"]
    association = browser.new_context(locale="de-DE").new_page()
    admin = browser.new_context(locale="de-DE").new_page()

    # --- The association uploads: a real PDF and a photo; a program named .pdf is refused ---------------------
    association.goto(status_url(portal_server, money))
    assert association.locator(".due-list").count() == 1 and association.locator(".proof-form").count() == 1
    assert upload_receipt(association, pdf_file(tmp_path), "200,00").status == 200
    assert "Rechnung Druckerei.pdf" in association.locator(".notice--success").inner_text()
    assert upload_receipt(association, photo_file(tmp_path, "kassenbon.jpg"), "100").status == 200
    disguised = tmp_path / "rechnung.pdf"
    disguised.write_bytes(EXECUTABLE)
    refused = upload_receipt(association, disguised, "12,50")
    assert refused.status == 400
    assert "Nur PDF-, JPEG- und PNG-Dateien" in association.locator(".proof-form .error-summary").inner_text()
    stored = db(lambda: sorted(Proof.objects.filter(request=money).values_list("name", flat=True)))
    assert stored == ["Rechnung Druckerei.pdf", "kassenbon.jpg"], "the program is not stored"

    # --- The team asks for more (a mail in the outbox), then accepts ------------------------------------------
    log_in(admin, portal_server, team)
    inspect = portal_server + reverse("resource_request:inspect", args=[money.pk])
    admin.goto(inspect)
    pdf_row = admin.locator("tr", has_text="Rechnung Druckerei.pdf")
    pdf_row.locator("input[value=more_needed]").check()
    pdf_row.locator("input[name=note]").fill("Bitte auch die zweite Seite der Rechnung.")
    pdf_row.locator("button[type=submit]").click()
    admin.locator(".request-admin__confirm button[name=confirmed]").click()
    admin.wait_for_url(re.compile(r".*/inspect/\d+/#proof-\d+$"))
    mails = outbox(db, "kasse@example.org")
    assert any(
        "Bitte auch die zweite Seite der Rechnung." in body and money.token in body for _s, body in mails
    )
    association.goto(status_url(portal_server, money))
    assert "Bitte auch die zweite Seite" in association.locator(".due-list").inner_text()
    for name in ("Rechnung Druckerei.pdf", "kassenbon.jpg"):
        admin.goto(inspect)
        row = admin.locator("tr", has_text=name)
        row.locator("input[value=accepted]").check()
        row.locator("button[type=submit]").click()
        admin.locator(".request-admin__confirm button[name=confirmed]").click()
        admin.wait_for_url(re.compile(r".*/inspect/\d+/#proof-\d+$"))
    association.goto(status_url(portal_server, money))
    assert "Alles erledigt" in association.locator(".due-list").inner_text(), "300 € of receipts accepted"

    # --- A reminder mail for the projector due back tomorrow; the return confirmed in the admin --------------
    from resource_requests.reminders import send_reminders

    assert db(send_reminders) >= 1
    reminders = outbox(db, "technik@example.org")
    assert len(reminders) == 1 and equipment.token in reminders[0][1], "one reminder, with the status link"
    lent = db(lambda: RequestItem.objects.get(request=equipment).pk)
    admin.goto(portal_server + reverse("resource_request:inspect", args=[equipment.pk]))
    admin.locator(f"form[action$='/items/{lent}/returned/'] button[type=submit]").click()
    admin.wait_for_url(re.compile(r".*#after-decision$"))
    returned = db(lambda: RequestItem.objects.get(request=equipment).returned_at)
    assert returned is not None
    association.goto(status_url(portal_server, equipment))
    assert "zurückgegeben am" in association.locator(".due-list").inner_text()

    # --- Both requests closed by the team -----------------------------------------------------------------------
    for resource_request in (money, equipment):
        admin.goto(portal_server + reverse("resource_request:inspect", args=[resource_request.pk]))
        admin.select_option("select[name=status]", "done")
        admin.locator("form", has=admin.locator("select[name=status]")).locator("button[type=submit]").click()
        admin.locator(".request-admin__confirm button[name=confirmed]").click()
        admin.wait_for_url(re.compile(r".*#history$"))
    statuses = db(
        lambda: set(
            ResourceRequest.objects.filter(pk__in=[money.pk, equipment.pk]).values_list("status", flat=True)
        )
    )
    assert statuses == {"done"}

    # --- The report: a refused photo first, then the report with a photo and consent (axe-scanned) ------------
    for language in ("de", "ar"):
        association.goto(status_url(portal_server, money, language))
        assert association.locator(".report-form").count() == 1
        assert scan(association) == [], f"the status page with the report form ({language})"
    association.goto(status_url(portal_server, money))
    form = association.locator(".report-form")
    form.locator("textarea").fill("Wir haben im Park gefeiert.\n\nAlle Nachbarn brachten etwas zu essen mit.")
    form.locator("input[name=report-participants]").fill("140")
    form.locator("input[type=file]").set_input_files(str(disguised))
    form.locator("input[name=report-caption]").fill("Kinder beim Malen")
    form.locator("input[name=report-consent]").check()
    with association.expect_navigation() as navigation:
        form.locator("button[type=submit]").click()
    assert navigation.value.status == 400
    assert association.locator("#report-errors").count() == 1
    assert scan(association) == [], "the report form with its error"
    assert db(lambda: RequestReport.objects.filter(request=money).count()) == 0, "nothing half-stored"
    form = association.locator(".report-form")
    form.locator("input[type=file]").set_input_files(str(photo_file(tmp_path)))
    if not form.locator("input[name=report-consent]").is_checked():
        form.locator("input[name=report-consent]").check()
    with association.expect_navigation() as navigation:
        form.locator("button[type=submit]").click()
    assert navigation.value.status == 200
    assert "Danke für Ihren Bericht" in association.locator(".notice--success").inner_text()
    assert (
        association.locator(".status-report blockquote")
        .inner_text()
        .startswith("Wir haben im Park gefeiert.")
    )
    photo = association.request.get(status_url(portal_server, money) + "report/photo/")
    assert photo.status == 200 and photo.headers["content-type"] == "image/jpeg"

    # --- One click in the admin: a draft engagement example ------------------------------------------------------
    report_pk = db(lambda: RequestReport.objects.get(request=money).pk)
    admin.goto(portal_server + reverse("request_report:inspect", args=[report_pk]))
    admin.locator("form[action$='/example/'] button[type=submit]").click()
    admin.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    assert admin.locator("input[name=title]").input_value() == "Browser-Nachbarschaftsfest"

    def example_facts():
        from engagement.models import EngagementExamplePage

        page = EngagementExamplePage.objects.get(title="Browser-Nachbarschaftsfest")
        return (
            page.live,
            page.image is not None,
            [resource.title for resource in page.resources.all()],
            [partner.name for partner in page.partners.all()],
            "140" in page.story,
        )

    assert db(example_facts) == (
        False,
        True,
        ["Browser-Budget Fest"],
        ["Browser-Partner Nordstadt"],
        True,
    )
