"""Demo content of the events app: the event calendar and 22 events, upcoming and past.

Dates are counted from the day the demo is first loaded (so the calendar looks alive); a second run finds
every event by its address and changes nothing. Among them: the application workshop and consultation
days (organised by VMDO), a cancelled, a postponed and a rescheduled event, one fully booked, one online,
one hybrid, a three-day festival and a weekend seminar across the night the clocks go back (the last
Sunday of October). Organisers other than VMDO are the partner directory's invented sample organisations;
every event is marked as sample data. German is the source, translated into English, Turkish and Arabic
(the calendar page into all six languages).
"""

import datetime
from decimal import Decimal

from events import dates
from events.models import EventIndexPage, EventPage
from partners.models import PartnerOrganisation
from taxonomy.models import District, EngagementField, TargetGroup

ORDER = 50

VMDO = {
    "venue": "haus",
    "street": "Beuthstraße 21",
    "postcode": "44147",
    "district": "innenstadt-nord",
}
CONTACT = {"contact_email": "house-of-resources@vmdo.example", "contact_phone": "+49 231 000 000 00"}


def last_sunday_of_october(year):
    day = datetime.date(year, 10, 31)
    return day - datetime.timedelta(days=(day.weekday() + 1) % 7)


def clock_change_weekend(today):
    """The Saturday before the next last Sunday of October (when the clocks go back)."""
    sunday = last_sunday_of_october(today.year)
    if sunday - datetime.timedelta(days=1) < today:
        sunday = last_sunday_of_october(today.year + 1)
    return sunday - datetime.timedelta(days=1)


def texts(t):
    return {
        "haus": t(
            "Haus der Vielfalt", en="Haus der Vielfalt", tr="Haus der Vielfalt", ar="Haus der Vielfalt"
        ),
        "nordmarkt": t("Nordmarkt", en="Nordmarkt", tr="Nordmarkt", ar="نوردماركت"),
        "mengede": t(
            "Bahnhof Mengede (Treffpunkt)",
            en="Mengede station (meeting point)",
            tr="Mengede tren istasyonu (buluşma noktası)",
            ar="محطة قطار منغده (نقطة اللقاء)",
        ),
        "lift": t(
            "Aufzug am Hintereingang. Sagen Sie uns gern, was Sie brauchen.",
            en="Lift at the back entrance. Just tell us what you need.",
            tr="Arka girişte asansör var. Neye ihtiyacınız olduğunu bize söylemeniz yeterli.",
            ar="يوجد مصعد عند المدخل الخلفي. أخبرونا بما تحتاجونه.",
        ),
        "alt": t(
            "Abstrakte Grafik als Platzhalter für ein Foto der Veranstaltung",
            en="Abstract graphic standing in for a photo of the event",
            tr="Etkinliğin fotoğrafı yerine soyut bir grafik",
            ar="رسم تجريدي بدلاً من صورة للفعالية",
        ),
        "consultation": t(
            "<p>Die Termine dauern je 30 Minuten. Bitte melden Sie sich mit Ihrem Wunschzeitpunkt an; wir bestätigen den Termin per E-Mail oder Telefon.</p>",
            en="<p>Each appointment lasts 30 minutes. Please register with the time you would like; we confirm the appointment by e-mail or phone.</p>",
            tr="<p>Her görüşme 30 dakika sürer. Lütfen istediğiniz saati belirterek kaydolun; randevunuzu e-posta veya telefonla onaylıyoruz.</p>",
            ar="<p>يستغرق كل موعد 30 دقيقة. يُرجى التسجيل مع ذكر الوقت المفضل لديكم، وسنؤكد الموعد بالبريد الإلكتروني أو بالهاتف.</p>",
        ),
        "workshop_title": t(
            "Antragsworkshop: Förderung über 500 Euro",
            en="Application workshop: funding above 500 euros",
            tr="Başvuru atölyesi: 500 avronun üzerindeki destekler",
            ar="ورشة تقديم الطلبات: التمويل فوق 500 يورو",
        ),
        "workshop_summary": t(
            "Wer mehr als 500 Euro beantragt, nimmt am Antragsworkshop teil: Wir gehen Antrag, Kostenplan und Vergleichsangebote gemeinsam durch.",
            en="Anyone applying for more than 500 euros takes part in the application workshop: together we go through the application, budget and comparable quotes.",
            tr="500 avrodan fazla destek için başvuranlar başvuru atölyesine katılır: Başvuruyu, maliyet planını ve karşılaştırmalı teklifleri birlikte ele alıyoruz.",
            ar="من يطلب أكثر من 500 يورو يشارك في ورشة تقديم الطلبات: نراجع معًا الطلب وخطة التكاليف وعروض الأسعار المقارنة.",
        ),
        "workshop_description": t(
            "<p>Bringen Sie Ihre Projektidee mit. Nach dem Workshop wissen Sie, was die Jury sehen möchte, wie Sie die Kosten planen und welche Belege Sie später brauchen. Die Teilnahme ist Voraussetzung für Anträge über 500 Euro.</p>",
            en="<p>Bring your project idea. After the workshop you will know what the jury wants to see, how to plan the costs and which receipts you will need later. Taking part is required for applications above 500 euros.</p>",
            tr="<p>Proje fikrinizi getirin. Atölyeden sonra jürinin neyi görmek istediğini, maliyetleri nasıl planlayacağınızı ve daha sonra hangi belgelere ihtiyaç duyacağınızı bileceksiniz. 500 avronun üzerindeki başvurular için katılım şarttır.</p>",
            ar="<p>أحضروا فكرة مشروعكم. بعد الورشة ستعرفون ما تريد اللجنة رؤيته، وكيف تخططون للتكاليف، وما الإيصالات التي ستحتاجونها لاحقًا. المشاركة شرط لتقديم الطلبات التي تتجاوز 500 يورو.</p>",
        ),
        "consultation_title": t(
            "Beratungstag im Haus der Vielfalt",
            en="Consultation day at Haus der Vielfalt",
            tr="Haus der Vielfalt'ta danışma günü",
            ar="يوم استشارة في Haus der Vielfalt",
        ),
        "consultation_summary": t(
            "Sie planen ein Projekt? In einem 30-minütigen Termin klären wir, welche Ressourcen passen und wie Sie sie bekommen.",
            en="Planning a project? In a 30-minute appointment we work out which resources fit and how you get them.",
            tr="Bir proje mi planlıyorsunuz? 30 dakikalık bir görüşmede hangi kaynakların uygun olduğunu ve onları nasıl alacağınızı birlikte belirliyoruz.",
            ar="تخططون لمشروع؟ في موعد مدته 30 دقيقة نحدد معًا الموارد المناسبة وكيفية الحصول عليها.",
        ),
    }


