"""Sample resources for the demo catalogue (Beispieldaten): German with English, Turkish and Arabic.

Numbers are believable for a Dortmund programme of this size; names of people are invented and marked
"(Beispiel)", e-mail addresses use the reserved `.example` domain. Used by `catalogue/demo.py`.
"""

from decimal import Decimal

from catalogue.models import Resource

LENDABLE = Resource.Kind.LENDABLE
ROOM = Resource.Kind.ROOM
MONEY = Resource.Kind.MONEY
COACHING = Resource.Kind.COACHING
OTHER = Resource.Kind.OTHER

CONTACTS = {
    "technik": ("Selin Yıldız (Beispiel)", "technik@vmdo.example", "+49 231 000 000 11"),
    "raeume": ("Jonas Albrecht (Beispiel)", "raeume@vmdo.example", "+49 231 000 000 12"),
    "foerderung": ("Markus Becker (Beispiel)", "foerderung@vmdo.example", "+49 231 000 000 13"),
    "begleitung": ("Amal Haddad (Beispiel)", "begleitung@vmdo.example", "+49 231 000 000 14"),
}


def shared_texts(t):
    return {
        "office": t(
            "VMDO-Büro, Beuthstraße 21, 44147 Dortmund – Ausgabe dienstags und donnerstags von 10 bis 16 Uhr",
            en="VMDO office, Beuthstraße 21, 44147 Dortmund – pick-up on Tuesdays and Thursdays, 10 am to 4 pm",
            tr="VMDO ofisi, Beuthstraße 21, 44147 Dortmund – teslim alma salı ve perşembe günleri 10.00–16.00",
            ar="مكتب VMDO، Beuthstraße 21، 44147 دورتموند – الاستلام يومي الثلاثاء والخميس من 10 صباحًا حتى 4 عصرًا",
        ),
        "room_keys": t(
            "Schlüsselübergabe im VMDO-Büro. Die genaue Adresse des Raums erhalten Sie mit der Zusage.",
            en="Keys are handed over at the VMDO office. You receive the room's exact address with the confirmation.",
            tr="Anahtar teslimi VMDO ofisinde yapılır. Mekânın tam adresini onay ile birlikte alırsınız.",
            ar="يتم تسليم المفاتيح في مكتب VMDO. ستحصلون على العنوان الدقيق للقاعة مع التأكيد.",
        ),
        "online": t(
            "Im VMDO-Büro oder online – wie es für Ihren Verein am besten passt.",
            en="At the VMDO office or online – whatever suits your association best.",
            tr="VMDO ofisinde ya da çevrim içi – derneğinize en uygun şekilde.",
            ar="في مكتب VMDO أو عبر الإنترنت – حسب ما يناسب جمعيتكم.",
        ),
        "conditions_lending": t(
            "<p>Für gemeinnützige Aktivitäten Dortmunder Vereine und Initiativen. Bitte prüfen Sie die Geräte "
            "bei der Abholung und geben Sie sie sauber und vollständig zurück.</p><p>Bei Verlust oder "
            "Beschädigung wird die Kaution ganz oder teilweise einbehalten.</p>",
            en="<p>For non-profit activities of associations and initiatives in Dortmund. Please check the "
            "equipment when you pick it up and return it clean and complete.</p><p>In case of loss or damage, "
            "all or part of the deposit is kept.</p>",
            tr="<p>Dortmund'daki derneklerin ve girişimlerin kâr amacı gütmeyen etkinlikleri içindir. Lütfen "
            "cihazları teslim alırken kontrol edin ve temiz ve eksiksiz olarak geri getirin.</p><p>Kayıp ya da "
            "hasar durumunda depozitonun tamamı veya bir kısmı iade edilmez.</p>",
            ar="<p>للأنشطة غير الربحية للجمعيات والمبادرات في دورتموند. يُرجى فحص الأجهزة عند الاستلام "
            "وإعادتها نظيفة وكاملة.</p><p>في حال الفقدان أو التلف يُحتجز مبلغ التأمين كليًا أو جزئيًا.</p>",
        ),
        "conditions_room": t(
            "<p>Für Treffen, Workshops und Veranstaltungen von Vereinen und Initiativen. Bitte hinterlassen Sie "
            "den Raum so, wie Sie ihn vorgefunden haben.</p>",
            en="<p>For meetings, workshops and events of associations and initiatives. Please leave the room as "
            "you found it.</p>",
            tr="<p>Derneklerin ve girişimlerin toplantıları, atölyeleri ve etkinlikleri içindir. Lütfen mekânı "
            "bulduğunuz gibi bırakın.</p>",
            ar="<p>للاجتماعات وورش العمل والفعاليات الخاصة بالجمعيات والمبادرات. يُرجى ترك القاعة كما "
            "وجدتموها.</p>",
        ),
        "conditions_money": t(
            "<p>Sie beantragen die Förderung vor Ihrer Aktivität. Danach reichen Sie die Belege und einen kurzen "
            "Bericht mit Fotos ein.</p>",
            en="<p>You apply for the funding before your activity. Afterwards you hand in the receipts and a "
            "short report with photos.</p>",
            tr="<p>Desteğe etkinliğinizden önce başvurursunuz. Ardından faturaları ve fotoğraflı kısa bir "
            "raporu teslim edersiniz.</p>",
            ar="<p>تقدّمون طلب الدعم قبل نشاطكم، وبعده تسلّمون الإيصالات وتقريرًا قصيرًا مع صور.</p>",
        ),
        "conditions_coaching": t(
            "<p>Kostenlos für Dortmunder Migrantenvereine und Initiativen. Termine nach Vereinbarung, auch "
            "abends und am Wochenende.</p>",
            en="<p>Free of charge for migrant associations and initiatives in Dortmund. Appointments by "
            "arrangement, also in the evening and at weekends.</p>",
            tr="<p>Dortmund'daki göçmen dernekleri ve girişimleri için ücretsizdir. Randevular, akşam saatleri "
            "ve hafta sonları da dahil olmak üzere anlaşmaya göre verilir.</p>",
            ar="<p>مجانًا لجمعيات المهاجرين والمبادرات في دورتموند. المواعيد بالاتفاق، ويمكن أيضًا في المساء "
            "وفي عطلة نهاية الأسبوع.</p>",
        ),
        "alt": t(
            "Abstrakte Grafik in den Farben des Portals (Beispielbild)",
            en="Abstract graphic in the portal's colours (sample picture)",
            tr="Portalın renklerinde soyut grafik (örnek görsel)",
            ar="رسم تجريدي بألوان البوابة (صورة توضيحية)",
        ),
        "doc_lending": t(
            "Leihvertrag (Muster)",
            en="Lending agreement (template)",
            tr="Ödünç verme sözleşmesi (örnek)",
            ar="عقد الإعارة (نموذج)",
        ),
        "doc_room": t(
            "Raumnutzungsvereinbarung (Muster)",
            en="Room use agreement (template)",
            tr="Mekân kullanım sözleşmesi (örnek)",
            ar="اتفاقية استخدام القاعة (نموذج)",
        ),
        "doc_funding": t(
            "Merkblatt Förderung und Belege (Muster)",
            en="Guide to funding and receipts (template)",
            tr="Destek ve faturalar hakkında bilgi notu (örnek)",
            ar="دليل الدعم والإيصالات (نموذج)",
        ),
    }


