"""Demo content of the home app: home page, programme pages, legal pages, navigation, contact data.

Sample data for local use and tests. The legal pages carry placeholder particulars that must be replaced
before the portal goes public; they say so on the page.
"""

import datetime

from home.demo_support import stream
from home.models import HomePage, LegalPage, NavigationMenu, PortalSettings, StandardPage

ORDER = 0


def load(loader):
    t = loader.text

    settings = PortalSettings.load()
    if not settings.email:
        settings.organisation = "VMDO e.V. – House of Resources Dortmund"
        settings.street = "Beuthstraße 21"
        settings.postcode_city = "44147 Dortmund"
        settings.email = "house-of-resources@vmdo.example"
        settings.phone = "+49 231 000 000 00"
        settings.save()

    home = loader.site_root(
        HomePage,
        "start",
        title=t("Start", en="Home", tr="Ana sayfa", ar="الرئيسية"),
        hero_heading=t(
            "Ressourcen für Ihr Engagement in Dortmund",
            en="Resources for your civic engagement in Dortmund",
            tr="Dortmund'daki gönüllü çalışmalarınız için kaynaklar",
            ar="موارد لعملكم المدني في دورتموند",
        ),
        hero_text=t(
            "Das House of Resources unterstützt Dortmunder Migrantenvereine mit Beratung, Technik, Räumen und "
            "Geld – zum passenden Zeitpunkt, im passenden Umfang und solange der Vorrat reicht.",
            en="House of Resources supports migrant associations in Dortmund with advice, equipment, rooms "
            "and money – at the right time, in the right amount and while supplies last.",
            tr="House of Resources, Dortmund'daki göçmen derneklerini danışmanlık, teknik ekipman, mekân ve "
            "maddi destekle destekler – doğru zamanda, doğru ölçüde ve stoklar yettiği sürece.",
            ar="يدعم House of Resources جمعيات المهاجرين في دورتموند بالاستشارة والمعدات التقنية والقاعات "
            "والدعم المالي – في الوقت المناسب وبالقدر المناسب وحتى نفاد الكمية المتاحة.",
        ),
        search_description=t(
            "Ressourcen, Partner und Beratung für Migrantenvereine in Dortmund.",
            en="Resources, partners and advice for migrant associations in Dortmund.",
            tr="Dortmund'daki göçmen dernekleri için kaynaklar, ortaklar ve danışmanlık.",
            ar="موارد وشركاء واستشارات لجمعيات المهاجرين في دورتموند.",
        ),
    )
    loader.registry["home_page"] = home

    about = loader.page(
        home,
        StandardPage,
        "ueber-das-programm",
        title=t("Über das Programm", en="About the programme", tr="Program hakkında", ar="عن البرنامج"),
        intro=t(
            "Ein neues Konzept zur Stärkung Dortmunder Migrantenvereine.",
            en="A new approach to strengthening migrant associations in Dortmund.",
            tr="Dortmund'daki göçmen derneklerini güçlendirmek için yeni bir yaklaşım.",
            ar="نهج جديد لتعزيز جمعيات المهاجرين في دورتموند.",
        ),
        body=stream(
            [
                (
                    "paragraph",
                    t(
                        "<p>Das Projekt House of Resources Dortmund hat das Ziel, das bürgerschaftliche Engagement "
                        "von Migrantenvereinen in Dortmund zu fördern und zu stärken. Über das Projekt stellt der "
                        "VMDO e.V. den Vereinen erstmals finanzielle und weitere Ressourcen flexibel zur "
                        "Verfügung.</p><p>Ein zentraler Aspekt ist die Vernetzung: Vereine werden mit kommunalen "
                        "und zivilgesellschaftlichen Akteuren zusammengebracht. Professionell wird ein Verein "
                        "nicht schon durch Ressourcen, sondern wenn er sie nutzt, um sich mit etablierten "
                        "Akteuren, Institutionen und anderen Vereinen zu vernetzen.</p>",
                        en="<p>The House of Resources Dortmund project aims to promote and strengthen the civic "
                        "engagement of migrant associations in Dortmund. Through the project, VMDO e.V. can for "
                        "the first time offer associations financial and other resources flexibly.</p><p>Networking "
                        "is central: associations are brought together with municipal and civil-society actors. "
                        "An association does not become professional through resources alone, but when it uses "
                        "them to connect with established actors, institutions and other associations.</p>",
                        tr="<p>House of Resources Dortmund projesi, Dortmund'daki göçmen derneklerinin gönüllü "
                        "katılımını teşvik etmeyi ve güçlendirmeyi amaçlar. VMDO e.V., bu proje sayesinde "
                        "derneklere ilk kez maddi ve diğer kaynakları esnek biçimde sunabilmektedir.</p><p>Ağ "
                        "kurmak merkezi bir unsurdur: dernekler belediye ve sivil toplum aktörleriyle bir araya "
                        "getirilir. Bir dernek yalnızca kaynaklarla değil, bu kaynakları köklü aktörler, kurumlar "
                        "ve diğer derneklerle bağ kurmak için kullandığında profesyonelleşir.</p>",
                        ar="<p>يهدف مشروع House of Resources Dortmund إلى تشجيع وتعزيز العمل المدني لجمعيات "
                        "المهاجرين في دورتموند. ومن خلال المشروع تستطيع جمعية VMDO e.V. لأول مرة أن تقدّم "
                        "للجمعيات موارد مالية وغير مالية بمرونة.</p><p>التشبيك عنصر أساسي: يتم الجمع بين "
                        "الجمعيات والجهات البلدية ومؤسسات المجتمع المدني. فالجمعية لا تصبح محترفة بمجرد "
                        "حصولها على الموارد، بل عندما تستخدمها للتواصل مع الجهات والمؤسسات الراسخة ومع "
                        "جمعيات أخرى.</p>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t(
                            "Wofür wir Ressourcen geben",
                            en="What we provide resources for",
                            tr="Hangi alanlarda kaynak sağlıyoruz",
                            ar="المجالات التي ندعمها",
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    t(
                        "<ul><li>kulturelle Vielfalt</li><li>Belange von Kindern und Jugendlichen</li>"
                        "<li>Bildungschancen in Schule und Ausbildung</li><li>Anti-Diskriminierung</li>"
                        "<li>Umwelt</li><li>Gesundheitsvorsorge und Betreuung von Älteren</li>"
                        "<li>viele andere gesellschaftlich relevante Fragen</li></ul>",
                        en="<ul><li>cultural diversity</li><li>children and young people</li>"
                        "<li>educational opportunities at school and in training</li><li>anti-discrimination</li>"
                        "<li>the environment</li><li>health care and care for older people</li>"
                        "<li>many other questions that matter to society</li></ul>",
                        tr="<ul><li>kültürel çeşitlilik</li><li>çocukların ve gençlerin ihtiyaçları</li>"
                        "<li>okulda ve meslek eğitiminde eğitim fırsatları</li><li>ayrımcılıkla mücadele</li>"
                        "<li>çevre</li><li>sağlık hizmetleri ve yaşlıların bakımı</li>"
                        "<li>toplumu ilgilendiren daha birçok konu</li></ul>",
                        ar="<ul><li>التنوع الثقافي</li><li>قضايا الأطفال والشباب</li>"
                        "<li>فرص التعليم في المدرسة والتدريب المهني</li><li>مكافحة التمييز</li>"
                        "<li>البيئة</li><li>الرعاية الصحية ورعاية كبار السن</li>"
                        "<li>قضايا مجتمعية أخرى كثيرة</li></ul>",
                    ),
                ),
                (
                    "quote",
                    {
                        "quote": t(
                            "Mit dem geliehenen Beamer und dem Zuschuss für Flyer konnten wir unser erstes "
                            "Nachbarschaftsfest für 200 Gäste organisieren.",
                            en="With the borrowed projector and the grant for flyers we organised our first "
                            "neighbourhood festival for 200 guests.",
                            tr="Ödünç aldığımız projeksiyon cihazı ve broşür desteğiyle 200 misafirli ilk "
                            "mahalle şenliğimizi düzenleyebildik.",
                            ar="بفضل جهاز العرض المُعار ودعم طباعة المنشورات نظّمنا أول مهرجان للحي "
                            "حضره 200 ضيف.",
                        ),
                        "attribution": t(
                            "Vorstand eines Kulturvereins aus der Nordstadt (Beispiel)",
                            en="Board member of a cultural association in the Nordstadt (example)",
                            tr="Nordstadt'taki bir kültür derneğinin yönetim kurulu üyesi (örnek)",
                            ar="عضو مجلس إدارة جمعية ثقافية في حي نوردشتات (مثال)",
                        ),
                    },
                ),
                (
                    "image",
                    {
                        "image": {
                            "image": loader.image(
                                "Nachbarschaftsfest (Beispielbild)",
                                ["#f5f3ee", "#0b5c7a", "#a33a17", "#ffbf47"],
                            ).pk,
                            "alt_text": t(
                                "Abstrakte Grafik in den Farben des Portals",
                                en="Abstract graphic in the portal's colours",
                                tr="Portalın renklerinde soyut grafik",
                                ar="رسم تجريدي بألوان البوابة",
                            ),
                            "decorative": False,
                        },
                        "caption": t(
                            "Beispielbild", en="Sample picture", tr="Örnek görsel", ar="صورة توضيحية"
                        ),
                    },
                ),
            ]
        ),
    )

    guide = loader.document(
        "Merkblatt Ressourcen (Beispiel)",
        [
            "House of Resources Dortmund - Merkblatt (Beispieldokument)",
            "Bis 500 Euro entscheidet das Team des House of Resources.",
            "Ueber 500 Euro entscheidet eine Jury; die Teilnahme am Antragsworkshop ist Pflicht.",
            "Ab 500 Euro sind zwei Vergleichsangebote noetig.",
            "Auf Druckerzeugnissen erscheinen die Logos der Foerderer.",
        ],
    )
    how = loader.page(
        home,
        StandardPage,
        "so-funktionierts",
        title=t("So funktioniert's", en="How it works", tr="Nasıl işler?", ar="كيف يعمل البرنامج"),
        intro=t(
            "In drei Schritten zu den passenden Ressourcen für Ihre Veranstaltung oder Ihr Projekt.",
            en="Three steps to the right resources for your event or project.",
            tr="Etkinliğiniz veya projeniz için doğru kaynaklara üç adımda ulaşın.",
            ar="ثلاث خطوات للحصول على الموارد المناسبة لفعاليتكم أو مشروعكم.",
        ),
        body=stream(
            [
                (
                    "heading",
                    {
                        "text": t(
                            "1. Ressourcen finden",
                            en="1. Find resources",
                            tr="1. Kaynak bulun",
                            ar="1. ابحثوا عن الموارد",
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    t(
                        "<p>Im Katalog sehen Sie, was das House of Resources anbietet und was noch verfügbar ist.</p>",
                        en="<p>The catalogue shows what House of Resources offers and what is still available.</p>",
                        tr="<p>Katalogda House of Resources'ın neler sunduğunu ve nelerin hâlâ mevcut olduğunu "
                        "görebilirsiniz.</p>",
                        ar="<p>يعرض الدليل ما يقدّمه House of Resources وما زال متاحًا.</p>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t(
                            "2. Beratungstermin vereinbaren",
                            en="2. Book a consultation",
                            tr="2. Danışmanlık randevusu alın",
                            ar="2. احجزوا موعدًا للاستشارة",
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    t(
                        "<p>Sie planen eine Veranstaltung oder ein Projekt? Vereinbaren Sie einen Beratungstermin "
                        "beim VMDO e.V. Gemeinsam klären wir, welche Ressourcen passen.</p>",
                        en="<p>Are you planning an event or a project? Book a consultation with VMDO e.V. "
                        "Together we work out which resources fit.</p>",
                        tr="<p>Bir etkinlik veya proje mi planlıyorsunuz? VMDO e.V. ile bir danışmanlık randevusu "
                        "alın. Hangi kaynakların uygun olduğunu birlikte belirleriz.</p>",
                        ar="<p>هل تخططون لفعالية أو مشروع؟ احجزوا موعدًا للاستشارة لدى VMDO e.V. "
                        "وسنحدد معًا الموارد المناسبة.</p>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t(
                            "3. Ressourcen nutzen und vernetzen",
                            en="3. Use resources and connect",
                            tr="3. Kaynakları kullanın ve ağ kurun",
                            ar="3. استخدموا الموارد وتواصلوا",
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    t(
                        "<p>Nutzen Sie die Ressourcen für Ihr Vorhaben und lernen Sie Partnerorganisationen "
                        "kennen, mit denen Sie zusammenarbeiten können.</p>",
                        en="<p>Use the resources for your plans and get to know partner organisations you can "
                        "work with.</p>",
                        tr="<p>Kaynakları planınız için kullanın ve birlikte çalışabileceğiniz ortak kuruluşlarla "
                        "tanışın.</p>",
                        ar="<p>استخدموا الموارد لمشروعكم وتعرّفوا على منظمات شريكة يمكنكم التعاون معها.</p>",
                    ),
                ),
                (
                    "faq",
                    {
                        "heading": t(
                            "Häufige Fragen",
                            en="Frequently asked questions",
                            tr="Sık sorulan sorular",
                            ar="أسئلة شائعة",
                        ),
                        "questions": [
                            {
                                "question": t(
                                    "Wer entscheidet über eine Förderung?",
                                    en="Who decides on funding?",
                                    tr="Destek kararını kim verir?",
                                    ar="من يقرر منح الدعم؟",
                                ),
                                "answer": t(
                                    "<p>Bis 500 € entscheidet das Team des House of Resources. Über 500 € "
                                    "entscheidet eine Jury; dann ist die Teilnahme am Antragsworkshop "
                                    "Voraussetzung.</p>",
                                    en="<p>Up to €500 the House of Resources team decides. Above €500 a jury "
                                    "decides; taking part in the application workshop is then required.</p>",
                                    tr="<p>500 €'ya kadar House of Resources ekibi karar verir. 500 €'nun "
                                    "üzerinde bir jüri karar verir; bu durumda başvuru atölyesine katılmak "
                                    "zorunludur.</p>",
                                    ar="<p>حتى 500 يورو يقرر فريق House of Resources. وفوق 500 يورو تقرر لجنة "
                                    "تحكيم، ويكون حضور ورشة تقديم الطلبات شرطًا.</p>",
                                ),
                            },
                            {
                                "question": t(
                                    "Brauche ich Angebote?",
                                    en="Do I need quotes?",
                                    tr="Fiyat teklifi gerekiyor mu?",
                                    ar="هل أحتاج إلى عروض أسعار؟",
                                ),
                                "answer": t(
                                    "<p>Ab einem Betrag von über 500 € legen Sie bitte zwei Vergleichsangebote "
                                    "vor.</p>",
                                    en="<p>For amounts above €500 please provide two comparable quotes.</p>",
                                    tr="<p>500 €'nun üzerindeki tutarlar için lütfen iki karşılaştırmalı "
                                    "teklif sunun.</p>",
                                    ar="<p>للمبالغ التي تتجاوز 500 يورو يُرجى تقديم عرضَي أسعار للمقارنة.</p>",
                                ),
                            },
                            {
                                "question": t(
                                    "Was gilt für Flyer und Plakate?",
                                    en="What applies to flyers and posters?",
                                    tr="Broşür ve afişler için neler geçerlidir?",
                                    ar="ما الشروط الخاصة بالمنشورات والملصقات؟",
                                ),
                                "answer": t(
                                    "<p>Auf geförderten Druckerzeugnissen erscheinen die Logos des Programms und "
                                    "seiner Förderer.</p>",
                                    en="<p>Printed matter that is funded shows the logos of the programme and its "
                                    "funders.</p>",
                                    tr="<p>Desteklenen basılı materyallerde programın ve destekçilerinin "
                                    "logoları yer alır.</p>",
                                    ar="<p>تحمل المطبوعات المدعومة شعارات البرنامج والجهات الداعمة له.</p>",
                                ),
                            },
                        ],
                    },
                ),
                (
                    "downloads",
                    {
                        "heading": t(
                            "Zum Herunterladen",
                            en="Downloads",
                            tr="İndirilebilir belgeler",
                            ar="ملفات للتنزيل",
                        ),
                        "documents": [
                            {
                                "document": guide.pk,
                                "title": t(
                                    "Merkblatt (PDF, Beispiel)",
                                    en="Guidelines (PDF, sample)",
                                    tr="Bilgi notu (PDF, örnek)",
                                    ar="ورقة إرشادات (PDF، مثال)",
                                ),
                            },
                        ],
                    },
                ),
            ]
        ),
    )

    legal_reviewed = datetime.date(2026, 11, 1)
    sample_note = t(
        "<p><b>Hinweis:</b> Dies sind Beispielangaben für die lokale Demo. Vor der Veröffentlichung "
        "ersetzt die Redaktion sie durch die geprüften Angaben des VMDO e.V.</p>",
        en="<p><b>Note:</b> These are sample particulars for the local demo. Before the portal goes public, "
        "the editors replace them with the checked particulars of VMDO e.V.</p>",
        tr="<p><b>Not:</b> Bunlar yerel demo için örnek bilgilerdir. Portal yayına girmeden önce editörler "
        "bunları VMDO e.V.'nin doğrulanmış bilgileriyle değiştirir.</p>",
        ar="<p><b>ملاحظة:</b> هذه بيانات توضيحية للعرض المحلي. قبل نشر البوابة يستبدلها فريق التحرير "
        "بالبيانات المعتمدة لجمعية VMDO e.V.</p>",
    )
    impressum = loader.page(
        home,
        LegalPage,
        "impressum",
        title=t("Impressum", en="Legal notice", tr="Künye", ar="بيانات الناشر"),
        last_reviewed=legal_reviewed,
        body=stream(
            [
                ("paragraph", sample_note),
                (
                    "heading",
                    {
                        "text": t(
                            "Angaben gemäß § 5 DDG",
                            en="Information according to § 5 DDG",
                            tr="§ 5 DDG uyarınca bilgiler",
                            ar="بيانات وفقًا للمادة 5 من قانون DDG",
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    t(
                        "<p>VMDO e.V. – Verbund der sozial-kulturellen Migrantenvereine in Dortmund<br/>"
                        "Beuthstraße 21, 44147 Dortmund</p>",
                        en="<p>VMDO e.V. – Association of socio-cultural migrant organisations in Dortmund<br/>"
                        "Beuthstraße 21, 44147 Dortmund</p>",
                        tr="<p>VMDO e.V. – Dortmund'daki sosyo-kültürel göçmen dernekleri birliği<br/>"
                        "Beuthstraße 21, 44147 Dortmund</p>",
                        ar="<p>VMDO e.V. – اتحاد الجمعيات الاجتماعية والثقافية للمهاجرين في دورتموند<br/>"
                        "Beuthstraße 21, 44147 Dortmund</p>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t(
                            "Vertreten durch", en="Represented by", tr="Temsil eden", ar="الممثل القانوني"
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    t(
                        "<p>Den Vorstand (Beispielangabe). Eintragung im Vereinsregister beim Amtsgericht "
                        "Dortmund (Beispielangabe).</p>",
                        en="<p>The board (sample particulars). Entered in the register of associations at the "
                        "Dortmund local court (sample particulars).</p>",
                        tr="<p>Yönetim kurulu (örnek bilgi). Dortmund Sulh Mahkemesi dernekler siciline kayıtlı "
                        "(örnek bilgi).</p>",
                        ar="<p>مجلس الإدارة (بيانات توضيحية). مسجلة في سجل الجمعيات لدى محكمة دورتموند "
                        "الابتدائية (بيانات توضيحية).</p>",
                    ),
                ),
            ]
        ),
    )
    privacy = loader.page(
        home,
        LegalPage,
        "datenschutz",
        title=t("Datenschutz", en="Privacy notice", tr="Gizlilik bildirimi", ar="حماية البيانات"),
        last_reviewed=legal_reviewed,
        body=stream(
            [
                ("paragraph", sample_note),
                (
                    "heading",
                    {
                        "text": t(
                            "Wer verantwortlich ist",
                            en="Who is responsible",
                            tr="Sorumlu kimdir",
                            ar="الجهة المسؤولة",
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    t(
                        "<p>Verantwortlich für die Verarbeitung personenbezogener Daten auf diesem Portal ist der "
                        "VMDO e.V., Beuthstraße 21, 44147 Dortmund.</p>",
                        en="<p>VMDO e.V., Beuthstraße 21, 44147 Dortmund, is responsible for processing personal "
                        "data on this portal.</p>",
                        tr="<p>Bu portaldaki kişisel verilerin işlenmesinden VMDO e.V., Beuthstraße 21, 44147 "
                        "Dortmund sorumludur.</p>",
                        ar="<p>الجهة المسؤولة عن معالجة البيانات الشخصية في هذه البوابة هي VMDO e.V.، "
                        "Beuthstraße 21، 44147 Dortmund.</p>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t(
                            "Keine Verfolgung, keine fremden Dienste",
                            en="No tracking, no third-party services",
                            tr="İzleme yok, üçüncü taraf hizmeti yok",
                            ar="لا تتبع ولا خدمات خارجية",
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    t(
                        "<p>Das Portal setzt keine Analyse- oder Werbe-Cookies ein und lädt keine Schriften, "
                        "Skripte oder Karten von anderen Servern. Die Server-Protokolle enthalten nur, was für "
                        "den sicheren Betrieb nötig ist, und werden nach kurzer Zeit gelöscht.</p>",
                        en="<p>The portal uses no analytics or advertising cookies and loads no fonts, scripts or "
                        "maps from other servers. Server logs contain only what is needed to run the portal "
                        "securely and are deleted after a short time.</p>",
                        tr="<p>Portal analiz veya reklam çerezleri kullanmaz ve başka sunuculardan yazı tipi, "
                        "betik veya harita yüklemez. Sunucu kayıtları yalnızca güvenli işletim için gerekenleri "
                        "içerir ve kısa süre sonra silinir.</p>",
                        ar="<p>لا تستخدم البوابة ملفات تعريف ارتباط للتحليل أو الإعلانات، ولا تحمّل خطوطًا أو "
                        "برامج نصية أو خرائط من خوادم أخرى. تحتوي سجلات الخادم فقط على ما يلزم للتشغيل الآمن "
                        "وتُحذف بعد فترة قصيرة.</p>",
                    ),
                ),
                (
                    "heading",
                    {"text": t("Ihre Rechte", en="Your rights", tr="Haklarınız", ar="حقوقكم"), "level": "h2"},
                ),
                (
                    "paragraph",
                    t(
                        "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
                        "Verarbeitung sowie ein Beschwerderecht bei der Datenschutz-Aufsichtsbehörde.</p>",
                        en="<p>You have the right of access, rectification, erasure and restriction of "
                        "processing, and the right to lodge a complaint with the data protection authority.</p>",
                        tr="<p>Bilgi alma, düzeltme, silme ve işlemenin kısıtlanmasını talep etme haklarına ve "
                        "veri koruma denetim makamına şikâyette bulunma hakkına sahipsiniz.</p>",
                        ar="<p>لكم الحق في الاطلاع والتصحيح والحذف وتقييد المعالجة، والحق في تقديم شكوى إلى "
                        "هيئة الرقابة على حماية البيانات.</p>",
                    ),
                ),
            ]
        ),
    )
    accessibility = loader.page(
        home,
        LegalPage,
        "barrierefreiheit",
        title=t(
            "Erklärung zur Barrierefreiheit",
            en="Accessibility statement",
            tr="Erişilebilirlik beyanı",
            ar="بيان إمكانية الوصول",
        ),
        last_reviewed=legal_reviewed,
        body=stream(
            [
                (
                    "paragraph",
                    t(
                        "<p>Der VMDO e.V. ist bemüht, dieses Portal im Einklang mit der Barrierefreie-"
                        "Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen.</p>",
                        en="<p>VMDO e.V. strives to make this portal accessible in accordance with the German "
                        "accessibility regulation (BITV 2.0).</p>",
                        tr="<p>VMDO e.V., bu portalı Almanya'nın erişilebilirlik yönetmeliği (BITV 2.0) ile "
                        "uyumlu şekilde erişilebilir kılmaya çalışmaktadır.</p>",
                        ar="<p>تسعى VMDO e.V. إلى جعل هذه البوابة متاحة للجميع وفقًا لللائحة الألمانية "
                        "لإمكانية الوصول (BITV 2.0).</p>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t(
                            "Stand der Vereinbarkeit",
                            en="Compliance status",
                            tr="Uyumluluk durumu",
                            ar="حالة التوافق",
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    t(
                        "<p>Jede Seitenart wird bei jeder Änderung automatisch mit axe-core auf Verstöße gegen "
                        "WCAG 2.1 AA geprüft, auch in arabischer Schrift von rechts nach links. Das Portal ist "
                        "mit der Tastatur bedienbar und funktioniert ohne JavaScript.</p>",
                        en="<p>Every page type is checked automatically with axe-core against WCAG 2.1 AA on every "
                        "change, including Arabic right-to-left pages. The portal can be used with the keyboard "
                        "and works without JavaScript.</p>",
                        tr="<p>Her sayfa türü, her değişiklikte sağdan sola Arapça sayfalar dahil olmak üzere "
                        "axe-core ile WCAG 2.1 AA'ya göre otomatik olarak denetlenir. Portal klavyeyle "
                        "kullanılabilir ve JavaScript olmadan çalışır.</p>",
                        ar="<p>يُفحص كل نوع من الصفحات تلقائيًا باستخدام axe-core وفق معايير WCAG 2.1 AA عند كل "
                        "تغيير، بما في ذلك الصفحات العربية من اليمين إلى اليسار. يمكن استخدام البوابة بلوحة "
                        "المفاتيح وهي تعمل دون JavaScript.</p>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": t(
                            "Barrieren melden",
                            en="Report a barrier",
                            tr="Engel bildirin",
                            ar="الإبلاغ عن عائق",
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    t(
                        "<p>Sind Ihnen Barrieren aufgefallen? Schreiben Sie uns an die im Fußbereich genannte "
                        "E-Mail-Adresse. Wir antworten innerhalb von zwei Wochen.</p>",
                        en="<p>Have you come across a barrier? Write to the e-mail address given at the bottom "
                        "of each page. We reply within two weeks.</p>",
                        tr="<p>Bir engelle mi karşılaştınız? Her sayfanın altında yer alan e-posta adresine "
                        "yazın. İki hafta içinde yanıt veririz.</p>",
                        ar="<p>هل واجهتم عائقًا؟ راسلونا على عنوان البريد الإلكتروني المذكور في أسفل كل صفحة. "
                        "نرد خلال أسبوعين.</p>",
                    ),
                ),
            ]
        ),
    )

    # Slugs of translated pages: wagtail-localize turns them into ASCII, so give readable ones.
    for slug, translations in {
        "start": {"en": "home", "tr": "ana-sayfa", "ar": "home"},
        "ueber-das-programm": {"en": "about", "tr": "program-hakkinda", "ar": "about"},
        "so-funktionierts": {"en": "how-it-works", "tr": "nasil-isler", "ar": "how-it-works"},
        "impressum": {"en": "legal-notice", "tr": "kunye", "ar": "legal-notice"},
        "datenschutz": {"en": "privacy", "tr": "gizlilik", "ar": "privacy"},
        "barrierefreiheit": {"en": "accessibility", "tr": "erisilebilirlik", "ar": "accessibility"},
    }.items():
        for language, target in translations.items():
            loader.memory.add(slug, language, target)

    for page in (home, about, how, impressum, privacy, accessibility):
        loader.translate(page)

    if settings.privacy_page_id is None:  # forms that collect personal data link to it
        settings.privacy_page = privacy
        settings.save()

    loader.registry.setdefault("main_menu", []).extend([about, how])
    loader.registry.setdefault("footer_menu", []).extend([impressum, privacy, accessibility])


def build_menus(loader):
    """Called by the command after every app's loader, so each can add its index page to the menus."""
    t = loader.text
    main = loader.snippet(
        NavigationMenu,
        {"slot": NavigationMenu.Slot.MAIN},
        items=stream(
            [("link", {"page": page.pk, "url": "", "label": ""}) for page in loader.registry["main_menu"]]
        ),
    )
    footer = loader.snippet(
        NavigationMenu,
        {"slot": NavigationMenu.Slot.FOOTER},
        items=stream(
            [("link", {"page": page.pk, "url": "", "label": ""}) for page in loader.registry["footer_menu"]]
        ),
        note=t(
            "<p>House of Resources Dortmund ist ein Programm des VMDO e.V.</p>",
            en="<p>House of Resources Dortmund is a programme of VMDO e.V.</p>",
            tr="<p>House of Resources Dortmund, VMDO e.V.'nin bir programıdır.</p>",
            ar="<p>House of Resources Dortmund برنامج تابع لجمعية VMDO e.V.</p>",
            uk="<p>House of Resources Dortmund — програма VMDO e.V.</p>",
            pl="<p>House of Resources Dortmund to program VMDO e.V.</p>",
        ),
    )
    for menu in (main, footer):
        loader.translate(menu)