def events(t, today):
    """(slug, translated slugs, fields for the page) for every demo event; dates from `today`."""
    x = texts(t)
    day = lambda offset: today + datetime.timedelta(days=offset)  # noqa: E731 - a short local helper
    time = datetime.time
    kind = EventPage.Kind
    weekend = clock_change_weekend(today)
    return [
        (
            "antragsworkshop",
            {"en": "application-workshop", "tr": "basvuru-atolyesi"},
            {
                "title": x["workshop_title"],
                "kind": kind.APPLICATION_WORKSHOP,
                "summary": x["workshop_summary"],
                "description": x["workshop_description"],
                "start_date": day(12),
                "start_time": time(17),
                "end_time": time(20),
                **VMDO,
                "fields": ["gesellschaftliche-fragen"],
                "groups": ["vereine"],
                "languages": ["de", "tr", "ar"],
                "registration": EventPage.Registration.REQUIRED,
                "registration_deadline": day(9),
                "capacity": 20,
                "places_left": 7,
                **CONTACT,
                "step_free": True,
                "accessible_toilet": True,
                "childcare": True,
                "accessibility_note": x["lift"],
            },
        ),
        (
            "beratungstag-haus-der-vielfalt",
            {"en": "consultation-day-haus-der-vielfalt", "tr": "haus-der-vielfalt-danisma-gunu"},
            {
                "title": x["consultation_title"],
                "kind": kind.CONSULTATION,
                "summary": x["consultation_summary"],
                "description": x["consultation"],
                "start_date": day(5),
                "start_time": time(10),
                "end_time": time(16),
                **VMDO,
                "groups": ["vereine"],
                "languages": ["de", "tr", "ar", "uk"],
                "registration": EventPage.Registration.REQUIRED,
                "capacity": 12,
                "places_left": 4,
                **CONTACT,
                "step_free": True,
                "accessibility_note": x["lift"],
            },
        ),
        (
            "beratungstag-eving",
            {"en": "consultation-day-eving", "tr": "eving-danisma-gunu"},
            {
                "title": t(
                    "Beratungstag in Eving",
                    en="Consultation day in Eving",
                    tr="Eving'de danışma günü",
                    ar="يوم استشارة في إيفينغ",
                ),
                "kind": kind.CONSULTATION,
                "summary": t(
                    "Wir kommen in den Stadtteil: Beratung zu Ressourcen, Räumen und Förderung für Vereine im Dortmunder Norden.",
                    en="We come to your district: advice on resources, rooms and funding for associations in the north of Dortmund.",
                    tr="Semtinize geliyoruz: Dortmund'un kuzeyindeki dernekler için kaynaklar, mekânlar ve destekler hakkında danışmanlık.",
                    ar="نأتي إلى حيّكم: استشارات حول الموارد والقاعات والتمويل لجمعيات شمال دورتموند.",
                ),
                "description": x["consultation"],
                "start_date": day(33),
                "start_time": time(14),
                "end_time": time(18),
                "venue_partner": "oekumenische-fluechtlingshilfe-eving",
                "groups": ["vereine", "neuzugewanderte"],
                "languages": ["de", "ar", "ti"],
                "registration": EventPage.Registration.REQUIRED,
                "capacity": 8,
                "places_left": 8,
                **CONTACT,
            },
        ),
        (
            "antragsworkshop-frueherer-termin",
            {"en": "application-workshop-earlier-date", "tr": "basvuru-atolyesi-onceki-tarih"},
            {
                "title": x["workshop_title"],
                "kind": kind.APPLICATION_WORKSHOP,
                "summary": x["workshop_summary"],
                "description": x["workshop_description"],
                "start_date": day(-40),
                "start_time": time(17),
                "end_time": time(20),
                **VMDO,
                "fields": ["gesellschaftliche-fragen"],
                "groups": ["vereine"],
                "languages": ["de", "tr", "ar"],
                "registration": EventPage.Registration.REQUIRED,
                "capacity": 20,
                "places_left": 0,
                **CONTACT,
                "step_free": True,
                "accessible_toilet": True,
            },
        ),
        (
            "netzwerktreffen-nordstadt",
            {"en": "network-meeting-nordstadt", "tr": "nordstadt-ag-bulusmasi"},
            {
                "title": t(
                    "Netzwerktreffen Nordstadt: Vereine und Einrichtungen",
                    en="Nordstadt network meeting: associations and institutions",
                    tr="Nordstadt ağ buluşması: dernekler ve kurumlar",
                    ar="لقاء تشبيك في نوردشتات: جمعيات ومؤسسات",
                ),
                "kind": kind.NETWORK,
                "summary": t(
                    "Vereine, Schulen, Kitas und Ämter aus der Nordstadt lernen sich kennen und planen gemeinsame Projekte.",
                    en="Associations, schools, day-care centres and public offices from the Nordstadt get to know each other and plan joint projects.",
                    tr="Nordstadt'taki dernekler, okullar, kreşler ve resmî daireler birbirini tanıyor ve ortak projeler planlıyor.",
                    ar="تتعارف الجمعيات والمدارس ودور الحضانة والدوائر الرسمية في نوردشتات وتخطط لمشاريع مشتركة.",
                ),
                "description": t(
                    "<p>Kurze Vorstellungsrunde, dann Thementische: Räume teilen, Ehrenamtliche gewinnen, Sprachmittlung. Für Getränke und einen Imbiss ist gesorgt.</p>",
                    en="<p>A short round of introductions, then topic tables: sharing rooms, finding volunteers, interpreting. Drinks and snacks are provided.</p>",
                    tr="<p>Kısa bir tanışma turunun ardından konu masaları: mekân paylaşımı, gönüllü bulmak, sözlü tercüme. İçecek ve atıştırmalık ikram edilecektir.</p>",
                    ar="<p>جولة تعارف قصيرة، ثم طاولات موضوعية: تقاسم القاعات، وكسب المتطوعين، والترجمة الشفهية. المشروبات والوجبات الخفيفة متوفرة.</p>",
                ),
                "start_date": day(19),
                "start_time": time(18),
                "end_time": time(20, 30),
                "venue_partner": "quartiersbuero-nordstadt",
                "organiser": "quartiersbuero-nordstadt",
                "fields": ["gesellschaftliche-fragen", "kulturelle-vielfalt"],
                "groups": ["vereine"],
                "languages": ["de", "tr", "ar", "bg", "ro"],
                "step_free": True,
            },
        ),
        (
            "festival-der-kulturen-im-garten",
            {"en": "festival-of-cultures-in-the-garden", "tr": "bahcede-kulturler-festivali"},
            {
                "title": t(
                    "Festival der Kulturen im Garten",
                    en="Festival of cultures in the garden",
                    tr="Bahçede kültürler festivali",
                    ar="مهرجان الثقافات في الحديقة",
                ),
                "kind": kind.CULTURE,
                "summary": t(
                    "Drei Tage Musik, Essen und Mitmachaktionen von Vereinen aus dem Dortmunder Westen – im Nachbarschaftsgarten Huckarde.",
                    en="Three days of music, food and hands-on activities by associations from the west of Dortmund – in the Huckarde community garden.",
                    tr="Dortmund'un batısındaki derneklerden üç gün müzik, yemek ve katılımlı etkinlikler – Huckarde komşuluk bahçesinde.",
                    ar="ثلاثة أيام من الموسيقى والطعام والأنشطة التفاعلية تقدّمها جمعيات غرب دورتموند – في حديقة الجيران في هوكارده.",
                ),
                "description": t(
                    "<p>Jeden Tag ab 11 Uhr: Bühne mit Musik und Tanz, Essensstände, Pflanzentausch und eine Kinderecke. Vereine, die mitmachen möchten, melden sich beim Nachbarschaftsgarten.</p>",
                    en="<p>Every day from 11 am: a stage with music and dance, food stalls, a plant swap and a children's corner. Associations that would like to take part contact the community garden.</p>",
                    tr="<p>Her gün saat 11'den itibaren: müzik ve dans sahnesi, yemek standları, bitki takası ve çocuk köşesi. Katılmak isteyen dernekler komşuluk bahçesine başvurabilir.</p>",
                    ar="<p>كل يوم ابتداءً من الساعة 11: منصة للموسيقى والرقص، وأكشاك طعام، وتبادل للنباتات، وركن للأطفال. الجمعيات الراغبة في المشاركة تتواصل مع حديقة الجيران.</p>",
                ),
                "start_date": day(45),
                "end_date": day(47),
                "venue_partner": "nachbarschaftsgarten-huckarde-ev",
                "organiser": "nachbarschaftsgarten-huckarde-ev",
                "fields": ["kulturelle-vielfalt", "umwelt"],
                "groups": ["eltern", "kinder"],
                "languages": ["de", "tr", "ar", "ku", "sq"],
                "step_free": True,
                "accessible_toilet": True,
                "image": True,
            },
        ),
        (
            "wochenendseminar-fuer-vereinsvorstaende",
            {
                "en": "weekend-seminar-for-association-boards",
                "tr": "yonetim-kurullari-icin-hafta-sonu-semineri",
            },
            {
                "title": t(
                    "Wochenendseminar für Vereinsvorstände",
                    en="Weekend seminar for association boards",
                    tr="Dernek yönetim kurulları için hafta sonu semineri",
                    ar="ندوة نهاية الأسبوع لمجالس إدارة الجمعيات",
                ),
                "kind": kind.WORKSHOP,
                "summary": t(
                    "Zwei Tage für den Vorstand: Aufgaben verteilen, Mitglieder gewinnen und die Finanzen im Griff behalten.",
                    en="Two days for the board: sharing tasks, winning members and keeping the finances under control.",
                    tr="Yönetim kurulu için iki gün: görev paylaşımı, üye kazanma ve mali işleri kontrol altında tutma.",
                    ar="يومان لمجلس الإدارة: توزيع المهام، وكسب الأعضاء، وإدارة الشؤون المالية بإحكام.",
                ),
                "description": t(
                    "<p>Samstag von 10 bis 18 Uhr und Sonntag von 10 bis 15 Uhr. In der Nacht auf Sonntag werden die Uhren auf Winterzeit umgestellt – am Sonntag beginnen wir trotzdem um 10 Uhr.</p>",
                    en="<p>Saturday from 10 am to 6 pm and Sunday from 10 am to 3 pm. The clocks go back to winter time during Saturday night – we still start at 10 am on Sunday.</p>",
                    tr="<p>Cumartesi 10.00–18.00 ve pazar 10.00–15.00. Cumartesiyi pazara bağlayan gece saatler kış saatine geri alınıyor – pazar günü yine saat 10.00'da başlıyoruz.</p>",
                    ar="<p>يوم السبت من الساعة 10 حتى 18 ويوم الأحد من الساعة 10 حتى 15. في ليلة الأحد تُعاد الساعات إلى التوقيت الشتوي – ومع ذلك نبدأ يوم الأحد في الساعة 10.</p>",
                ),
                "start_date": weekend,
                "start_time": time(10),
                "end_date": weekend + datetime.timedelta(days=1),
                "end_time": time(15),
                **VMDO,
                "fields": ["gesellschaftliche-fragen", "bildung"],
                "groups": ["vereine"],
                "languages": ["de", "tr"],
                "price": Decimal("20.00"),
                "price_note": t(
                    "inklusive Mittagessen an beiden Tagen",
                    en="lunch on both days included",
                    tr="iki gün öğle yemeği dahil",
                    ar="يشمل الغداء في اليومين",
                ),
                "registration": EventPage.Registration.REQUIRED,
                "registration_url": "https://anmeldung.example.org/wochenendseminar",
                "capacity": 24,
                "places_left": 11,
                **CONTACT,
                "step_free": True,
                "childcare": True,
                "accessibility_note": x["lift"],
            },
        ),
        (
            "fahrradtour-entlang-der-emscher",
            {"en": "bike-tour-along-the-emscher", "tr": "emscher-boyunca-bisiklet-turu"},
            {
                "title": t(
                    "Fahrradtour entlang der Emscher",
                    en="Bike tour along the Emscher",
                    tr="Emscher boyunca bisiklet turu",
                    ar="جولة بالدراجات على طول نهر إمشر",
                ),
                "kind": kind.ASSOCIATION,
                "summary": t(
                    "Eine gemütliche Tour für Familien: 20 Kilometer am renaturierten Fluss, mit Stopps zu Pflanzen und Tieren.",
                    en="A relaxed tour for families: 20 kilometres along the restored river, with stops about plants and animals.",
                    tr="Aileler için rahat bir tur: doğal hâline döndürülen nehir boyunca 20 kilometre, bitkiler ve hayvanlar hakkında molalarla.",
                    ar="جولة هادئة للعائلات: 20 كيلومترًا على طول النهر بعد إعادته إلى طبيعته، مع محطات للتعرّف على النباتات والحيوانات.",
                ),
                "start_date": day(9),
                "start_time": time(10),
                "end_time": time(14),
                "venue": "mengede",
                "district": "mengede",
                "organiser": "umweltinitiative-emscherufer",
                "fields": ["umwelt"],
                "groups": ["eltern", "jugendliche"],
                "languages": ["de"],
                "status": EventPage.Status.CANCELLED,
                "status_note": t(
                    "Die Tour fällt wegen Bauarbeiten am Emscherweg aus. Im Frühjahr planen wir einen neuen Termin.",
                    en="The tour is cancelled because of construction work on the Emscher path. We are planning a new date in spring.",
                    tr="Tur, Emscher yolundaki inşaat çalışmaları nedeniyle iptal edildi. İlkbaharda yeni bir tarih planlıyoruz.",
                    ar="أُلغيت الجولة بسبب أعمال البناء على ممر إمشر. نخطط لموعد جديد في الربيع.",
                ),
            },
        ),
        (
            "social-media-fuer-vereine",
            {"en": "social-media-for-associations", "tr": "dernekler-icin-sosyal-medya"},
            {
                "title": t(
                    "Social Media für Vereine",
                    en="Social media for associations",
                    tr="Dernekler için sosyal medya",
                    ar="وسائل التواصل الاجتماعي للجمعيات",
                ),
                "kind": kind.WORKSHOP,
                "summary": t(
                    "Wie erreicht Ihr Verein mehr Menschen? Praxistipps für Instagram, Facebook und WhatsApp-Kanäle – mit Übungen am eigenen Handy.",
                    en="How can your association reach more people? Practical tips for Instagram, Facebook and WhatsApp channels – with exercises on your own phone.",
                    tr="Derneğiniz daha fazla insana nasıl ulaşır? Instagram, Facebook ve WhatsApp kanalları için pratik ipuçları – kendi telefonunuzda alıştırmalarla.",
                    ar="كيف تصل جمعيتكم إلى عدد أكبر من الناس؟ نصائح عملية لإنستغرام وفيسبوك وقنوات واتساب – مع تمارين على هواتفكم.",
                ),
                "start_date": day(26),
                "start_time": time(18),
                "end_time": time(21),
                **VMDO,
                "fields": ["gesellschaftliche-fragen"],
                "groups": ["vereine"],
                "languages": ["de", "en", "ar"],
                "registration": EventPage.Registration.REQUIRED,
                "registration_url": "https://anmeldung.example.org/social-media",
                "capacity": 15,
                "places_left": 5,
                "step_free": True,
                "status": EventPage.Status.RESCHEDULED,
                "previous_start_date": day(7),
                "status_note": t(
                    "Neuer Termin, weil die Referentin erkrankt ist. Bisherige Anmeldungen gelten weiter.",
                    en="New date because the trainer fell ill. Existing registrations remain valid.",
                    tr="Eğitmen hastalandığı için yeni tarih. Mevcut kayıtlar geçerliliğini koruyor.",
                    ar="موعد جديد بسبب مرض المدرّبة. تبقى التسجيلات السابقة سارية.",
                ),
            },
        ),
        (
            "infoabend-kassenfuehrung",
            {"en": "information-evening-bookkeeping", "tr": "kasa-defteri-bilgi-aksami"},
            {
                "title": t(
                    "Infoabend: Kassenführung im Verein",
                    en="Information evening: bookkeeping in an association",
                    tr="Bilgi akşamı: Dernekte kasa defteri tutma",
                    ar="أمسية معلومات: إدارة الصندوق في الجمعية",
                ),
                "kind": kind.INFORMATION,
                "summary": t(
                    "Was gehört in die Vereinskasse, welche Belege braucht das Finanzamt, und wie bereiten Sie die Kassenprüfung vor?",
                    en="What goes into the association's accounts, which receipts does the tax office need, and how do you prepare the audit?",
                    tr="Dernek kasasına neler girer, vergi dairesi hangi belgeleri ister ve kasa denetimine nasıl hazırlanırsınız?",
                    ar="ما الذي يدخل في صندوق الجمعية، وما الإيصالات التي تحتاجها مصلحة الضرائب، وكيف تستعدون لتدقيق الحسابات؟",
                ),
                "start_date": day(16),
                "start_time": time(18),
                "end_time": time(20),
                **VMDO,
                "fields": ["gesellschaftliche-fragen"],
                "groups": ["vereine"],
                "languages": ["de", "tr"],
                "status": EventPage.Status.POSTPONED,
                "status_note": t(
                    "Der Abend wird verschoben; der neue Termin steht hier, sobald der Raum bestätigt ist.",
                    en="The evening is postponed; the new date will appear here as soon as the room is confirmed.",
                    tr="Akşam etkinliği ertelendi; salon onaylanır onaylanmaz yeni tarih burada yer alacak.",
                    ar="أُجّلت الأمسية؛ سيُعلن الموعد الجديد هنا فور تأكيد القاعة.",
                ),
            },
        ),
        (
            "online-sprechstunde-foerdermittel",
            {"en": "online-office-hour-funding", "tr": "cevrimici-danisma-saati-hibeler"},
            {
                "title": t(
                    "Online-Sprechstunde: Fördermittel",
                    en="Online office hour: funding",
                    tr="Çevrimiçi danışma saati: hibeler",
                    ar="ساعة استشارة عبر الإنترنت: التمويل",
                ),
                "kind": kind.CONSULTATION,
                "summary": t(
                    "Fragen zu Zuschüssen, Kostenübernahme und Belegen? Eine Stunde lang beantworten wir sie live – ohne Anmeldung.",
                    en="Questions about grants, cost coverage or receipts? For an hour we answer them live – no registration needed.",
                    tr="Hibeler, masrafların karşılanması veya belgeler hakkında sorularınız mı var? Bir saat boyunca canlı yanıtlıyoruz – kayıt gerekmez.",
                    ar="لديكم أسئلة عن المنح أو تغطية التكاليف أو الإيصالات؟ نجيب عنها مباشرة لمدة ساعة – دون تسجيل.",
                ),
                "start_date": day(3),
                "start_time": time(18),
                "end_time": time(19),
                "online_url": "https://meet.example.org/hor-sprechstunde",
                "groups": ["vereine"],
                "languages": ["de", "tr", "ar", "uk"],
                **CONTACT,
            },
        ),
        (
            "pressearbeit-fuer-vereine",
            {"en": "press-work-for-associations", "tr": "dernekler-icin-basin-calismasi"},
            {
                "title": t(
                    "Pressearbeit für Vereine",
                    en="Press work for associations",
                    tr="Dernekler için basın çalışması",
                    ar="العمل الصحفي للجمعيات",
                ),
                "kind": kind.WORKSHOP,
                "summary": t(
                    "Wie schreibe ich eine Pressemitteilung, und wie komme ich in die Lokalzeitung? Vor Ort oder online.",
                    en="How do I write a press release, and how do I get into the local paper? On site or online.",
                    tr="Basın bülteni nasıl yazılır, yerel gazetede nasıl yer alınır? Yüz yüze veya çevrimiçi.",
                    ar="كيف أكتب بيانًا صحفيًا، وكيف أصل إلى الصحيفة المحلية؟ حضوريًا أو عبر الإنترنت.",
                ),
                "start_date": day(15),
                "start_time": time(18),
                "end_time": time(20, 30),
                "venue_partner": "medienwerkstatt-dortmund-west",
                "organiser": "medienwerkstatt-dortmund-west",
                "online_url": "https://meet.example.org/pressearbeit",
                "fields": ["gesellschaftliche-fragen"],
                "groups": ["vereine"],
                "languages": ["de"],
                "price": Decimal("5.00"),
                "registration": EventPage.Registration.REQUIRED,
                "registration_url": "https://anmeldung.example.org/pressearbeit",
                "capacity": 20,
                "places_left": 0,
            },
        ),
        (
            "elterncafe-gut-in-die-schule-starten",
            {"en": "parents-cafe-a-good-start-at-school", "tr": "veli-kafesi-okula-iyi-baslangic"},
            {
                "title": t(
                    "Elterncafé: Gut in die Schule starten",
                    en="Parents' café: a good start at school",
                    tr="Veli kafesi: Okula iyi bir başlangıç",
                    ar="مقهى الأهالي: بداية جيدة في المدرسة",
                ),
                "kind": kind.ASSOCIATION,
                "summary": t(
                    "Eltern tauschen sich aus, wie sie ihre Kinder beim Schulstart unterstützen – mit einer Lehrerin und Übersetzung ins Bulgarische und Rumänische.",
                    en="Parents share how they can support their children when starting school – with a teacher and interpreting into Bulgarian and Romanian.",
                    tr="Ebeveynler, okula başlayan çocuklarını nasıl destekleyebileceklerini paylaşıyor – bir öğretmen eşliğinde, Bulgarca ve Rumence tercümeyle.",
                    ar="يتبادل الآباء الخبرات حول كيفية دعم أطفالهم عند بدء الدراسة – بحضور معلّمة ومع ترجمة إلى البلغارية والرومانية.",
                ),
                "start_date": day(8),
                "start_time": time(15),
                "end_time": time(17),
                "venue_partner": "bildungshaus-am-nordmarkt",
                "organiser": "bulgarisch-rumaenischer-elternverein-nordstadt-ev",
                "fields": ["bildung", "kinder-und-jugend"],
                "groups": ["eltern"],
                "languages": ["de", "bg", "ro"],
                "childcare": True,
            },
        ),
        (
            "reparaturtag-in-hombruch",
            {"en": "repair-day-in-hombruch", "tr": "hombruchta-onarim-gunu"},
            {
                "title": t(
                    "Reparaturtag in Hombruch",
                    en="Repair day in Hombruch",
                    tr="Hombruch'ta onarım günü",
                    ar="يوم الإصلاح في هومبروخ",
                ),
                "kind": kind.ASSOCIATION,
                "summary": t(
                    "Bringen Sie Kaputtes mit: Ehrenamtliche reparieren mit Ihnen Elektrogeräte, Fahrräder und Kleidung.",
                    en="Bring what is broken: volunteers repair electrical appliances, bikes and clothes together with you.",
                    tr="Bozuk eşyalarınızı getirin: Gönüllüler elektrikli aletleri, bisikletleri ve giysileri sizinle birlikte onarıyor.",
                    ar="أحضروا الأشياء المعطّلة: يصلح المتطوعون معكم الأجهزة الكهربائية والدراجات والملابس.",
                ),
                "start_date": day(22),
                "start_time": time(14),
                "end_time": time(17),
                "venue_partner": "repair-cafe-hombruch",
                "organiser": "repair-cafe-hombruch",
                "fields": ["umwelt"],
                "languages": ["de", "fa"],
                "step_free": True,
            },
        ),
        (
            "gesundheitstag-fuer-aeltere-menschen",
            {"en": "health-day-for-older-people", "tr": "yaslilar-icin-saglik-gunu"},
            {
                "title": t(
                    "Gesundheitstag für ältere Menschen",
                    en="Health day for older people",
                    tr="Yaşlılar için sağlık günü",
                    ar="يوم الصحة لكبار السن",
                ),
                "kind": kind.INFORMATION,
                "summary": t(
                    "Blutdruck messen, Fragen zur Pflege stellen, Bewegungsübungen ausprobieren – mit Beratung auf Türkisch und Griechisch.",
                    en="Have your blood pressure measured, ask about care, try out exercises – with advice in Turkish and Greek.",
                    tr="Tansiyon ölçümü, bakım hakkında sorular, hareket egzersizleri – Türkçe ve Yunanca danışmanlıkla.",
                    ar="قياس ضغط الدم، وطرح الأسئلة حول الرعاية، وتجربة تمارين الحركة – مع استشارات بالتركية واليونانية.",
                ),
                "start_date": day(29),
                "start_time": time(10),
                "end_time": time(14),
                "venue_partner": "treffpunkt-aelterwerden-aplerbeck",
                "organiser": "treffpunkt-aelterwerden-aplerbeck",
                "fields": ["gesundheit-und-pflege"],
                "groups": ["aeltere"],
                "languages": ["de", "tr", "el"],
                "step_free": True,
                "accessible_toilet": True,
                "hearing_loop": True,
                "accessibility_note": x["lift"],
            },
        ),
        (
            "workshop-rassismus-im-alltag-begegnen",
            {"en": "workshop-responding-to-everyday-racism", "tr": "gunluk-hayatta-irkciliga-karsi-atolye"},
            {
                "title": t(
                    "Workshop: Rassismus im Alltag begegnen",
                    en="Workshop: responding to everyday racism",
                    tr="Atölye: Günlük hayatta ırkçılığa karşı durmak",
                    ar="ورشة: مواجهة العنصرية في الحياة اليومية",
                ),
                "kind": kind.WORKSHOP,
                "summary": t(
                    "Was tun, wenn Mitglieder Diskriminierung erleben? Wir üben, zu reagieren, und zeigen, wo es Beratung gibt.",
                    en="What to do when members experience discrimination? We practise responding and show where to get advice.",
                    tr="Üyeler ayrımcılığa uğradığında ne yapmalı? Tepki vermeyi birlikte çalışıyor ve nereden danışmanlık alınabileceğini gösteriyoruz.",
                    ar="ماذا نفعل عندما يتعرّض الأعضاء للتمييز؟ نتدرّب على الرد ونبيّن أين تتوفر الاستشارة.",
                ),
                "start_date": day(36),
                "start_time": time(18),
                "end_time": time(21),
                **VMDO,
                "organiser": "antidiskriminierungsnetz-ruhr-mitte",
                "fields": ["anti-diskriminierung"],
                "groups": ["vereine", "jugendliche"],
                "languages": ["de", "en", "ar"],
                "registration": EventPage.Registration.REQUIRED,
                "capacity": 25,
                "places_left": 18,
                **CONTACT,
                "step_free": True,
                "sign_language": True,
            },
        ),
        (
            "jugendfussballturnier-der-vereine",
            {"en": "youth-football-tournament", "tr": "derneklerin-genclik-futbol-turnuvasi"},
            {
                "title": t(
                    "Jugendfußballturnier der Vereine",
                    en="Youth football tournament of the associations",
                    tr="Derneklerin gençlik futbol turnuvası",
                    ar="بطولة كرة القدم للشباب بين الجمعيات",
                ),
                "kind": kind.ASSOCIATION,
                "summary": t(
                    "Teams aus Migrantenvereinen spielen gegeneinander – Fair Play zählt mehr als Tore.",
                    en="Teams from migrant associations play against each other – fair play counts more than goals.",
                    tr="Göçmen derneklerinden takımlar karşı karşıya geliyor – fair play gollerden daha önemli.",
                    ar="تتنافس فرق من جمعيات المهاجرين – واللعب النظيف أهم من الأهداف.",
                ),
                "start_date": day(50),
                "venue_partner": "sv-gruen-weiss-luetgendortmund-1921-ev",
                "organiser": "sv-gruen-weiss-luetgendortmund-1921-ev",
                "fields": ["kinder-und-jugend"],
                "groups": ["jugendliche", "kinder"],
                "languages": ["de", "tr", "sq"],
                "registration": EventPage.Registration.REQUIRED,
                "registration_url": "https://anmeldung.example.org/jugendturnier",
                "registration_deadline": day(40),
                "accessible_toilet": True,
            },
        ),
        (
            "infoabend-so-kommt-ihr-verein-an-ressourcen",
            {"en": "information-evening-getting-resources", "tr": "bilgi-aksami-kaynaklara-ulasmak"},
            {
                "title": t(
                    "Infoabend: So kommt Ihr Verein an Ressourcen",
                    en="Information evening: how your association gets resources",
                    tr="Bilgi akşamı: Derneğiniz kaynaklara nasıl ulaşır?",
                    ar="أمسية معلومات: كيف تحصل جمعيتكم على الموارد",
                ),
                "kind": kind.INFORMATION,
                "summary": t(
                    "Für neue Vereine und Initiativen: Was das House of Resources anbietet, wie eine Anfrage abläuft und was danach kommt.",
                    en="For new associations and initiatives: what House of Resources offers, how a request works and what comes next.",
                    tr="Yeni dernekler ve girişimler için: House of Resources'ın neler sunduğu, bir talebin nasıl işlediği ve sonrasında neler olduğu.",
                    ar="للجمعيات والمبادرات الجديدة: ما يقدّمه House of Resources، وكيف يسير الطلب، وما الذي يأتي بعده.",
                ),
                "start_date": day(40),
                "start_time": time(18),
                "end_time": time(19, 30),
                **VMDO,
                "groups": ["vereine", "neuzugewanderte"],
                "languages": ["de", "ar", "fa"],
                "step_free": True,
                "accessible_toilet": True,
            },
        ),
        (
            "netzwerktreffen-raeume-teilen",
            {"en": "network-meeting-sharing-rooms", "tr": "ag-bulusmasi-mekan-paylasimi"},
            {
                "title": t(
                    "Netzwerktreffen: Räume teilen",
                    en="Network meeting: sharing rooms",
                    tr="Ağ buluşması: Mekân paylaşımı",
                    ar="لقاء تشبيك: تقاسم القاعات",
                ),
                "kind": kind.NETWORK,
                "summary": t(
                    "Vereine mit Räumen und Vereine, die Räume suchen, kamen zusammen – mit einer Liste freier Zeiten als Ergebnis.",
                    en="Associations with rooms and associations looking for rooms came together – with a list of free slots as the result.",
                    tr="Mekânı olan derneklerle mekân arayan dernekler bir araya geldi – sonuçta boş saatlerin bir listesi çıktı.",
                    ar="اجتمعت جمعيات لديها قاعات وأخرى تبحث عنها – وكانت النتيجة قائمة بالأوقات المتاحة.",
                ),
                "start_date": day(-60),
                "start_time": time(18),
                "end_time": time(20),
                **VMDO,
                "fields": ["gesellschaftliche-fragen"],
                "groups": ["vereine"],
                "languages": ["de", "tr", "ar"],
                "step_free": True,
            },
        ),
        (
            "workshop-die-eigene-vereinshomepage",
            {"en": "workshop-your-association-website", "tr": "atolye-dernek-web-sitesi"},
            {
                "title": t(
                    "Workshop: Die eigene Vereinshomepage",
                    en="Workshop: your association's own website",
                    tr="Atölye: Derneğinizin kendi web sitesi",
                    ar="ورشة: الموقع الإلكتروني الخاص بجمعيتكم",
                ),
                "kind": kind.WORKSHOP,
                "summary": t(
                    "In drei Stunden zur einfachen, barrierearmen Homepage – mit Vorlage und Hilfe beim Einrichten.",
                    en="A simple, accessible website in three hours – with a template and help setting it up.",
                    tr="Üç saatte basit ve erişilebilir bir web sitesi – şablon ve kurulum desteğiyle.",
                    ar="موقع بسيط وسهل الوصول في ثلاث ساعات – مع قالب جاهز ومساعدة في الإعداد.",
                ),
                "start_date": day(-20),
                "start_time": time(17),
                "end_time": time(20),
                **VMDO,
                "fields": ["gesellschaftliche-fragen"],
                "groups": ["vereine"],
                "languages": ["de", "tr"],
                "registration": EventPage.Registration.REQUIRED,
                "capacity": 12,
                "places_left": 0,
                **CONTACT,
            },
        ),
        (
            "nachbarschaftsfest-am-nordmarkt",
            {"en": "neighbourhood-festival-at-the-nordmarkt", "tr": "nordmarktta-mahalle-senligi"},
            {
                "title": t(
                    "Nachbarschaftsfest am Nordmarkt",
                    en="Neighbourhood festival at the Nordmarkt",
                    tr="Nordmarkt'ta mahalle şenliği",
                    ar="مهرجان الحي في نوردماركت",
                ),
                "kind": kind.CULTURE,
                "summary": t(
                    "Musik, Büfett aus vielen Küchen und Spiele für Kinder – organisiert vom Kulturverein Jasmin.",
                    en="Music, a buffet from many kitchens and games for children – organised by the Jasmin cultural association.",
                    tr="Müzik, pek çok mutfaktan açık büfe ve çocuklar için oyunlar – Jasmin kültür derneği tarafından düzenlendi.",
                    ar="موسيقى وبوفيه من مطابخ كثيرة وألعاب للأطفال – من تنظيم جمعية ياسمين الثقافية.",
                ),
                "start_date": day(-100),
                "venue": "nordmarkt",
                "district": "innenstadt-nord",
                "organiser": "deutsch-syrischer-kulturverein-jasmin-ev",
                "fields": ["kulturelle-vielfalt"],
                "groups": ["eltern", "kinder"],
                "languages": ["de", "ar"],
            },
        ),
        (
            "beratungstag-frueherer-termin",
            {"en": "consultation-day-earlier-date", "tr": "danisma-gunu-onceki-tarih"},
            {
                "title": x["consultation_title"],
                "kind": kind.CONSULTATION,
                "summary": x["consultation_summary"],
                "description": x["consultation"],
                "start_date": day(-14),
                "start_time": time(10),
                "end_time": time(16),
                **VMDO,
                "groups": ["vereine"],
                "languages": ["de", "tr", "ar", "uk"],
                "registration": EventPage.Registration.REQUIRED,
                "capacity": 12,
                "places_left": 0,
                **CONTACT,
                "step_free": True,
            },
        ),
    ]