def resources(t):
    """Every demo resource: slug, translated slugs, category, kind, texts and facts."""
    return [
        # --- Equipment and technology ---------------------------------------------------------------
        {
            "slug": "beamer",
            "slugs": {"en": "projector", "tr": "projeksiyon-cihazi", "ar": "projector"},
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "featured": True,
            "contact": "technik",
            "fields": ["kulturelle-vielfalt", "bildung"],
            "image": ("Beamer (Beispielbild)", ["#f5f3ee", "#0b5c7a", "#ffbf47"]),
            "download": "doc_lending",
            "facts": {"units": 4, "max_lending_days": 7, "deposit": Decimal(100)},
            "title": t(
                "Beamer (Full HD)",
                en="Projector (full HD)",
                tr="Projeksiyon cihazı (Full HD)",
                ar="جهاز عرض (Full HD)",
            ),
            "summary": t(
                "Lichtstarker Beamer mit HDMI-Kabel und Tasche – für Vorträge, Filmabende und Präsentationen.",
                en="Bright projector with HDMI cable and bag – for talks, film evenings and presentations.",
                tr="HDMI kablosu ve çantasıyla parlak bir projeksiyon cihazı – sunumlar, film geceleri ve "
                "konuşmalar için.",
                ar="جهاز عرض ساطع مع كابل HDMI وحقيبة – للمحاضرات وأمسيات الأفلام والعروض التقديمية.",
            ),
            "description": t(
                "<p>Der Beamer schafft auch in hellen Räumen ein klares Bild. Ein Adapter für Laptops ohne "
                "HDMI-Anschluss liegt bei.</p>",
                en="<p>The projector gives a clear picture even in bright rooms. An adapter for laptops without "
                "an HDMI port is included.</p>",
                tr="<p>Projeksiyon cihazı aydınlık odalarda bile net bir görüntü verir. HDMI girişi olmayan "
                "dizüstü bilgisayarlar için bir adaptör de vardır.</p>",
                ar="<p>يعطي جهاز العرض صورة واضحة حتى في القاعات المضيئة، ومعه محوّل لأجهزة اللابتوب التي لا "
                "تحتوي على منفذ HDMI.</p>",
            ),
        },
        {
            "slug": "leinwand",
            "slugs": {"en": "projection-screen", "tr": "projeksiyon-perdesi", "ar": "projection-screen"},
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["kulturelle-vielfalt", "bildung"],
            "facts": {"units": 2, "max_lending_days": 7, "deposit": Decimal(30)},
            "title": t(
                "Mobile Leinwand (2 × 1,5 m)",
                en="Portable screen (2 × 1.5 m)",
                tr="Taşınabilir perde (2 × 1,5 m)",
                ar="شاشة عرض متنقلة (2 × 1.5 م)",
            ),
            "summary": t(
                "Leinwand mit Dreibeinstativ, in wenigen Minuten aufgebaut.",
                en="Screen on a tripod, set up in a few minutes.",
                tr="Üç ayaklı sehpası olan perde, birkaç dakikada kurulur.",
                ar="شاشة على حامل ثلاثي، تُركَّب في دقائق قليلة.",
            ),
            "description": t(
                "<p>Passt zum Beamer aus dem Katalog. Die Tasche lässt sich auch mit öffentlichen "
                "Verkehrsmitteln gut transportieren.</p>",
                en="<p>Goes with the projector from the catalogue. The bag is easy to carry on public "
                "transport.</p>",
                tr="<p>Katalogdaki projeksiyon cihazıyla birlikte kullanılabilir. Çantası toplu taşımada da "
                "kolayca taşınır.</p>",
                ar="<p>تناسب جهاز العرض الموجود في الدليل، ويسهل حمل حقيبتها في المواصلات العامة.</p>",
            ),
        },
        {
            "slug": "tonanlage",
            "slugs": {"en": "sound-system", "tr": "ses-sistemi", "ar": "sound-system"},
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["kulturelle-vielfalt", "kinder-und-jugend"],
            "image": ("Tonanlage (Beispielbild)", ["#0b5c7a", "#f5f3ee", "#a33a17"]),
            "download": "doc_lending",
            "facts": {"units": 2, "max_lending_days": 5, "deposit": Decimal(150)},
            "title": t(
                "Tonanlage mit zwei Boxen",
                en="Sound system with two speakers",
                tr="İki hoparlörlü ses sistemi",
                ar="نظام صوت مع سماعتين",
            ),
            "summary": t(
                "Aktive Lautsprecher mit Mischpult für Feste bis etwa 200 Gäste, drinnen und draußen.",
                en="Active speakers with a mixing desk for celebrations of up to about 200 guests, indoors and "
                "outdoors.",
                tr="Yaklaşık 200 misafire kadar kapalı ve açık alan şenlikleri için mikserli aktif hoparlörler.",
                ar="سماعات نشطة مع جهاز مزج للاحتفالات حتى نحو 200 ضيف، في الداخل والخارج.",
            ),
            "description": t(
                "<p>Zum Set gehören zwei Boxen auf Stativen, ein kleines Mischpult und alle Kabel. Eine kurze "
                "Einweisung bei der Abholung ist möglich.</p>",
                en="<p>The set includes two speakers on stands, a small mixing desk and all cables. A short "
                "introduction at pick-up is possible.</p>",
                tr="<p>Sette sehpalı iki hoparlör, küçük bir mikser ve tüm kablolar bulunur. Teslim alırken "
                "kısa bir tanıtım yapılabilir.</p>",
                ar="<p>تتضمن المجموعة سماعتين على حاملين وجهاز مزج صغيرًا وجميع الكابلات، ويمكن الحصول على "
                "شرح قصير عند الاستلام.</p>",
            ),
        },
        {
            "slug": "funkmikrofone",
            "slugs": {
                "en": "wireless-microphones",
                "tr": "kablosuz-mikrofonlar",
                "ar": "wireless-microphones",
            },
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["kulturelle-vielfalt", "gesellschaftliche-fragen"],
            "facts": {"units": 3, "max_lending_days": 5, "deposit": Decimal(50)},
            "title": t(
                "Funkmikrofon-Set (zwei Handmikrofone)",
                en="Wireless microphone set (two handheld microphones)",
                tr="Kablosuz mikrofon seti (iki el mikrofonu)",
                ar="مجموعة ميكروفونات لاسلكية (ميكروفونان يدويان)",
            ),
            "summary": t(
                "Zwei Funkmikrofone mit Empfänger, passend zur Tonanlage.",
                en="Two wireless microphones with a receiver, to go with the sound system.",
                tr="Ses sistemine uygun, alıcılı iki kablosuz mikrofon.",
                ar="ميكروفونان لاسلكيان مع جهاز استقبال، يناسبان نظام الصوت.",
            ),
            "description": t(
                "<p>Für Podiumsgespräche, Reden und Moderation. Ersatzbatterien sind dabei.</p>",
                en="<p>For panel discussions, speeches and hosting. Spare batteries are included.</p>",
                tr="<p>Panel tartışmaları, konuşmalar ve sunuculuk için. Yedek piller de vardır.</p>",
                ar="<p>للنقاشات والخطابات وتقديم الفعاليات، ومعها بطاريات احتياطية.</p>",
            ),
        },
        {
            "slug": "headset-mikrofon",
            "slugs": {"en": "headset-microphone", "tr": "kulaklik-mikrofon", "ar": "headset-microphone"},
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["bildung"],
            "facts": {"units": 2, "max_lending_days": 5, "deposit": Decimal(40)},
            "title": t(
                "Headset-Mikrofon",
                en="Headset microphone",
                tr="Kulaklık mikrofon",
                ar="ميكروفون رأسي",
            ),
            "summary": t(
                "Freie Hände beim Sprechen – für Workshops, Sport- und Tanzkurse.",
                en="Hands free while you speak – for workshops, sports and dance classes.",
                tr="Konuşurken eller serbest – atölyeler, spor ve dans kursları için.",
                ar="يدان حرّتان أثناء الحديث – لورش العمل ودروس الرياضة والرقص.",
            ),
            "description": t(
                "<p>Funk-Headset mit Taschensender, kompatibel mit der Tonanlage aus dem Katalog.</p>",
                en="<p>Wireless headset with a belt-pack transmitter, compatible with the sound system from the "
                "catalogue.</p>",
                tr="<p>Cep vericili kablosuz kulaklık mikrofon; katalogdaki ses sistemiyle uyumludur.</p>",
                ar="<p>ميكروفون رأسي لاسلكي مع جهاز إرسال صغير، متوافق مع نظام الصوت الموجود في الدليل.</p>",
            ),
        },
        {
            "slug": "faltpavillon",
            "slugs": {"en": "pop-up-gazebo", "tr": "katlanir-cadir", "ar": "pop-up-gazebo"},
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["kulturelle-vielfalt", "umwelt"],
            "image": ("Faltpavillon (Beispielbild)", ["#f5f3ee", "#a33a17", "#0b5c7a"]),
            "download": "doc_lending",
            "facts": {"units": 6, "max_lending_days": 4, "deposit": Decimal(50)},
            "title": t(
                "Faltpavillon 3 × 3 m",
                en="Pop-up gazebo 3 × 3 m",
                tr="Katlanır çadır 3 × 3 m",
                ar="خيمة قابلة للطي 3 × 3 م",
            ),
            "summary": t(
                "Schnell aufgebauter Pavillon mit Seitenwänden – für Infostände und Straßenfeste.",
                en="Quick-to-build gazebo with side walls – for information stands and street festivals.",
                tr="Yan duvarlı, hızla kurulan çadır – bilgi standları ve sokak şenlikleri için.",
                ar="خيمة سريعة التركيب مع جدران جانبية – لأكشاك المعلومات ومهرجانات الشوارع.",
            ),
            "description": t(
                "<p>Zwei Personen bauen den Pavillon in zehn Minuten auf. Gewichte gegen Wind werden "
                "mitgeliehen.</p>",
                en="<p>Two people put the gazebo up in ten minutes. Weights against the wind come with it.</p>",
                tr="<p>İki kişi çadırı on dakikada kurar. Rüzgâra karşı ağırlıklar da birlikte verilir.</p>",
                ar="<p>يستطيع شخصان تركيب الخيمة في عشر دقائق، وتُعار معها أثقال لتثبيتها في وجه الرياح.</p>",
            ),
        },
        {
            "slug": "festzelt",
            "slugs": {"en": "marquee", "tr": "etkinlik-cadiri", "ar": "marquee"},
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["kulturelle-vielfalt"],
            "facts": {"units": 1, "max_lending_days": 4, "deposit": Decimal(300)},
            "title": t(
                "Festzelt 5 × 8 m",
                en="Marquee 5 × 8 m",
                tr="Etkinlik çadırı 5 × 8 m",
                ar="خيمة احتفالات 5 × 8 م",
            ),
            "summary": t(
                "Großes Zelt für Sommerfeste mit bis zu 60 Sitzplätzen.",
                en="Large tent for summer festivals with up to 60 seats.",
                tr="60 kişiye kadar oturma yeri olan yaz şenlikleri için büyük çadır.",
                ar="خيمة كبيرة للاحتفالات الصيفية تتسع حتى 60 مقعدًا.",
            ),
            "description": t(
                "<p>Für den Aufbau braucht es vier Personen und etwa eine Stunde. Der Transport ist mit einem "
                "Transporter möglich.</p>",
                en="<p>Putting it up takes four people and about an hour. It can be transported in a van.</p>",
                tr="<p>Kurulum için dört kişi ve yaklaşık bir saat gerekir. Bir kamyonetle taşınabilir.</p>",
                ar="<p>يحتاج التركيب إلى أربعة أشخاص ونحو ساعة، ويمكن نقلها بسيارة نقل صغيرة.</p>",
            ),
        },
        {
            "slug": "festzeltgarnituren",
            "slugs": {"en": "beer-tent-sets", "tr": "masa-bank-takimlari", "ar": "table-and-bench-sets"},
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["kulturelle-vielfalt", "gesellschaftliche-fragen"],
            "facts": {"units": 20, "max_lending_days": 4, "deposit": Decimal(10)},
            "title": t(
                "Festzeltgarnitur (Tisch und zwei Bänke)",
                en="Table and bench set (one table, two benches)",
                tr="Masa-bank takımı (bir masa, iki bank)",
                ar="طقم طاولة ومقعدين",
            ),
            "summary": t(
                "Klappbare Tische und Bänke für je acht Personen.",
                en="Folding tables and benches for eight people each.",
                tr="Her biri sekiz kişilik katlanır masa ve banklar.",
                ar="طاولات ومقاعد قابلة للطي، يتسع كل طقم لثمانية أشخاص.",
            ),
            "description": t(
                "<p>Die Garnituren werden in Sätzen zu fünf Stück ausgegeben. Bitte bringen Sie ein passendes "
                "Fahrzeug mit.</p>",
                en="<p>The sets are handed out in batches of five. Please bring a suitable vehicle.</p>",
                tr="<p>Takımlar beşli gruplar hâlinde verilir. Lütfen uygun bir araçla gelin.</p>",
                ar="<p>تُسلَّم الأطقم في مجموعات من خمسة، فيُرجى إحضار مركبة مناسبة.</p>",
            ),
        },
        {
            "slug": "stehtische",
            "slugs": {"en": "standing-tables", "tr": "bistro-masalari", "ar": "standing-tables"},
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["gesellschaftliche-fragen"],
            "facts": {"units": 10, "max_lending_days": 4, "deposit": Decimal(10)},
            "title": t(
                "Stehtische mit Husse",
                en="Standing tables with covers",
                tr="Örtülü bistro masaları",
                ar="طاولات وقوف مع أغطية",
            ),
            "summary": t(
                "Für Empfänge, Netzwerktreffen und Pausen bei Veranstaltungen.",
                en="For receptions, network meetings and breaks at events.",
                tr="Resepsiyonlar, ağ buluşmaları ve etkinlik araları için.",
                ar="لحفلات الاستقبال ولقاءات التشبيك والاستراحات في الفعاليات.",
            ),
            "description": t(
                "<p>Die weißen Hussen sind waschbar und werden gereinigt zurückgegeben.</p>",
                en="<p>The white covers are washable and are returned clean.</p>",
                tr="<p>Beyaz örtüler yıkanabilir ve temiz olarak geri verilir.</p>",
                ar="<p>الأغطية البيضاء قابلة للغسل وتُعاد نظيفة.</p>",
            ),
        },
        {
            "slug": "digitalkamera",
            "slugs": {"en": "digital-camera", "tr": "dijital-fotograf-makinesi", "ar": "digital-camera"},
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["kinder-und-jugend", "kulturelle-vielfalt"],
            "image": ("Digitalkamera (Beispielbild)", ["#1d2433", "#ffbf47", "#0b5c7a"]),
            "facts": {"units": 2, "max_lending_days": 7, "deposit": Decimal(150)},
            "title": t(
                "Digitalkamera mit Stativ",
                en="Digital camera with tripod",
                tr="Tripodlu dijital fotoğraf makinesi",
                ar="كاميرا رقمية مع حامل ثلاثي",
            ),
            "summary": t(
                "Systemkamera für Fotos und Videos Ihrer Aktivitäten, mit Speicherkarte und Ersatzakku.",
                en="System camera for photos and videos of your activities, with memory card and spare battery.",
                tr="Etkinliklerinizin fotoğraf ve videoları için hafıza kartı ve yedek bataryalı bir fotoğraf "
                "makinesi.",
                ar="كاميرا لالتقاط الصور ومقاطع الفيديو لأنشطتكم، مع بطاقة ذاكرة وبطارية احتياطية.",
            ),
            "description": t(
                "<p>Gute Fotos helfen bei Berichten an Förderer und in den sozialen Medien. Bitte holen Sie "
                "vorher das Einverständnis der Abgebildeten ein.</p>",
                en="<p>Good photos help with reports to funders and on social media. Please ask the people in "
                "the pictures for their consent first.</p>",
                tr="<p>İyi fotoğraflar destekçilere raporlarda ve sosyal medyada işe yarar. Lütfen önce "
                "fotoğraftaki kişilerin iznini alın.</p>",
                ar="<p>تساعد الصور الجيدة في التقارير المقدَّمة للجهات الداعمة وعلى وسائل التواصل الاجتماعي. "
                "يُرجى أخذ موافقة الأشخاص الظاهرين في الصور مسبقًا.</p>",
            ),
        },
        {
            "slug": "laptop",
            "slugs": {"en": "laptop", "tr": "dizustu-bilgisayar", "ar": "laptop"},
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["bildung"],
            "facts": {"units": 3, "max_lending_days": 14, "deposit": Decimal(200)},
            "title": t(
                "Laptop für Präsentationen",
                en="Laptop for presentations",
                tr="Sunumlar için dizüstü bilgisayar",
                ar="حاسوب محمول للعروض التقديمية",
            ),
            "summary": t(
                "Laptop mit Office-Programmen und Videokonferenz-Software.",
                en="Laptop with office software and video conferencing software.",
                tr="Ofis programları ve video konferans yazılımı yüklü dizüstü bilgisayar.",
                ar="حاسوب محمول مع برامج مكتبية وبرنامج لمؤتمرات الفيديو.",
            ),
            "description": t(
                "<p>Vor jeder Ausleihe wird der Laptop zurückgesetzt; Ihre Daten bleiben nicht darauf "
                "gespeichert.</p>",
                en="<p>The laptop is reset before each loan; your data does not stay on it.</p>",
                tr="<p>Her ödünç vermeden önce bilgisayar sıfırlanır; verileriniz üzerinde kalmaz.</p>",
                ar="<p>يُعاد ضبط الحاسوب قبل كل إعارة، فلا تبقى بياناتكم محفوظة عليه.</p>",
            ),
        },
        {
            "slug": "moderationskoffer",
            "slugs": {"en": "facilitation-kit", "tr": "moderasyon-cantasi", "ar": "facilitation-kit"},
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["bildung", "anti-diskriminierung"],
            "facts": {"units": 2, "max_lending_days": 7, "deposit": Decimal(30)},
            "title": t(
                "Moderationskoffer mit Pinnwänden",
                en="Facilitation kit with pin boards",
                tr="Pano ile moderasyon çantası",
                ar="حقيبة إدارة ورش مع لوحات تثبيت",
            ),
            "summary": t(
                "Karten, Stifte, Pins und zwei Pinnwände für Workshops und Vereinssitzungen.",
                en="Cards, markers, pins and two pin boards for workshops and association meetings.",
                tr="Atölyeler ve dernek toplantıları için kartlar, kalemler, raptiyeler ve iki pano.",
                ar="بطاقات وأقلام ودبابيس ولوحتا تثبيت لورش العمل واجتماعات الجمعيات.",
            ),
            "description": t(
                "<p>Verbrauchtes Material wird nach der Rückgabe ersetzt, Sie müssen nichts nachkaufen.</p>",
                en="<p>Used material is replaced after the return; you do not need to buy anything.</p>",
                tr="<p>Kullanılan malzeme iadeden sonra yenilenir; bir şey satın almanız gerekmez.</p>",
                ar="<p>تُستبدل المواد المستهلكة بعد الإرجاع، فلا حاجة لشراء شيء.</p>",
            ),
        },
        {
            "slug": "lastenrad",
            "slugs": {"en": "cargo-bike", "tr": "yuk-bisikleti", "ar": "cargo-bike"},
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["umwelt"],
            "not_yet": True,
            "facts": {"units": 1, "max_lending_days": 3, "deposit": Decimal(100)},
            "title": t(
                "Lastenrad mit Elektroantrieb",
                en="Electric cargo bike",
                tr="Elektrikli yük bisikleti",
                ar="دراجة شحن كهربائية",
            ),
            "summary": t(
                "Transportiert bis zu 80 kg Material zu Ihrer Veranstaltung – ohne Auto.",
                en="Carries up to 80 kg of material to your event – without a car.",
                tr="Etkinliğinize 80 kg'a kadar malzeme taşır – arabasız.",
                ar="تنقل حتى 80 كغ من المواد إلى فعاليتكم – من دون سيارة.",
            ),
            "description": t(
                "<p>Das Lastenrad kommt neu ins Angebot. Eine Einweisung vor der ersten Fahrt ist Pflicht.</p>",
                en="<p>The cargo bike is new to the catalogue. An introduction before the first ride is "
                "required.</p>",
                tr="<p>Yük bisikleti yeni eklenecek. İlk sürüşten önce bir tanıtım zorunludur.</p>",
                ar="<p>دراجة الشحن إضافة جديدة إلى العروض، والشرح قبل أول قيادة إلزامي.</p>",
            ),
        },
        {
            "slug": "fluesteranlage",
            "slugs": {"en": "interpreting-system", "tr": "tercume-sistemi", "ar": "interpreting-system"},
            "category": "geraete-und-technik",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["kulturelle-vielfalt", "anti-diskriminierung"],
            "facts": {"units": 1, "max_lending_days": 3, "deposit": Decimal(200)},
            "title": t(
                "Flüsteranlage für Verdolmetschung (20 Empfänger)",
                en="Whisper system for interpreting (20 receivers)",
                tr="Fısıltı tercüme sistemi (20 alıcı)",
                ar="نظام ترجمة همسية (20 جهاز استقبال)",
            ),
            "summary": t(
                "Damit alle folgen können: Dolmetschende sprechen leise ins Mikrofon, die Gäste hören über "
                "Kopfhörer.",
                en="So that everyone can follow: interpreters speak quietly into a microphone, guests listen "
                "through headphones.",
                tr="Herkes takip edebilsin diye: tercümanlar mikrofona alçak sesle konuşur, misafirler "
                "kulaklıktan dinler.",
                ar="ليتمكن الجميع من المتابعة: يتحدث المترجمون بصوت منخفض في الميكروفون ويستمع الضيوف عبر "
                "السماعات.",
            ),
            "description": t(
                "<p>Ein Sender und zwanzig Empfänger mit Kopfhörern im Koffer. Ideal für mehrsprachige "
                "Elternabende und Informationsveranstaltungen.</p>",
                en="<p>One transmitter and twenty receivers with headphones in a case. Ideal for multilingual "
                "parents' evenings and information events.</p>",
                tr="<p>Bir çantada bir verici ve kulaklıklı yirmi alıcı. Çok dilli veli toplantıları ve "
                "bilgilendirme etkinlikleri için idealdir.</p>",
                ar="<p>جهاز إرسال وعشرون جهاز استقبال مع سماعات في حقيبة واحدة، وهو مثالي لاجتماعات أولياء "
                "الأمور وفعاليات التوعية متعددة اللغات.</p>",
            ),
        },
        # --- Rooms ------------------------------------------------------------------------------------
        {
            "slug": "seminarraum-nordstadt",
            "slugs": {
                "en": "seminar-room-nordstadt",
                "tr": "seminer-odasi-nordstadt",
                "ar": "seminar-room-nordstadt",
            },
            "category": "raeume",
            "kind": ROOM,
            "featured": True,
            "contact": "raeume",
            "district": "innenstadt-nord",
            "fields": ["bildung", "kinder-und-jugend"],
            "image": ("Seminarraum Nordstadt (Beispielbild)", ["#f5f3ee", "#0b5c7a", "#1d2433"]),
            "download": "doc_room",
            "facts": {"units": 1, "capacity": 25, "step_free": True, "cost_per_day": Decimal(0)},
            "title": t(
                "Seminarraum in der Nordstadt",
                en="Seminar room in the Nordstadt",
                tr="Nordstadt'ta seminer odası",
                ar="قاعة ندوات في حي نوردشتات",
            ),
            "summary": t(
                "Heller Raum für Workshops und Vereinssitzungen, barrierefrei erreichbar.",
                en="Bright room for workshops and association meetings, with step-free access.",
                tr="Atölyeler ve dernek toplantıları için aydınlık, engelsiz erişimli bir oda.",
                ar="قاعة مضيئة لورش العمل واجتماعات الجمعيات، يمكن الوصول إليها دون درج.",
            ),
            "description": t(
                "<p>Der Raum liegt im Erdgeschoss, nahe der U-Bahn. Eine Teeküche kann mitbenutzt werden.</p>",
                en="<p>The room is on the ground floor, close to the underground. A small kitchen can be "
                "shared.</p>",
                tr="<p>Oda zemin katta, metroya yakındır. Küçük mutfak da kullanılabilir.</p>",
                ar="<p>تقع القاعة في الطابق الأرضي قرب محطة المترو، ويمكن استخدام مطبخ صغير.</p>",
            ),
            "room_equipment": t(
                "Beamer, Flipchart, WLAN, 25 Stühle, 8 Tische",
                en="Projector, flip chart, Wi-Fi, 25 chairs, 8 tables",
                tr="Projeksiyon cihazı, flipchart, Wi-Fi, 25 sandalye, 8 masa",
                ar="جهاز عرض، لوح ورقي، إنترنت لاسلكي، 25 كرسيًا، 8 طاولات",
            ),
        },
        {
            "slug": "veranstaltungssaal-city",
            "slugs": {
                "en": "event-hall-city-centre",
                "tr": "etkinlik-salonu-merkez",
                "ar": "event-hall-city-centre",
            },
            "category": "raeume",
            "kind": ROOM,
            "contact": "raeume",
            "district": "innenstadt-west",
            "fields": ["kulturelle-vielfalt", "gesellschaftliche-fragen"],
            "image": ("Veranstaltungssaal (Beispielbild)", ["#1d2433", "#f5f3ee", "#a33a17"]),
            "download": "doc_room",
            "facts": {"units": 1, "capacity": 120, "step_free": True, "cost_per_day": Decimal(150)},
            "title": t(
                "Veranstaltungssaal in der City",
                en="Event hall in the city centre",
                tr="Şehir merkezinde etkinlik salonu",
                ar="قاعة فعاليات في وسط المدينة",
            ),
            "summary": t(
                "Großer Saal mit Bühne für Feste, Konzerte und Podiumsdiskussionen.",
                en="Large hall with a stage for celebrations, concerts and panel discussions.",
                tr="Şenlikler, konserler ve panel tartışmaları için sahneli büyük salon.",
                ar="قاعة كبيرة مع مسرح للاحتفالات والحفلات الموسيقية والنقاشات.",
            ),
            "description": t(
                "<p>Der Saal hat einen Aufzug und ein barrierefreies WC. Die Küche kann gegen Aufpreis genutzt "
                "werden.</p>",
                en="<p>The hall has a lift and an accessible toilet. The kitchen can be used for an extra "
                "charge.</p>",
                tr="<p>Salonda asansör ve engelli tuvaleti vardır. Mutfak ek ücretle kullanılabilir.</p>",
                ar="<p>في القاعة مصعد ودورة مياه مهيأة لذوي الإعاقة، ويمكن استخدام المطبخ مقابل رسوم "
                "إضافية.</p>",
            ),
            "room_equipment": t(
                "Bühne, Tonanlage, Beamer, 120 Stühle, 20 Tische, Küche",
                en="Stage, sound system, projector, 120 chairs, 20 tables, kitchen",
                tr="Sahne, ses sistemi, projeksiyon cihazı, 120 sandalye, 20 masa, mutfak",
                ar="مسرح، نظام صوت، جهاز عرض، 120 كرسيًا، 20 طاولة، مطبخ",
            ),
        },
        {
            "slug": "gruppenraum-eving",
            "slugs": {"en": "group-room-eving", "tr": "grup-odasi-eving", "ar": "group-room-eving"},
            "category": "raeume",
            "kind": ROOM,
            "contact": "raeume",
            "district": "eving",
            "fields": ["kinder-und-jugend"],
            "facts": {"units": 1, "capacity": 15, "step_free": False, "cost_per_day": Decimal(0)},
            "title": t(
                "Gruppenraum in Eving",
                en="Group room in Eving",
                tr="Eving'de grup odası",
                ar="غرفة مجموعات في إيفينغ",
            ),
            "summary": t(
                "Gemütlicher Raum für kleine Gruppen, Hausaufgabenhilfe und Vorstandssitzungen.",
                en="Cosy room for small groups, homework help and board meetings.",
                tr="Küçük gruplar, ödev yardımı ve yönetim kurulu toplantıları için sıcak bir oda.",
                ar="غرفة مريحة للمجموعات الصغيرة والمساعدة في الواجبات المدرسية واجتماعات مجلس الإدارة.",
            ),
            "description": t(
                "<p>Der Raum liegt im ersten Stock ohne Aufzug. Er eignet sich gut für regelmäßige Treffen am "
                "Nachmittag.</p>",
                en="<p>The room is on the first floor without a lift. It suits regular afternoon meetings "
                "well.</p>",
                tr="<p>Oda asansörsüz birinci kattadır. Öğleden sonraları düzenli buluşmalar için çok "
                "uygundur.</p>",
                ar="<p>تقع الغرفة في الطابق الأول دون مصعد، وهي مناسبة للقاءات المنتظمة بعد الظهر.</p>",
            ),
            "room_equipment": t(
                "Whiteboard, 15 Stühle, 4 Tische, Wasserkocher",
                en="Whiteboard, 15 chairs, 4 tables, kettle",
                tr="Beyaz tahta, 15 sandalye, 4 masa, su ısıtıcısı",
                ar="سبورة بيضاء، 15 كرسيًا، 4 طاولات، غلاية ماء",
            ),
        },
        {
            "slug": "gemeinschaftsraum-hoerde",
            "slugs": {
                "en": "community-room-hoerde",
                "tr": "toplum-odasi-hoerde",
                "ar": "community-room-hoerde",
            },
            "category": "raeume",
            "kind": ROOM,
            "contact": "raeume",
            "district": "hoerde",
            "fields": ["gesundheit-und-pflege", "gesellschaftliche-fragen"],
            "facts": {"units": 1, "capacity": 40, "step_free": True, "cost_per_day": Decimal(40)},
            "title": t(
                "Gemeinschaftsraum in Hörde",
                en="Community room in Hörde",
                tr="Hörde'de toplum odası",
                ar="قاعة مجتمعية في هورده",
            ),
            "summary": t(
                "Ebenerdiger Raum am Phoenix-See, gut für Seniorentreffs und Gesundheitsinfos.",
                en="Ground-level room near Lake Phoenix, good for senior meetings and health information "
                "events.",
                tr="Phoenix Gölü yakınında zemin seviyesinde bir oda; yaşlı buluşmaları ve sağlık bilgilendirmeleri "
                "için uygundur.",
                ar="قاعة في الطابق الأرضي قرب بحيرة فينيكس، مناسبة للقاءات كبار السن وفعاليات التوعية الصحية.",
            ),
            "description": t(
                "<p>Stühle mit Armlehnen und eine Induktionsschleife für Hörgeräte sind vorhanden.</p>",
                en="<p>Chairs with armrests and an induction loop for hearing aids are available.</p>",
                tr="<p>Kolçaklı sandalyeler ve işitme cihazları için indüksiyon döngüsü mevcuttur.</p>",
                ar="<p>تتوفر كراسٍ بمساند للذراعين وحلقة حثّ لأجهزة السمع.</p>",
            ),
            "room_equipment": t(
                "Induktionsschleife, Leinwand, 40 Stühle mit Armlehnen, Teeküche",
                en="Induction loop, screen, 40 chairs with armrests, small kitchen",
                tr="İndüksiyon döngüsü, perde, 40 kolçaklı sandalye, küçük mutfak",
                ar="حلقة حثّ سمعية، شاشة عرض، 40 كرسيًا بمساند، مطبخ صغير",
            ),
        },
        {
            "slug": "raum-mit-kueche-scharnhorst",
            "slugs": {
                "en": "room-with-kitchen-scharnhorst",
                "tr": "mutfakli-oda-scharnhorst",
                "ar": "room-with-kitchen-scharnhorst",
            },
            "category": "raeume",
            "kind": ROOM,
            "contact": "raeume",
            "district": "scharnhorst",
            "fields": ["kulturelle-vielfalt", "gesundheit-und-pflege"],
            "facts": {"units": 1, "capacity": 30, "step_free": False, "cost_per_day": Decimal(25)},
            "title": t(
                "Raum mit Küche in Scharnhorst",
                en="Room with kitchen in Scharnhorst",
                tr="Scharnhorst'ta mutfaklı oda",
                ar="قاعة مع مطبخ في شارنهورست",
            ),
            "summary": t(
                "Für Kochabende, Iftar-Essen und Nachbarschaftsfrühstücke.",
                en="For cooking evenings, iftar dinners and neighbourhood breakfasts.",
                tr="Yemek akşamları, iftar yemekleri ve komşu kahvaltıları için.",
                ar="لأمسيات الطبخ وموائد الإفطار وفطور الجيران.",
            ),
            "description": t(
                "<p>Die Küche hat zwei Herde, einen großen Kühlschrank und Geschirr für 30 Personen. Zum Raum "
                "führen drei Stufen.</p>",
                en="<p>The kitchen has two cookers, a large fridge and tableware for 30 people. Three steps lead "
                "to the room.</p>",
                tr="<p>Mutfakta iki ocak, büyük bir buzdolabı ve 30 kişilik tabak çanak vardır. Odaya üç "
                "basamakla çıkılır.</p>",
                ar="<p>في المطبخ موقدان وثلاجة كبيرة وأدوات مائدة لثلاثين شخصًا، وتؤدي ثلاث درجات إلى "
                "القاعة.</p>",
            ),
            "room_equipment": t(
                "Küche mit zwei Herden, Geschirr für 30 Personen, 30 Stühle, 6 Tische",
                en="Kitchen with two cookers, tableware for 30 people, 30 chairs, 6 tables",
                tr="İki ocaklı mutfak, 30 kişilik tabak çanak, 30 sandalye, 6 masa",
                ar="مطبخ بموقدين، أدوات مائدة لثلاثين شخصًا، 30 كرسيًا، 6 طاولات",
            ),
        },
        {
            "slug": "werkstattraum-huckarde",
            "slugs": {
                "en": "workshop-room-huckarde",
                "tr": "atolye-odasi-huckarde",
                "ar": "workshop-room-huckarde",
            },
            "category": "raeume",
            "kind": ROOM,
            "contact": "raeume",
            "district": "huckarde",
            "fields": ["umwelt", "kinder-und-jugend"],
            "facts": {"units": 1, "capacity": 12, "step_free": True, "cost_per_day": Decimal(0)},
            "title": t(
                "Werkstattraum in Huckarde",
                en="Workshop room in Huckarde",
                tr="Huckarde'de atölye odası",
                ar="غرفة ورشة في هوكارده",
            ),
            "summary": t(
                "Zum Basteln, Reparieren und für Upcycling-Projekte mit Jugendlichen.",
                en="For crafts, repairs and upcycling projects with young people.",
                tr="El işleri, tamir ve gençlerle geri dönüşüm projeleri için.",
                ar="للأشغال اليدوية والتصليح ومشاريع إعادة التدوير مع الشباب.",
            ),
            "description": t(
                "<p>Werkbänke und Grundwerkzeug sind vorhanden. Der Raum ist ebenerdig über den Hof "
                "erreichbar.</p>",
                en="<p>Workbenches and basic tools are available. The room is reached at ground level across the "
                "courtyard.</p>",
                tr="<p>Tezgâhlar ve temel aletler mevcuttur. Odaya avludan basamaksız ulaşılır.</p>",
                ar="<p>تتوفر طاولات عمل وأدوات أساسية، ويمكن الوصول إلى الغرفة عبر الفناء دون درج.</p>",
            ),
            "room_equipment": t(
                "Vier Werkbänke, Grundwerkzeug, Waschbecken, 12 Hocker",
                en="Four workbenches, basic tools, sink, 12 stools",
                tr="Dört tezgâh, temel aletler, lavabo, 12 tabure",
                ar="أربع طاولات عمل، أدوات أساسية، مغسلة، 12 كرسيًا بلا ظهر",
            ),
        },
        {
            "slug": "saal-mengede",
            "slugs": {"en": "hall-mengede", "tr": "salon-mengede", "ar": "hall-mengede"},
            "category": "raeume",
            "kind": ROOM,
            "contact": "raeume",
            "district": "mengede",
            "fields": ["kulturelle-vielfalt"],
            "facts": {"units": 1, "capacity": 80, "step_free": False, "cost_per_day": None},
            "title": t(
                "Saal in Mengede",
                en="Hall in Mengede",
                tr="Mengede'de salon",
                ar="قاعة في منغده",
            ),
            "summary": t(
                "Saal für Hochzeitsjubiläen, Vereinsfeiern und Tanzabende.",
                en="Hall for anniversaries, association parties and dance evenings.",
                tr="Yıldönümleri, dernek kutlamaları ve dans geceleri için salon.",
                ar="قاعة لاحتفالات الذكرى السنوية وحفلات الجمعيات وأمسيات الرقص.",
            ),
            "description": t(
                "<p>Der Saal liegt im Obergeschoss einer Gaststätte. Die Miete wird mit dem Wirt vereinbart; "
                "das House of Resources kann sie übernehmen.</p>",
                en="<p>The hall is upstairs in a restaurant. The rent is agreed with the landlord; House of "
                "Resources can cover it.</p>",
                tr="<p>Salon bir restoranın üst katındadır. Kira işletmeciyle kararlaştırılır; House of "
                "Resources bunu karşılayabilir.</p>",
                ar="<p>تقع القاعة في الطابق العلوي لمطعم، ويُتفق على الإيجار مع صاحبه، ويمكن لـ House of "
                "Resources تغطيته.</p>",
            ),
            "room_equipment": t(
                "Tanzfläche, 80 Stühle, 12 runde Tische, Theke",
                en="Dance floor, 80 chairs, 12 round tables, bar",
                tr="Dans pisti, 80 sandalye, 12 yuvarlak masa, bar",
                ar="حلبة رقص، 80 كرسيًا، 12 طاولة مستديرة، منضدة تقديم",
            ),
        },
        {
            "slug": "zuschuss-raummiete",
            "slugs": {"en": "rent-subsidy", "tr": "kira-destegi", "ar": "rent-subsidy"},
            "category": "raeume",
            "kind": MONEY,
            "contact": "foerderung",
            "fields": ["gesellschaftliche-fragen"],
            "download": "doc_funding",
            "facts": {"budget": Decimal(4000), "max_amount_per_request": Decimal(400)},
            "title": t(
                "Zuschuss zur Raummiete",
                en="Subsidy for room rent",
                tr="Mekân kirası desteği",
                ar="دعم إيجار القاعات",
            ),
            "summary": t(
                "Sie haben einen passenden Raum gefunden? Wir beteiligen uns an der Miete.",
                en="Found a suitable room? We contribute to the rent.",
                tr="Uygun bir mekân mı buldunuz? Kiraya katkıda bulunuyoruz.",
                ar="وجدتم قاعة مناسبة؟ نساهم في الإيجار.",
            ),
            "description": t(
                "<p>Für einzelne Veranstaltungen in Räumen, die nicht im Katalog stehen, etwa in "
                "Bürgerhäusern oder Gemeindezentren.</p>",
                en="<p>For single events in rooms that are not in the catalogue, for example in community "
                "centres.</p>",
                tr="<p>Katalogda olmayan mekânlarda, örneğin semt evlerinde ya da toplum merkezlerinde yapılan "
                "tek seferlik etkinlikler için.</p>",
                ar="<p>للفعاليات المنفردة في قاعات غير موجودة في الدليل، مثل المراكز المجتمعية.</p>",
            ),
        },
        # --- Public relations ---------------------------------------------------------------------------
        {
            "slug": "flyer-und-plakate",
            "slugs": {"en": "flyers-and-posters", "tr": "brosur-ve-afis", "ar": "flyers-and-posters"},
            "category": "oeffentlichkeitsarbeit",
            "kind": MONEY,
            "featured": True,
            "contact": "foerderung",
            "requires_logos": True,
            "fields": ["kulturelle-vielfalt", "gesellschaftliche-fragen"],
            "image": ("Flyer und Plakate (Beispielbild)", ["#ffbf47", "#a33a17", "#0b5c7a"]),
            "download": "doc_funding",
            "facts": {"budget": Decimal(6000), "max_amount_per_request": Decimal(800)},
            "title": t(
                "Mitfinanzierung von Flyern und Plakaten",
                en="Co-financing of flyers and posters",
                tr="Broşür ve afişlere ortak finansman",
                ar="المساهمة في تمويل المنشورات والملصقات",
            ),
            "summary": t(
                "Zuschuss zu Gestaltung und Druck, damit Ihre Veranstaltung gesehen wird.",
                en="A grant towards design and printing, so that your event gets noticed.",
                tr="Etkinliğinizin fark edilmesi için tasarım ve baskıya destek.",
                ar="دعم لتكاليف التصميم والطباعة ليلفت نشاطكم الأنظار.",
            ),
            "description": t(
                "<p>Gefördert werden Gestaltung und Druck von Flyern, Plakaten und Programmheften, auch "
                "mehrsprachig.</p>",
                en="<p>The design and printing of flyers, posters and programme booklets is funded, multilingual "
                "ones included.</p>",
                tr="<p>Broşür, afiş ve program kitapçıklarının tasarımı ve baskısı, çok dilli olanlar da dahil, "
                "desteklenir.</p>",
                ar="<p>يشمل الدعم تصميم وطباعة المنشورات والملصقات وكتيّبات البرامج، بما فيها متعددة "
                "اللغات.</p>",
            ),
        },
        {
            "slug": "vereinshomepage",
            "slugs": {"en": "association-website", "tr": "dernek-web-sitesi", "ar": "association-website"},
            "category": "oeffentlichkeitsarbeit",
            "kind": MONEY,
            "contact": "foerderung",
            "fields": ["gesellschaftliche-fragen", "bildung"],
            "download": "doc_funding",
            "facts": {"budget": Decimal(8000), "max_amount_per_request": Decimal(1500)},
            "title": t(
                "Homepage für Ihren Verein",
                en="A website for your association",
                tr="Derneğiniz için web sitesi",
                ar="موقع إلكتروني لجمعيتكم",
            ),
            "summary": t(
                "Zuschuss für eine eigene, barrierefreie Vereinshomepage.",
                en="A grant for your association's own accessible website.",
                tr="Derneğinize ait erişilebilir bir web sitesi için destek.",
                ar="دعم لإنشاء موقع إلكتروني خاص بجمعيتكم يسهل الوصول إليه.",
            ),
            "description": t(
                "<p>Gefördert werden Erstellung und das erste Jahr Hosting. Wir beraten Sie auch zu Datenschutz "
                "und Impressum.</p>",
                en="<p>Building the site and the first year of hosting are funded. We also advise you on data "
                "protection and the legal notice.</p>",
                tr="<p>Sitenin yapımı ve ilk yılın barındırma ücreti desteklenir. Veri koruma ve künye konusunda "
                "da size danışmanlık veriyoruz.</p>",
                ar="<p>يشمل الدعم إنشاء الموقع واستضافته في السنة الأولى، ونقدّم لكم أيضًا الاستشارة حول حماية "
                "البيانات والبيانات القانونية.</p>",
            ),
        },
        {
            "slug": "fotos-und-video",
            "slugs": {"en": "photos-and-video", "tr": "fotograf-ve-video", "ar": "photos-and-video"},
            "category": "oeffentlichkeitsarbeit",
            "kind": MONEY,
            "contact": "foerderung",
            "fields": ["kulturelle-vielfalt"],
            "facts": {"budget": Decimal(3000), "max_amount_per_request": Decimal(400)},
            "title": t(
                "Fotos und Video von Ihrer Veranstaltung",
                en="Photos and video of your event",
                tr="Etkinliğinizin fotoğraf ve videosu",
                ar="صور وفيديو لفعاليتكم",
            ),
            "summary": t(
                "Zuschuss für eine Fotografin oder einen Videografen bei Ihrer Veranstaltung.",
                en="A grant for a photographer or videographer at your event.",
                tr="Etkinliğinizde bir fotoğrafçı veya video çekimcisi için destek.",
                ar="دعم لتكاليف مصوّر فوتوغرافي أو مصوّر فيديو في فعاليتكم.",
            ),
            "description": t(
                "<p>Die Aufnahmen gehören Ihrem Verein und dürfen für Ihre Öffentlichkeitsarbeit genutzt "
                "werden.</p>",
                en="<p>The pictures belong to your association and may be used for your public relations.</p>",
                tr="<p>Çekimler derneğinize aittir ve halkla ilişkiler çalışmalarınızda kullanılabilir.</p>",
                ar="<p>تعود ملكية الصور والمقاطع إلى جمعيتكم ويمكن استخدامها في التعريف بأنشطتكم.</p>",
            ),
        },
        # --- Cost coverage ------------------------------------------------------------------------------
        {
            "slug": "veranstaltungskosten",
            "slugs": {"en": "event-costs", "tr": "etkinlik-masraflari", "ar": "event-costs"},
            "category": "kostenuebernahme",
            "kind": MONEY,
            "contact": "foerderung",
            "fields": ["kulturelle-vielfalt", "kinder-und-jugend", "gesellschaftliche-fragen"],
            "download": "doc_funding",
            "facts": {"budget": Decimal(15000), "max_amount_per_request": Decimal(2000)},
            "title": t(
                "Kostenübernahme für Veranstaltungen",
                en="Covering the costs of events",
                tr="Etkinlik masraflarının karşılanması",
                ar="تغطية تكاليف الفعاليات",
            ),
            "summary": t(
                "Für Sachkosten Ihrer Veranstaltung: Miete, Technik, Material, Versicherung.",
                en="For the material costs of your event: rent, equipment, materials, insurance.",
                tr="Etkinliğinizin maddi giderleri için: kira, teknik, malzeme, sigorta.",
                ar="للتكاليف المادية لفعاليتكم: الإيجار والتقنية والمواد والتأمين.",
            ),
            "description": t(
                "<p>Gefördert werden Veranstaltungen, die Ihren Verein mit anderen Akteuren in Dortmund "
                "vernetzen.</p>",
                en="<p>Funding goes to events that connect your association with other actors in Dortmund.</p>",
                tr="<p>Derneğinizi Dortmund'daki diğer aktörlerle buluşturan etkinlikler desteklenir.</p>",
                ar="<p>يُقدَّم الدعم للفعاليات التي تربط جمعيتكم بجهات فاعلة أخرى في دورتموند.</p>",
            ),
        },
        {
            "slug": "verpflegung",
            "slugs": {"en": "catering", "tr": "ikram", "ar": "catering"},
            "category": "kostenuebernahme",
            "kind": MONEY,
            "contact": "foerderung",
            "fields": ["kulturelle-vielfalt"],
            "facts": {"budget": Decimal(2500), "max_amount_per_request": Decimal(250)},
            "title": t(
                "Zuschuss zur Verpflegung",
                en="Catering subsidy",
                tr="İkram desteği",
                ar="دعم الضيافة",
            ),
            "summary": t(
                "Getränke und Essen für die Gäste Ihrer Veranstaltung.",
                en="Drinks and food for the guests at your event.",
                tr="Etkinliğinizin misafirleri için yiyecek ve içecek.",
                ar="مشروبات وطعام لضيوف فعاليتكم.",
            ),
            "description": t(
                "<p>Der Zuschuss ist für dieses Jahr ausgeschöpft. Im neuen Jahr steht wieder Geld zur "
                "Verfügung.</p>",
                en="<p>The subsidy is used up for this year. There will be money again in the new year.</p>",
                tr="<p>Bu yılın desteği tükendi. Yeni yılda yeniden bütçe olacak.</p>",
                ar="<p>نفد الدعم لهذا العام، وستتوفر الأموال مجددًا في العام الجديد.</p>",
            ),
        },
        {
            "slug": "honorare",
            "slugs": {"en": "speaker-fees", "tr": "konusmaci-ucretleri", "ar": "speaker-fees"},
            "category": "kostenuebernahme",
            "kind": MONEY,
            "contact": "foerderung",
            "fields": ["bildung", "anti-diskriminierung"],
            "facts": {"budget": Decimal(5000), "max_amount_per_request": Decimal(600)},
            "title": t(
                "Honorare für Referentinnen und Referenten",
                en="Fees for speakers",
                tr="Konuşmacı ücretleri",
                ar="أتعاب المحاضرين والمحاضرات",
            ),
            "summary": t(
                "Für Fachleute, die bei Ihnen einen Vortrag oder Workshop halten.",
                en="For experts who give a talk or a workshop at your association.",
                tr="Derneğinizde konuşma yapan veya atölye yöneten uzmanlar için.",
                ar="للخبراء الذين يقدّمون محاضرة أو ورشة عمل في جمعيتكم.",
            ),
            "description": t(
                "<p>Zum Beispiel zu Erziehung, Gesundheit, Rassismus oder Ausbildung. Wir helfen auch bei der "
                "Suche nach passenden Fachleuten.</p>",
                en="<p>For example on parenting, health, racism or vocational training. We also help you find "
                "suitable experts.</p>",
                tr="<p>Örneğin çocuk eğitimi, sağlık, ırkçılık ya da meslek eğitimi üzerine. Uygun uzmanları "
                "bulmanıza da yardım ediyoruz.</p>",
                ar="<p>مثلًا حول التربية أو الصحة أو العنصرية أو التدريب المهني، ونساعدكم أيضًا في العثور على "
                "خبراء مناسبين.</p>",
            ),
        },
        {
            "slug": "fahrtkosten",
            "slugs": {"en": "travel-costs", "tr": "yol-masraflari", "ar": "travel-costs"},
            "category": "kostenuebernahme",
            "kind": MONEY,
            "contact": "foerderung",
            "fields": ["kinder-und-jugend", "umwelt"],
            "facts": {"budget": Decimal(3000), "max_amount_per_request": Decimal(300)},
            "title": t(
                "Fahrtkosten für Ausflüge",
                en="Travel costs for outings",
                tr="Geziler için yol masrafları",
                ar="تكاليف التنقل للرحلات",
            ),
            "summary": t(
                "Bus- und Bahnfahrten für Ausflüge mit Kindern, Jugendlichen oder Älteren.",
                en="Bus and train tickets for outings with children, young people or older people.",
                tr="Çocuklar, gençler ya da yaşlılarla yapılan geziler için otobüs ve tren biletleri.",
                ar="تذاكر الحافلات والقطارات للرحلات مع الأطفال أو الشباب أو كبار السن.",
            ),
            "description": t(
                "<p>Etwa zu Museen, in den Zoo oder zu Begegnungen mit Vereinen in anderen Städten.</p>",
                en="<p>For example to museums, to the zoo or to meet associations in other cities.</p>",
                tr="<p>Örneğin müzelere, hayvanat bahçesine ya da başka şehirlerdeki derneklerle buluşmaya.</p>",
                ar="<p>مثلًا إلى المتاحف أو حديقة الحيوان أو للقاء جمعيات في مدن أخرى.</p>",
            ),
        },
        # --- Practical support and coaching ------------------------------------------------------------
        {
            "slug": "vereinsgruendung",
            "slugs": {"en": "founding-an-association", "tr": "dernek-kurma", "ar": "founding-an-association"},
            "category": "praktische-begleitung",
            "kind": COACHING,
            "featured": True,
            "contact": "begleitung",
            "fields": ["gesellschaftliche-fragen"],
            "facts": {"format": Resource.Format.IN_PERSON, "languages": ["de", "tr", "ar"]},
            "title": t(
                "Beratung zu Vereinsgründung und Satzung",
                en="Advice on founding an association and its statutes",
                tr="Dernek kuruluşu ve tüzük danışmanlığı",
                ar="استشارة حول تأسيس جمعية ونظامها الأساسي",
            ),
            "summary": t(
                "Von der Idee zum eingetragenen Verein: Satzung, Gemeinnützigkeit, Vereinsregister.",
                en="From the idea to a registered association: statutes, charitable status, register of "
                "associations.",
                tr="Fikirden tescilli derneğe: tüzük, kamu yararı statüsü, dernekler sicili.",
                ar="من الفكرة إلى جمعية مسجلة: النظام الأساسي وصفة النفع العام وسجل الجمعيات.",
            ),
            "description": t(
                "<p>Wir gehen mit Ihnen Schritt für Schritt durch die Gründung und prüfen Ihren "
                "Satzungsentwurf.</p>",
                en="<p>We go through the founding with you step by step and check your draft statutes.</p>",
                tr="<p>Kuruluş sürecini sizinle adım adım yürütür ve tüzük taslağınızı inceleriz.</p>",
                ar="<p>نرافقكم خطوة بخطوة في التأسيس ونراجع مسودة نظامكم الأساسي.</p>",
            ),
            "typical_duration": t(
                "zwei Termine zu je 90 Minuten",
                en="two sessions of 90 minutes each",
                tr="her biri 90 dakikalık iki görüşme",
                ar="جلستان مدة كل منهما 90 دقيقة",
            ),
        },
        {
            "slug": "foerderantraege",
            "slugs": {"en": "funding-applications", "tr": "destek-basvurulari", "ar": "funding-applications"},
            "category": "praktische-begleitung",
            "kind": COACHING,
            "contact": "begleitung",
            "fields": ["gesellschaftliche-fragen", "bildung"],
            "facts": {"format": Resource.Format.HYBRID, "languages": ["de", "en", "ar", "fa"]},
            "title": t(
                "Coaching für Förderanträge",
                en="Coaching for funding applications",
                tr="Destek başvuruları için koçluk",
                ar="تدريب على كتابة طلبات التمويل",
            ),
            "summary": t(
                "Wir helfen Ihnen, Ihr Projekt überzeugend zu beschreiben und den passenden Förderer zu finden.",
                en="We help you describe your project convincingly and find the right funder.",
                tr="Projenizi ikna edici biçimde anlatmanıza ve uygun destekçiyi bulmanıza yardım ediyoruz.",
                ar="نساعدكم على وصف مشروعكم بشكل مقنع والعثور على الجهة الداعمة المناسبة.",
            ),
            "description": t(
                "<p>Auch als Vorbereitung auf den Antragsworkshop, der für Anträge über der Jury-Grenze "
                "Pflicht ist.</p>",
                en="<p>Also as preparation for the application workshop, which is required for requests above "
                "the jury threshold.</p>",
                tr="<p>Jüri sınırının üzerindeki başvurular için zorunlu olan başvuru atölyesine hazırlık olarak "
                "da.</p>",
                ar="<p>وأيضًا للتحضير لورشة تقديم الطلبات، وهي إلزامية للطلبات التي تتجاوز حد لجنة "
                "التحكيم.</p>",
            ),
            "typical_duration": t(
                "drei Termine zu je zwei Stunden",
                en="three sessions of two hours each",
                tr="her biri iki saatlik üç görüşme",
                ar="ثلاث جلسات مدة كل منها ساعتان",
            ),
        },
        {
            "slug": "kassenfuehrung",
            "slugs": {"en": "bookkeeping", "tr": "muhasebe", "ar": "bookkeeping"},
            "category": "praktische-begleitung",
            "kind": COACHING,
            "contact": "begleitung",
            "fields": ["gesellschaftliche-fragen"],
            "facts": {"format": Resource.Format.ONLINE, "languages": ["de", "tr", "ru"]},
            "title": t(
                "Kassenführung und Finanzen im Verein",
                en="Bookkeeping and finances in an association",
                tr="Dernekte kasa ve mali işler",
                ar="إدارة الصندوق والشؤون المالية في الجمعية",
            ),
            "summary": t(
                "Einnahmen, Ausgaben, Belege und Kassenprüfung – verständlich erklärt.",
                en="Income, expenses, receipts and the audit – explained clearly.",
                tr="Gelirler, giderler, faturalar ve kasa denetimi – anlaşılır biçimde.",
                ar="الإيرادات والنفقات والإيصالات وتدقيق الصندوق – بشرح واضح.",
            ),
            "description": t(
                "<p>Für Kassenwartinnen und Kassenwarte, die neu im Amt sind. Eine Vorlage für das Kassenbuch "
                "gibt es dazu.</p>",
                en="<p>For treasurers who are new in office. A template for the cash book is included.</p>",
                tr="<p>Göreve yeni başlayan saymanlar için. Kasa defteri için bir şablon da verilir.</p>",
                ar="<p>لأمناء الصندوق الجدد، ومعها نموذج لدفتر الصندوق.</p>",
            ),
            "typical_duration": t(
                "ein Abend, drei Stunden",
                en="one evening, three hours",
                tr="bir akşam, üç saat",
                ar="أمسية واحدة، ثلاث ساعات",
            ),
        },
        {
            "slug": "social-media-workshop",
            "slugs": {
                "en": "social-media-workshop",
                "tr": "sosyal-medya-atolyesi",
                "ar": "social-media-workshop",
            },
            "category": "praktische-begleitung",
            "kind": COACHING,
            "contact": "begleitung",
            "fields": ["kinder-und-jugend", "kulturelle-vielfalt"],
            "facts": {"format": Resource.Format.ONLINE, "languages": ["de", "uk", "pl"]},
            "title": t(
                "Workshop Social Media für Vereine",
                en="Social media workshop for associations",
                tr="Dernekler için sosyal medya atölyesi",
                ar="ورشة عمل حول وسائل التواصل الاجتماعي للجمعيات",
            ),
            "summary": t(
                "Beiträge planen, Bildrechte beachten, Menschen erreichen.",
                en="Planning posts, respecting image rights, reaching people.",
                tr="Paylaşımları planlamak, görsel haklarına dikkat etmek, insanlara ulaşmak.",
                ar="تخطيط المنشورات واحترام حقوق الصور والوصول إلى الناس.",
            ),
            "description": t(
                "<p>Ein praktischer Workshop mit Beispielen aus Dortmunder Vereinen. Bringen Sie Ihr Smartphone "
                "mit.</p>",
                en="<p>A practical workshop with examples from associations in Dortmund. Bring your "
                "smartphone.</p>",
                tr="<p>Dortmund'daki derneklerden örneklerle uygulamalı bir atölye. Akıllı telefonunuzu "
                "getirin.</p>",
                ar="<p>ورشة عملية مع أمثلة من جمعيات في دورتموند. أحضروا هواتفكم الذكية.</p>",
            ),
            "typical_duration": t(
                "ein Nachmittag, vier Stunden",
                en="one afternoon, four hours",
                tr="bir öğleden sonra, dört saat",
                ar="فترة بعد ظهر واحدة، أربع ساعات",
            ),
        },
        {
            "slug": "veranstaltungsplanung",
            "slugs": {"en": "event-planning", "tr": "etkinlik-planlama", "ar": "event-planning"},
            "category": "praktische-begleitung",
            "kind": COACHING,
            "contact": "begleitung",
            "fields": ["kulturelle-vielfalt", "gesellschaftliche-fragen"],
            "facts": {"format": Resource.Format.IN_PERSON, "languages": ["de", "tr", "ku", "ar"]},
            "title": t(
                "Begleitung bei der Veranstaltungsplanung",
                en="Support in planning your event",
                tr="Etkinlik planlamasında rehberlik",
                ar="مرافقة في تخطيط الفعاليات",
            ),
            "summary": t(
                "Genehmigungen, Ablaufplan, Helferteam: Wir planen Ihre Veranstaltung mit Ihnen.",
                en="Permits, schedule, team of helpers: we plan your event with you.",
                tr="İzinler, akış planı, gönüllü ekibi: Etkinliğinizi sizinle birlikte planlıyoruz.",
                ar="التصاريح وجدول الفعالية وفريق المتطوعين: نخطط فعاليتكم معكم.",
            ),
            "description": t(
                "<p>Besonders hilfreich bei der ersten größeren Veranstaltung im öffentlichen Raum.</p>",
                en="<p>Especially helpful for your first larger event in a public space.</p>",
                tr="<p>Özellikle kamusal alandaki ilk büyük etkinliğiniz için çok yararlıdır.</p>",
                ar="<p>مفيدة بشكل خاص لأول فعالية كبيرة لكم في مكان عام.</p>",
            ),
            "typical_duration": t(
                "nach Bedarf, meist drei bis vier Treffen",
                en="as needed, usually three to four meetings",
                tr="ihtiyaca göre, genellikle üç ila dört görüşme",
                ar="حسب الحاجة، وعادةً من ثلاثة إلى أربعة لقاءات",
            ),
        },
        # --- Other -------------------------------------------------------------------------------------
        {
            "slug": "kontakte-partnerorganisationen",
            "slugs": {
                "en": "contacts-to-partners",
                "tr": "ortak-kuruluslarla-baglanti",
                "ar": "contacts-to-partners",
            },
            "category": "weiteres",
            "kind": OTHER,
            "contact": "begleitung",
            "fields": ["gesellschaftliche-fragen", "anti-diskriminierung"],
            "facts": {},
            "title": t(
                "Kontakte zu Partnerorganisationen",
                en="Contacts to partner organisations",
                tr="Ortak kuruluşlarla bağlantılar",
                ar="التواصل مع المنظمات الشريكة",
            ),
            "summary": t(
                "Wir bringen Ihren Verein mit Ämtern, Schulen, Stiftungen und anderen Vereinen zusammen.",
                en="We bring your association together with public offices, schools, foundations and other "
                "associations.",
                tr="Derneğinizi kamu kurumları, okullar, vakıflar ve diğer derneklerle buluşturuyoruz.",
                ar="نجمع جمعيتكم بالدوائر الرسمية والمدارس والمؤسسات والجمعيات الأخرى.",
            ),
            "description": t(
                "<p>Vernetzung ist der Kern des Programms: Sagen Sie uns, was Sie vorhaben, und wir stellen den "
                "Kontakt her.</p>",
                en="<p>Networking is at the heart of the programme: tell us what you are planning and we will "
                "make the contact.</p>",
                tr="<p>Ağ kurmak programın özüdür: Bize ne planladığınızı anlatın, bağlantıyı biz kuralım.</p>",
                ar="<p>التشبيك هو جوهر البرنامج: أخبرونا بما تخططون له وسنتولى ربطكم بالجهات المناسبة.</p>",
            ),
        },
        {
            "slug": "erste-hilfe-set",
            "slugs": {"en": "first-aid-kit", "tr": "ilk-yardim-cantasi", "ar": "first-aid-kit"},
            "category": "weiteres",
            "kind": LENDABLE,
            "contact": "technik",
            "fields": ["gesundheit-und-pflege"],
            "facts": {"units": 5, "max_lending_days": 7, "deposit": Decimal(0)},
            "title": t(
                "Erste-Hilfe-Koffer für Veranstaltungen",
                en="First aid kit for events",
                tr="Etkinlikler için ilk yardım çantası",
                ar="حقيبة إسعافات أولية للفعاليات",
            ),
            "summary": t(
                "Vollständig ausgestatteter Koffer nach DIN 13169 – für Feste und Ausflüge.",
                en="Fully equipped case to DIN 13169 – for celebrations and outings.",
                tr="DIN 13169'a uygun, tam donanımlı çanta – şenlikler ve geziler için.",
                ar="حقيبة مجهزة بالكامل وفق معيار DIN 13169 – للاحتفالات والرحلات.",
            ),
            "description": t(
                "<p>Verbrauchtes Material melden Sie bitte bei der Rückgabe, wir füllen es auf.</p>",
                en="<p>Please report used material when you return the kit; we refill it.</p>",
                tr="<p>Kullanılan malzemeyi iade ederken lütfen bildirin; biz yenileriz.</p>",
                ar="<p>يُرجى الإبلاغ عن المواد المستخدمة عند الإرجاع، وسنعيد تعبئتها.</p>",
            ),
        },
    ]


