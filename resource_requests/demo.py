"""Demo content of the request form: the request page (in all six languages), consultation times over the
next weeks (some fully booked) and a few sample requests in different states.

Loaded right after the catalogue (`ORDER`), whose resources the sample requests ask for. Idempotent: the
page is found by its slug, consultation times by their start, sample requests by their title. Sample requests go through the same service as real ones (without
e-mails) and are marked as sample data; names and addresses in them are invented.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from catalogue.models import Resource
from resource_requests.models import ConsultationSlot, RequestPage, ResourceRequest

from . import service

OFFICE = "VMDO e.V., Beuthstraße 21, 44147 Dortmund"

# (weekday, hour, minute, mode, languages, capacity)
WEEKLY_SLOTS = [
    (1, 10, 0, ConsultationSlot.Mode.IN_PERSON, ["de", "tr"], 2),
    (1, 16, 30, ConsultationSlot.Mode.VIDEO, ["de", "ar"], 1),
    (3, 17, 0, ConsultationSlot.Mode.IN_PERSON, ["de", "ar", "uk"], 3),
    (4, 11, 0, ConsultationSlot.Mode.PHONE, ["de", "en", "pl"], 1),
]
WEEKS = 4

ORDER = 11  # after the catalogue (10): the request form follows it in the main menu


def load(loader):
    page = request_page(loader)
    slots = consultation_slots()
    sample_requests(slots)
    loader.registry.setdefault("main_menu", []).append(page)


def request_page(loader):
    t = loader.text
    for language, slug in {
        "en": "request",
        "tr": "talep",
        "ar": "request",
        "uk": "request",
        "pl": "wniosek",
    }.items():
        loader.memory.add("anfrage", language, slug)
    page = loader.page(
        loader.registry["home_page"],
        RequestPage,
        "anfrage",
        title=t(
            "Anfrage und Beratung",
            en="Request and consultation",
            tr="Talep ve danışmanlık",
            ar="الطلب والاستشارة",
            uk="Запит і консультація",
            pl="Wniosek i konsultacja",
        ),
        intro=t(
            "Sammeln Sie die Ressourcen, die Sie brauchen, erzählen Sie uns von Ihrem Vorhaben und buchen Sie "
            "einen Beratungstermin – alles in einem Formular, ohne Konto.",
            en="Collect the resources you need, tell us about your plans and book a consultation – all in one "
            "form, without an account.",
            tr="İhtiyacınız olan kaynakları toplayın, bize planınızı anlatın ve bir danışmanlık randevusu alın "
            "– hepsi tek bir formda, hesap açmadan.",
            ar="اجمعوا الموارد التي تحتاجونها، وأخبرونا عن مشروعكم، واحجزوا موعدًا للاستشارة – كل ذلك في "
            "استمارة واحدة ودون حساب.",
            uk="Зберіть потрібні ресурси, розкажіть нам про свій задум і запишіться на консультацію – усе в "
            "одній формі, без облікового запису.",
            pl="Zbierzcie potrzebne zasoby, opowiedzcie nam o swoim planie i umówcie się na konsultację – "
            "wszystko w jednym formularzu, bez zakładania konta.",
        ),
        consent_text=t(
            "Ich bin einverstanden, dass der VMDO e.V. meine Angaben speichert und verarbeitet, um diese "
            "Anfrage zu bearbeiten und die Beratung durchzuführen.",
            en="I agree that VMDO e.V. stores and processes my details to handle this request and to hold "
            "the consultation.",
            tr="VMDO e.V.'nin bu talebi işlemek ve danışmanlığı gerçekleştirmek için bilgilerimi "
            "saklamasını ve işlemesini kabul ediyorum.",
            ar="أوافق على أن تحفظ جمعية VMDO e.V. بياناتي وتعالجها من أجل معالجة هذا الطلب وإجراء الاستشارة.",
            uk="Я погоджуюся, що VMDO e.V. зберігає й обробляє мої дані, щоб опрацювати цей запит і провести "
            "консультацію.",
            pl="Wyrażam zgodę na to, aby VMDO e.V. przechowywało i przetwarzało moje dane w celu rozpatrzenia "
            "tego wniosku i przeprowadzenia konsultacji.",
        ),
        privacy_notice=t(
            "<p>Verantwortlich ist der VMDO e.V. (House of Resources Dortmund), Beuthstraße 21, 44147 "
            "Dortmund. Wir verarbeiten Ihre Angaben, um Ihre Anfrage zu bearbeiten, die Beratung "
            "durchzuführen und über die Ressourcen zu entscheiden. Rechtsgrundlage ist Ihre Einwilligung "
            "(Art. 6 Abs. 1 lit. a DSGVO) und die Durchführung der von Ihnen angefragten Leistungen (Art. 6 "
            "Abs. 1 lit. b DSGVO).</p>"
            "<p>Ihre Kontaktdaten sieht nur das Team des House of Resources; wir geben sie nicht an Dritte "
            "weiter. Ein Jahr nach Abschluss Ihrer Anfrage löschen wir Kontaktdaten und Texte; Anfragenummer "
            "und Entscheidungen bleiben ohne Personenbezug erhalten.</p>"
            "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, "
            "Datenübertragbarkeit und Widerspruch sowie ein Beschwerderecht bei einer "
            "Datenschutz-Aufsichtsbehörde. Ihre Einwilligung können Sie jederzeit mit Wirkung für die Zukunft "
            "widerrufen.</p>",
            en="<p>The controller is VMDO e.V. (House of Resources Dortmund), Beuthstraße 21, 44147 Dortmund. "
            "We process your details to handle your request, to hold the consultation and to decide on the "
            "resources. The legal basis is your consent (Art. 6 (1) (a) GDPR) and providing the services you "
            "ask for (Art. 6 (1) (b) GDPR).</p>"
            "<p>Only the House of Resources team sees your contact details; we do not pass them on to third "
            "parties. One year after your request is closed we delete contact details and texts; the "
            "reference number and our decisions remain, without personal details.</p>"
            "<p>You have the right of access, rectification, erasure, restriction of processing, data "
            "portability and objection, and the right to complain to a data protection authority. You can "
            "withdraw your consent at any time with effect for the future.</p>",
            tr="<p>Sorumlu kuruluş VMDO e.V.'dir (House of Resources Dortmund), Beuthstraße 21, 44147 "
            "Dortmund. Bilgilerinizi talebinizi işlemek, danışmanlığı gerçekleştirmek ve kaynaklar hakkında "
            "karar vermek için işliyoruz. Hukuki dayanak, rızanız (GVKT md. 6 fıkra 1 bent a) ve talep "
            "ettiğiniz hizmetlerin yerine getirilmesidir (GVKT md. 6 fıkra 1 bent b).</p>"
            "<p>İletişim bilgilerinizi yalnızca House of Resources ekibi görür; bunları üçüncü kişilere "
            "vermeyiz. Talebiniz kapandıktan bir yıl sonra iletişim bilgilerini ve metinleri sileriz; talep "
            "numarası ve kararlarımız kişisel bilgi olmadan saklanır.</p>"
            "<p>Bilgi alma, düzeltme, silme, işlemenin kısıtlanması, veri taşınabilirliği ve itiraz "
            "haklarına ve bir veri koruma denetim makamına şikâyette bulunma hakkına sahipsiniz. Rızanızı "
            "gelecek için geçerli olmak üzere istediğiniz zaman geri alabilirsiniz.</p>",
            ar="<p>الجهة المسؤولة هي جمعية VMDO e.V. ‏(House of Resources Dortmund)، Beuthstraße 21، 44147 "
            "Dortmund. نعالج بياناتكم من أجل معالجة طلبكم وإجراء الاستشارة واتخاذ القرار بشأن الموارد. "
            "الأساس القانوني هو موافقتكم (المادة 6، الفقرة 1، البند أ من اللائحة العامة لحماية البيانات) "
            "وتقديم الخدمات التي تطلبونها (المادة 6، الفقرة 1، البند ب).</p>"
            "<p>لا يطّلع على بيانات الاتصال الخاصة بكم إلا فريق House of Resources، ولا نمررها إلى أي طرف "
            "ثالث. بعد عام من إغلاق طلبكم نحذف بيانات الاتصال والنصوص، ويبقى رقم الطلب وقراراتنا دون أي "
            "بيانات شخصية.</p>"
            "<p>لكم الحق في الاطلاع والتصحيح والحذف وتقييد المعالجة ونقل البيانات والاعتراض، والحق في تقديم "
            "شكوى إلى هيئة رقابية لحماية البيانات. ويمكنكم سحب موافقتكم في أي وقت بأثر مستقبلي.</p>",
            uk="<p>Відповідальна особа – VMDO e.V. (House of Resources Dortmund), Beuthstraße 21, 44147 "
            "Dortmund. Ми обробляємо ваші дані, щоб опрацювати запит, провести консультацію та ухвалити "
            "рішення щодо ресурсів. Правова підстава – ваша згода (ст. 6 ч. 1 п. a GDPR) і надання послуг, "
            "про які ви просите (ст. 6 ч. 1 п. b GDPR).</p>"
            "<p>Ваші контактні дані бачить лише команда House of Resources; ми не передаємо їх третім "
            "особам. Через рік після завершення запиту ми видаляємо контактні дані й тексти; номер запиту та "
            "наші рішення зберігаються без персональних даних.</p>"
            "<p>Ви маєте право на доступ, виправлення, видалення, обмеження обробки, перенесення даних і "
            "заперечення, а також право подати скаргу до органу нагляду за захистом даних. Свою згоду ви "
            "можете будь-коли відкликати на майбутнє.</p>",
            pl="<p>Administratorem jest VMDO e.V. (House of Resources Dortmund), Beuthstraße 21, 44147 "
            "Dortmund. Przetwarzamy Państwa dane, aby rozpatrzyć wniosek, przeprowadzić konsultację i "
            "zdecydować o zasobach. Podstawą prawną jest Państwa zgoda (art. 6 ust. 1 lit. a RODO) oraz "
            "realizacja usług, o które Państwo proszą (art. 6 ust. 1 lit. b RODO).</p>"
            "<p>Dane kontaktowe widzi wyłącznie zespół House of Resources; nie przekazujemy ich osobom "
            "trzecim. Rok po zamknięciu wniosku usuwamy dane kontaktowe i teksty; numer wniosku i nasze "
            "decyzje pozostają bez danych osobowych.</p>"
            "<p>Przysługuje Państwu prawo dostępu, sprostowania, usunięcia, ograniczenia przetwarzania, "
            "przenoszenia danych i sprzeciwu oraz prawo wniesienia skargi do organu nadzorczego. Zgodę można "
            "w każdej chwili wycofać ze skutkiem na przyszłość.</p>",
        ),
        next_steps=t(
            "Wir melden uns innerhalb von fünf Werktagen. Bringen Sie zum Beratungstermin gern Ideen, "
            "Kostenschätzungen oder Angebote mit.",
            en="We will get back to you within five working days. Feel free to bring ideas, cost estimates "
            "or quotes to the consultation.",
            tr="Beş iş günü içinde size dönüş yapacağız. Danışmanlık görüşmesine fikirlerinizi, maliyet "
            "tahminlerinizi veya tekliflerinizi getirebilirsiniz.",
            ar="سنتواصل معكم خلال خمسة أيام عمل. يسعدنا أن تحضروا إلى الاستشارة أفكاركم أو تقديرات "
            "التكاليف أو عروض الأسعار.",
            uk="Ми зв'яжемося з вами протягом п'яти робочих днів. Приносьте на консультацію ідеї, кошториси "
            "або комерційні пропозиції.",
            pl="Odezwiemy się w ciągu pięciu dni roboczych. Na konsultację prosimy zabrać pomysły, "
            "kosztorysy lub oferty.",
        ),
        search_description=t(
            "Ressourcen anfragen und einen Beratungstermin beim House of Resources Dortmund buchen.",
            en="Request resources and book a consultation with House of Resources Dortmund.",
            tr="House of Resources Dortmund'dan kaynak talep edin ve danışmanlık randevusu alın.",
            ar="اطلبوا الموارد واحجزوا موعدًا للاستشارة لدى House of Resources Dortmund.",
            uk="Запитайте ресурси та запишіться на консультацію в House of Resources Dortmund.",
            pl="Złóżcie wniosek o zasoby i umówcie konsultację w House of Resources Dortmund.",
        ),
    )
    loader.translate(page)
    return page


def _at(day, hour, minute):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def consultation_slots():
    """Four consultation times a week for the next weeks, found by their start (a run on a later day
    adds the weeks that are missing by then and changes nothing else)."""
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    slots = []
    for week in range(WEEKS + 1):
        for weekday, hour, minute, mode, languages, capacity in WEEKLY_SLOTS:
            day = monday + datetime.timedelta(weeks=week, days=weekday)
            if day <= today:
                continue
            slot, _created = ConsultationSlot.objects.get_or_create(
                start=_at(day, hour, minute),
                defaults={
                    "mode": mode,
                    "place": OFFICE if mode == ConsultationSlot.Mode.IN_PERSON else "",
                    "languages": languages,
                    "capacity": capacity,
                    "is_sample": True,
                    "note": "Beispieldaten / sample data",
                },
            )
            slots.append(slot)
    return slots


def _resources():
    return {
        resource.slug: resource for resource in Resource.objects.filter(locale__language_code="de", live=True)
    }


SAMPLES = [
    {
        "plan_title": "Nachbarschaftsfest im Quartier (Beispiel)",
        "association_name": "Kulturverein Anadolu Hörde e.V. (Beispiel)",
        "contact_name": "Ayşe Yılmaz (Beispiel)",
        "email": "ayse.yilmaz@example.org",
        "language": "tr",
        "consultation_language": "tr",
        "slot": 0,  # the first time with one place: fully booked by this request
        "items": [
            ("faltpavillon", 2, 40, 40),
            ("festzeltgarnituren", 5, 40, 40),
            ("flyer-und-plakate", Decimal(300)),
        ],
    },
    {
        "plan_title": "Hausaufgabenhilfe für Grundschulkinder (Beispiel)",
        "association_name": "Elternnetzwerk Nordstadt (Beispiel)",
        "contact_name": "Samir Haddad (Beispiel)",
        "email": "samir.haddad@example.org",
        "phone": "+49 231 000 000 11",
        "language": "ar",
        "consultation_language": "ar",
        "status": ResourceRequest.Status.IN_CONSULTATION,
        "items": [("foerderantraege",), ("seminarraum-nordstadt", 1, 45, 45)],
    },
    {
        "plan_title": "Interkulturelles Frauenfrühstück (Beispiel)",
        "association_name": "Frauenverein Brücke e.V. (Beispiel)",
        "contact_name": "Olena Kovalenko (Beispiel)",
        "email": "olena.kovalenko@example.org",
        "language": "uk",
        "consultation_language": "uk",
        "slot": 1,  # the second time with one place: fully booked too
        "approve": True,
        "items": [("beamer", 1, 50, 50), ("veranstaltungskosten", Decimal(300))],
    },
    {
        "plan_title": "Fotoausstellung „Heimat Dortmund“ (Beispiel)",
        "association_name": "Fotogruppe Lichtblick (Beispiel)",
        "contact_name": "Marek Nowak (Beispiel)",
        "email": "marek.nowak@example.org",
        "phone": "+49 231 000 000 12",
        "language": "pl",
        "consultation_language": "pl",
        "decline": "Das Budget für Fotos und Video ist in diesem Halbjahr bereits verplant. Sprechen Sie uns "
        "im Herbst gern wieder an.",
        "items": [("fotos-und-video", Decimal(400))],
    },
    {
        "plan_title": "Sommerfest mit Live-Musik (Beispiel)",
        "association_name": "Deutsch-Arabischer Kulturkreis (Beispiel)",
        "contact_name": "Karim Mansour (Beispiel)",
        "email": "karim.mansour@example.org",
        "phone": "+49 231 000 000 13",
        "language": "de",
        "consultation_language": "ar",
        "partly": True,
        "items": [("tonanlage", 1, 60, 61), ("fahrtkosten", Decimal(250))],
    },
]


def sample_requests(slots):
    resources = _resources()
    today = timezone.localdate()
    for sample in SAMPLES:
        if ResourceRequest.objects.filter(is_sample=True, plan_title=sample["plan_title"]).exists():
            continue
        items = []
        for entry in sample["items"]:
            resource = resources.get(entry[0])
            if resource is None:
                continue
            values = {"quantity": None, "start": None, "end": None, "amount": None}
            if resource.counts_units:
                values.update(
                    quantity=entry[1],
                    start=today + datetime.timedelta(days=entry[2]),
                    end=today + datetime.timedelta(days=entry[3]),
                )
            elif resource.counts_money:
                values["amount"] = entry[1]
            items.append((resource, values))
        single = [
            slot
            for slot in slots
            if slot.capacity == 1 and slot.start > timezone.now() + datetime.timedelta(days=1)
        ]
        slot_index = sample.get("slot")
        slot = single[slot_index] if slot_index is not None and slot_index < len(single) else None
        phone = sample.get("phone", "")
        values = {
            "association_name": sample["association_name"],
            "register_number": "",
            "district": None,
            "contact_name": sample["contact_name"],
            "email": sample["email"],
            "phone": phone,
            "consultation_language": sample["consultation_language"],
            "plan_title": sample["plan_title"],
            "plan_description": "Beispieldaten: eine erfundene Anfrage, die zeigt, wie Anfragen im Portal "
            "aussehen. / Sample data: an invented request.",
            "plan_start": items[0][1]["start"] if items and items[0][1]["start"] else None,
            "plan_end": items[0][1]["end"] if items and items[0][1]["end"] else None,
            "participants": 60,
            "engagement_field": None,
            "other_partners": "",
            "slot": slot,
            "callback": slot is None,
            "callback_times": "werktags nach 17 Uhr" if slot is None else "",
        }
        try:
            created = service.submit(values, items, language=sample["language"], notify=False, is_sample=True)
        except service.SlotTaken:
            values.update(slot=None, callback=True, callback_times="werktags nach 17 Uhr")
            created = service.submit(values, items, language=sample["language"], notify=False, is_sample=True)
        _decide(created, sample)


def _decide(resource_request, sample):
    status = sample.get("status")
    if status:
        service.change_status(resource_request, status, None, notify=False)
    items = list(resource_request.items.all())
    try:
        if sample.get("approve"):
            for item in items:
                service.approve_item(item, None, notify=False)
        if sample.get("partly"):
            first, *rest = items
            service.approve_item(first, None, notify=False)
            for item in rest:
                service.approve_item(
                    item,
                    None,
                    amount=Decimal(150),
                    note="Wir übernehmen 150 € der Fahrtkosten.",
                    notify=False,
                )
        if sample.get("decline"):
            service.decline_request(resource_request, None, sample["decline"], notify=False)
    except service.DecisionError:
        pass  # the demo's stock changed meanwhile: the sample stays undecided