def index_page(loader):
    t = loader.text
    for language, slug in {
        "en": "events",
        "tr": "etkinlikler",
        "ar": "events",
        "uk": "events",
        "pl": "wydarzenia",
    }.items():
        loader.memory.add("veranstaltungen", language, slug)
    index = loader.page(
        loader.registry["home_page"],
        EventIndexPage,
        "veranstaltungen",
        title=t(
            "Veranstaltungen", en="Events", tr="Etkinlikler", ar="الفعاليات", uk="Події", pl="Wydarzenia"
        ),
        intro=t(
            "Workshops, Beratungstage, Netzwerktreffen und Feste von Vereinen und Partnern in Dortmund.",
            en="Workshops, consultation days, network meetings and festivals of associations and partners in Dortmund.",
            tr="Dortmund'daki derneklerin ve ortakların atölyeleri, danışma günleri, ağ buluşmaları ve şenlikleri.",
            ar="ورش عمل وأيام استشارة ولقاءات تشبيك ومهرجانات للجمعيات والشركاء في دورتموند.",
            uk="Семінари, дні консультацій, зустрічі мережі та свята об'єднань і партнерів у Дортмунді.",
            pl="Warsztaty, dni konsultacji, spotkania sieciowe i festyny stowarzyszeń oraz partnerów w Dortmundzie.",
        ),
        search_description=t(
            "Termine für Dortmunder Vereine: Antragsworkshop, Beratungstage, Netzwerktreffen und Feste.",
            en="Dates for Dortmund associations: application workshop, consultation days, network meetings and festivals.",
            tr="Dortmund'daki dernekler için tarihler: başvuru atölyesi, danışma günleri, ağ buluşmaları ve şenlikler.",
            ar="مواعيد لجمعيات دورتموند: ورشة تقديم الطلبات وأيام الاستشارة ولقاءات التشبيك والمهرجانات.",
            uk="Дати для об'єднань Дортмунда: семінар із заявок, дні консультацій, зустрічі мережі та свята.",
            pl="Terminy dla stowarzyszeń z Dortmundu: warsztat wniosków, dni konsultacji, spotkania sieciowe i festyny.",
        ),
    )
    loader.translate(index)
    return index