# Reservations and grants: (resource slug, reference, first day offset from today, last day offset,
# units, status) and (resource slug, reference, amount, days ago, status). Offsets keep the demo
# interesting whenever it is loaded: some things are nearly gone today, one budget is used up.
RESERVATIONS = [
    ("beamer", "DEMO-R-01", 0, 2, 2, "approved"),
    ("beamer", "DEMO-R-02", -1, 1, 1, "approved"),
    ("beamer", "DEMO-R-03", 10, 12, 2, "approved"),
    ("beamer", "DEMO-R-04", 20, 21, 4, "requested"),
    ("tonanlage", "DEMO-R-05", 3, 5, 1, "approved"),
    ("tonanlage", "DEMO-R-06", 4, 4, 1, "approved"),
    ("funkmikrofone", "DEMO-R-07", 0, 1, 1, "approved"),
    ("funkmikrofone", "DEMO-R-08", 6, 7, 2, "cancelled"),
    ("festzelt", "DEMO-R-09", 14, 16, 1, "approved"),
    ("festzeltgarnituren", "DEMO-R-10", 5, 6, 16, "approved"),
    ("digitalkamera", "DEMO-R-11", 0, 3, 1, "approved"),
    ("laptop", "DEMO-R-12", 1, 2, 2, "approved"),
    ("faltpavillon", "DEMO-R-13", 5, 6, 5, "approved"),
    ("seminarraum-nordstadt", "DEMO-R-14", 2, 2, 1, "approved"),
    ("seminarraum-nordstadt", "DEMO-R-15", 7, 7, 1, "approved"),
    ("seminarraum-nordstadt", "DEMO-R-16", 9, 10, 1, "approved"),
    ("veranstaltungssaal-city", "DEMO-R-17", 5, 6, 1, "approved"),
    ("veranstaltungssaal-city", "DEMO-R-18", 19, 19, 1, "approved"),
    ("saal-mengede", "DEMO-R-19", 3, 4, 1, "approved"),
    ("raum-mit-kueche-scharnhorst", "DEMO-R-20", 8, 8, 1, "approved"),
    ("gemeinschaftsraum-hoerde", "DEMO-R-21", 1, 1, 1, "approved"),
]

GRANTS = [
    ("flyer-und-plakate", "DEMO-G-01", Decimal(800), 90, "approved"),
    ("flyer-und-plakate", "DEMO-G-02", Decimal(650), 75, "approved"),
    ("flyer-und-plakate", "DEMO-G-03", Decimal(780), 60, "approved"),
    ("flyer-und-plakate", "DEMO-G-04", Decimal(720), 41, "approved"),
    ("flyer-und-plakate", "DEMO-G-05", Decimal(800), 30, "approved"),
    ("flyer-und-plakate", "DEMO-G-06", Decimal(550), 12, "approved"),
    ("flyer-und-plakate", "DEMO-G-07", Decimal(500), 4, "approved"),
    ("flyer-und-plakate", "DEMO-G-39", Decimal(400), 2, "requested"),
    ("vereinshomepage", "DEMO-G-08", Decimal(1500), 120, "approved"),
    ("vereinshomepage", "DEMO-G-09", Decimal(1200), 50, "approved"),
    ("fotos-und-video", "DEMO-G-10", Decimal(400), 40, "approved"),
    ("veranstaltungskosten", "DEMO-G-11", Decimal(2000), 150, "approved"),
    ("veranstaltungskosten", "DEMO-G-12", Decimal(1850), 110, "approved"),
    ("veranstaltungskosten", "DEMO-G-13", Decimal(480), 95, "approved"),
    ("veranstaltungskosten", "DEMO-G-14", Decimal(2000), 70, "approved"),
    ("veranstaltungskosten", "DEMO-G-15", Decimal(1200), 20, "approved"),
    ("veranstaltungskosten", "DEMO-G-16", Decimal(900), 5, "cancelled"),
    ("verpflegung", "DEMO-G-17", Decimal(250), 200, "approved"),
    ("verpflegung", "DEMO-G-18", Decimal(250), 160, "approved"),
    ("verpflegung", "DEMO-G-19", Decimal(250), 140, "approved"),
    ("verpflegung", "DEMO-G-20", Decimal(250), 120, "approved"),
    ("verpflegung", "DEMO-G-21", Decimal(250), 100, "approved"),
    ("verpflegung", "DEMO-G-22", Decimal(250), 80, "approved"),
    ("verpflegung", "DEMO-G-23", Decimal(250), 60, "approved"),
    ("verpflegung", "DEMO-G-24", Decimal(250), 45, "approved"),
    ("verpflegung", "DEMO-G-25", Decimal(250), 30, "approved"),
    ("verpflegung", "DEMO-G-26", Decimal(250), 10, "approved"),
    ("honorare", "DEMO-G-27", Decimal(600), 100, "approved"),
    ("honorare", "DEMO-G-28", Decimal(600), 80, "approved"),
    ("honorare", "DEMO-G-29", Decimal(450), 66, "approved"),
    ("honorare", "DEMO-G-30", Decimal(600), 50, "approved"),
    ("honorare", "DEMO-G-31", Decimal(500), 35, "approved"),
    ("honorare", "DEMO-G-32", Decimal(600), 21, "approved"),
    ("honorare", "DEMO-G-33", Decimal(550), 7, "approved"),
    ("fahrtkosten", "DEMO-G-34", Decimal(300), 60, "approved"),
    ("fahrtkosten", "DEMO-G-35", Decimal(240), 25, "approved"),
    ("fahrtkosten", "DEMO-G-36", Decimal(260), 14, "approved"),
    ("zuschuss-raummiete", "DEMO-G-37", Decimal(400), 70, "approved"),
    ("zuschuss-raummiete", "DEMO-G-38", Decimal(350), 33, "approved"),
]