def load(loader):
    t = loader.text
    index = index_page(loader)
    loader.registry.setdefault("main_menu", []).append(index)

    x = texts(t)
    districts = {district.slug: district for district in District.objects.all()}
    fields = {term.slug: term for term in EngagementField.objects.filter(locale__language_code="de")}
    groups = {term.slug: term for term in TargetGroup.objects.filter(locale__language_code="de")}
    partners = {p.slug: p for p in PartnerOrganisation.objects.filter(locale__language_code="de")}
    today = dates.today()  # only used for events that do not exist yet: existing ones keep their dates

    for slug, slugs, spec in events(t, today):
        for language in ("en", "tr", "ar"):
            loader.memory.add(slug, language, slugs.get(language) or slugs["en"])
        spec = dict(spec)
        values = {
            "district": districts.get(spec.pop("district", None)),
            "engagement_fields": [fields[key] for key in spec.pop("fields", [])],
            "target_groups": [groups[key] for key in spec.pop("groups", [])],
            "organiser": partners.get(spec.pop("organiser", None)),
            "is_sample": True,
        }
        venue = spec.pop("venue", None)
        if venue:
            values["venue_name"] = x[venue]
        partner = partners.get(spec.pop("venue_partner", None))
        if partner is not None:
            values.update(
                venue_name=t(partner.name),
                street=partner.street,
                postcode=partner.postcode,
                district=partner.district,
            )
        if spec.pop("image", False):
            values["image"] = loader.image(
                f"Veranstaltung: {spec['title'].de} (Beispielbild)",
                ["#fff4d6", "#a33a17", "#0b5c7a", "#1f6f3d"],
            )
            values["image_alt"] = x["alt"]
        event = loader.page(index, EventPage, slug, **spec, **values)
        loader.translate(event, languages=["en", "tr", "ar"])
