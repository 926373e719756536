"""Demo content of the engagement app: the examples page and twelve engagement examples.

Sample data: the associations' projects, quotes and the people quoted are invented (`is_sample` is set and
the page says so); some associations are the demo partner directory's invented migrant associations.
Every example links demo partner organisations and catalogue resources, so their pages list it. German
is the source; everything is translated into English, Turkish and Arabic (index page: all six languages).
"""

from catalogue.models import Resource
from engagement.models import EngagementExamplePage, EngagementIndexPage
from home.demo_support import stream
from partners.models import PartnerOrganisation
from taxonomy.models import District, EngagementField

ORDER = 40

COLOURS = [
    ["#f5f3ee", "#0b5c7a", "#a33a17", "#ffbf47"],
    ["#fff4d6", "#1f6f3d", "#0b5c7a"],
    ["#f5f3ee", "#a33a17", "#ffbf47", "#1f6f3d"],
]


def shared(t):
    return {
        "alt": t(
            "Abstrakte Grafik als Platzhalter für ein Foto des Projekts",
            en="Abstract graphic standing in for a photo of the project",
            tr="Projenin fotoğrafı yerine soyut bir grafik",
            ar="رسم تجريدي بدلاً من صورة للمشروع",
        ),
        "caption": t(
            "Beispielbild aus dem Projekt",
            en="Sample picture from the project",
            tr="Projeden örnek görsel",
            ar="صورة توضيحية من المشروع",
        ),
        "chair": t(
            "Vorsitzende des Vereins (Beispiel)",
            en="Chair of the association (example)",
            tr="Dernek başkanı (örnek)",
            ar="رئيسة الجمعية (مثال)",
        ),
        "board": t(
            "Vorstandsmitglied des Vereins (Beispiel)",
            en="Board member of the association (example)",
            tr="Dernek yönetim kurulu üyesi (örnek)",
            ar="عضو مجلس إدارة الجمعية (مثال)",
        ),
        "youth": t(
            "Jugendlicher aus dem Projekt (Beispiel)",
            en="Young person from the project (example)",
            tr="Projeden bir genç (örnek)",
            ar="شاب من المشروع (مثال)",
        ),
    }


def examples(t):
    """Each example: slugs, texts, year, district, fields, partners, resources, quote, pictures."""
    s = shared(t)
    return [
        {
            "slug": "fest-fuer-den-nordmarkt",
            "slugs": {"en": "festival-for-the-nordmarkt", "tr": "nordmarkt-icin-senlik"},
            "title": t(
                "Ein Fest für den ganzen Nordmarkt",
                en="A festival for the whole Nordmarkt",
                tr="Bütün Nordmarkt için bir şenlik",
                ar="مهرجان لكل حيّ نوردماركت",
            ),
            "association": t("Deutsch-Syrischer Kulturverein Jasmin e.V."),
            "year": 2025,
            "district": "innenstadt-nord",
            "fields": ["kulturelle-vielfalt", "gesellschaftliche-fragen"],
            "partners": ["quartiersbuero-nordstadt", "stadtteilcafe-am-hafen-eg"],
            "resources": ["festzelt", "festzeltgarnituren", "tonanlage", "flyer-und-plakate"],
            "summary": t(
                "Der Verein lud die Nachbarschaft zu Musik, Essen und Spielen ein – mit geliehenem Zelt, Tonanlage und Flyern aus dem House of Resources.",
                en="The association invited the neighbourhood to music, food and games – with a tent, sound system and flyers from House of Resources.",
                tr="Dernek, House of Resources'tan ödünç alınan çadır, ses sistemi ve broşürlerle mahalleyi müzik, yemek ve oyunlara davet etti.",
                ar="دعت الجمعية سكان الحي إلى الموسيقى والطعام والألعاب – بخيمة ونظام صوت ومنشورات من House of Resources.",
            ),
            "story": t(
                "<p>Seit Jahren trafen sich die Familien des Vereins nur in ihren eigenen Räumen. 2025 wollten sie die ganze Nachbarschaft einladen: mit syrischer Musik, einem Büfett aus vielen Küchen und Spielen für Kinder.</p>"
                "<p>Das Quartiersbüro half bei der Genehmigung, das Stadtteilcafé übernahm den Kaffee. Aus dem House of Resources kamen Festzelt, Bänke und Tonanlage sowie der Druck von 500 Flyern in vier Sprachen. Rund 300 Gäste kamen; zwei Nachbarinnen sind inzwischen Mitglied.</p>",
                en="<p>For years the association's families had met only in their own rooms. In 2025 they wanted to invite the whole neighbourhood: with Syrian music, a buffet from many kitchens and games for children.</p>"
                "<p>The neighbourhood office helped with the permit, the neighbourhood café took care of the coffee. House of Resources provided the tent, benches and sound system and paid for printing 500 flyers in four languages. Around 300 guests came; two neighbours have since become members.</p>",
                tr="<p>Derneğin aileleri yıllarca yalnızca kendi mekânlarında buluşmuştu. 2025'te bütün mahalleyi davet etmek istediler: Suriye müziği, pek çok mutfaktan bir açık büfe ve çocuklar için oyunlarla.</p>"
                "<p>Mahalle bürosu izin konusunda yardım etti, semt kafesi kahveyi üstlendi. House of Resources şenlik çadırını, bankları ve ses sistemini sağladı, dört dilde 500 broşürün baskısını karşıladı. Yaklaşık 300 misafir geldi; iki komşu kadın o zamandan beri derneğin üyesi.</p>",
                ar="<p>كانت عائلات الجمعية تلتقي لسنوات في قاعاتها الخاصة فقط. وفي عام 2025 أرادت دعوة الحي كله: بموسيقى سورية وبوفيه من مطابخ كثيرة وألعاب للأطفال.</p>"
                "<p>ساعد مكتب الحي في الحصول على التصريح، وتكفّل مقهى الحي بالقهوة. وقدّم House of Resources خيمة الاحتفالات والمقاعد ونظام الصوت، وتحمّل تكاليف طباعة 500 منشور بأربع لغات. حضر نحو 300 ضيف، وأصبحت جارتان منذ ذلك الحين عضوتين في الجمعية.</p>",
            ),
            "quote": t(
                "Zum ersten Mal haben wir nicht nur für uns gefeiert, sondern mit allen Nachbarn.",
                en="For the first time we did not celebrate just for ourselves, but with all our neighbours.",
                tr="İlk kez yalnızca kendimiz için değil, bütün komşularımızla birlikte kutladık.",
                ar="للمرة الأولى لم نحتفل لأنفسنا فقط، بل مع كل جيراننا.",
            ),
            "attribution": s["chair"],
            "gallery": 2,
        },
        {
            "slug": "hausaufgabenhilfe-in-zwei-sprachen",
            "slugs": {"en": "homework-help-in-two-languages", "tr": "iki-dilde-odev-yardimi"},
            "title": t(
                "Hausaufgabenhilfe in zwei Sprachen",
                en="Homework help in two languages",
                tr="İki dilde ödev yardımı",
                ar="مساعدة في الواجبات المدرسية بلغتين",
            ),
            "association": t("Bulgarisch-Rumänischer Elternverein Nordstadt e.V."),
            "year": 2024,
            "district": "innenstadt-nord",
            "fields": ["kinder-und-jugend", "bildung"],
            "partners": ["bildungshaus-am-nordmarkt", "stiftung-lesefreude"],
            "resources": ["seminarraum-nordstadt", "laptop"],
            "summary": t(
                "Zweimal pro Woche lernen Grundschulkinder mit ehrenamtlichen Studierenden – auf Deutsch, Bulgarisch und Rumänisch.",
                en="Twice a week primary school children learn with volunteer students – in German, Bulgarian and Romanian.",
                tr="İlkokul çocukları haftada iki kez gönüllü üniversite öğrencileriyle Almanca, Bulgarca ve Rumence ders çalışıyor.",
                ar="يتعلّم أطفال المرحلة الابتدائية مرتين في الأسبوع مع طلاب جامعيين متطوعين – بالألمانية والبلغارية والرومانية.",
            ),
            "story": t(
                "<p>Viele Eltern im Verein konnten ihren Kindern bei den Hausaufgaben kaum helfen, weil sie selbst erst Deutsch lernen. Der Verein fand Studierende, die beide Sprachen sprechen.</p>"
                "<p>Das House of Resources stellt den Seminarraum in der Nordstadt und zwei Laptops, das Bildungshaus am Nordmarkt schult die Ehrenamtlichen. Heute kommen jede Woche 25 Kinder, und die Eltern treffen sich parallel zum Elterncafé.</p>",
                en="<p>Many parents in the association could hardly help their children with homework because they are still learning German themselves. The association found students who speak both languages.</p>"
                "<p>House of Resources provides the seminar room in the Nordstadt and two laptops; the Bildungshaus am Nordmarkt trains the volunteers. Today 25 children come every week, and their parents meet for a parents' café at the same time.</p>",
                tr="<p>Dernekteki pek çok ebeveyn, kendileri de Almanca öğrendiği için çocuklarına ödevlerinde pek yardım edemiyordu. Dernek, her iki dili de konuşan üniversite öğrencileri buldu.</p>"
                "<p>House of Resources Nordstadt'taki seminer salonunu ve iki dizüstü bilgisayarı sağlıyor, Bildungshaus am Nordmarkt ise gönüllüleri eğitiyor. Bugün her hafta 25 çocuk geliyor, ebeveynler de aynı saatlerde veli kafesinde buluşuyor.</p>",
                ar="<p>لم يكن كثير من الآباء في الجمعية قادرين على مساعدة أطفالهم في الواجبات المدرسية، لأنهم ما زالوا يتعلمون الألمانية بأنفسهم. فوجدت الجمعية طلابًا جامعيين يتحدثون اللغتين.</p>"
                "<p>يوفّر House of Resources قاعة الندوات في نوردشتات وجهازَي حاسوب محمول، ويدرّب Bildungshaus am Nordmarkt المتطوعين. واليوم يأتي 25 طفلًا كل أسبوع، ويلتقي الآباء في الوقت نفسه في مقهى الأهالي.</p>",
            ),
            "quote": t(
                "Meine Tochter traut sich jetzt, im Unterricht etwas zu sagen.",
                en="My daughter now dares to speak up in class.",
                tr="Kızım artık derste söz almaya cesaret ediyor.",
                ar="ابنتي صارت تجرؤ الآن على الكلام في الصف.",
            ),
            "attribution": t(
                "Mutter aus dem Verein (Beispiel)",
                en="A mother from the association (example)",
                tr="Dernekten bir anne (örnek)",
                ar="أمّ من الجمعية (مثال)",
            ),
        },
        {
            "slug": "vorlesen-auf-griechisch-und-deutsch",
            "slugs": {"en": "reading-aloud-in-greek-and-german", "tr": "yunanca-ve-almanca-kitap-okuma"},
            "title": t(
                "Vorlesenachmittage auf Griechisch und Deutsch",
                en="Read-aloud afternoons in Greek and German",
                tr="Yunanca ve Almanca kitap okuma öğleden sonraları",
                ar="جلسات قراءة بعد الظهر باليونانية والألمانية",
            ),
            "association": t("Griechische Gemeinde Hörde e.V."),
            "year": 2025,
            "district": "hoerde",
            "fields": ["bildung", "kulturelle-vielfalt"],
            "partners": ["stadtteilbuecherei-hoerde-mitte", "musikschule-im-quartier-hoerde"],
            "resources": ["flyer-und-plakate", "honorare"],
            "summary": t(
                "Einmal im Monat lesen Eltern aus der Gemeinde in der Stadtteilbücherei vor – abwechselnd auf Griechisch und Deutsch, mit Liedern der Musikschule.",
                en="Once a month parents from the community read aloud in the neighbourhood library – taking turns in Greek and German, with songs from the music school.",
                tr="Cemaatten ebeveynler ayda bir kez semt kütüphanesinde sırayla Yunanca ve Almanca kitap okuyor; müzik okulu şarkılarla eşlik ediyor.",
                ar="يقرأ آباء من الجالية مرة في الشهر في مكتبة الحي – بالتناوب باليونانية والألمانية، مع أغانٍ من مدرسة الموسيقى.",
            ),
            "story": t(
                "<p>Die Stadtteilbücherei suchte Vereine, die Vorlesestunden in ihrer Sprache gestalten. Die Griechische Gemeinde meldete sich und bildete ein Team aus sechs Eltern.</p>"
                "<p>Mit einem Zuschuss für Honorare holte der Verein eine Kinderbuchautorin für den Auftakt; Plakate in beiden Sprachen machten die Reihe im Stadtteil bekannt. Inzwischen kommen auch Kinder ohne griechische Wurzeln.</p>",
                en="<p>The neighbourhood library was looking for associations to run story hours in their language. The Greek community came forward and formed a team of six parents.</p>"
                "<p>With a grant for fees the association invited a children's author for the opening; posters in both languages made the series known in the district. By now children without Greek roots come too.</p>",
                tr="<p>Semt kütüphanesi, kendi dillerinde okuma saatleri düzenleyecek dernekler arıyordu. Yunan cemaati başvurdu ve altı ebeveynden oluşan bir ekip kurdu.</p>"
                "<p>Dernek, ücretler için aldığı destekle açılışa bir çocuk kitabı yazarını davet etti; iki dilde hazırlanan afişler etkinlik dizisini semtte tanıttı. Artık Yunan kökenli olmayan çocuklar da geliyor.</p>",
                ar="<p>كانت مكتبة الحي تبحث عن جمعيات تنظّم ساعات قراءة بلغتها. فتقدّمت الجالية اليونانية وشكّلت فريقًا من ستة آباء وأمهات.</p>"
                "<p>وبمنحة لتغطية الأتعاب دعت الجمعية كاتبة قصص أطفال لافتتاح السلسلة، وعرّفت الملصقات باللغتين سكان الحي بها. واليوم يأتي أيضًا أطفال ليست لهم أصول يونانية.</p>",
            ),
        },
        {
            "slug": "stark-gegen-rassismus",
            "slugs": {"en": "standing-up-to-racism", "tr": "irkciliga-karsi-guclu"},
            "title": t(
                "Workshopreihe „Stark gegen Rassismus“",
                en="Workshop series “Standing up to racism”",
                tr="“Irkçılığa karşı güçlü” atölye dizisi",
                ar="سلسلة ورش «أقوياء في مواجهة العنصرية»",
            ),
            "association": t("Afrikanisches Kulturforum Ruhr e.V."),
            "year": 2025,
            "district": "innenstadt-west",
            "fields": ["anti-diskriminierung", "kinder-und-jugend"],
            "partners": ["antidiskriminierungsnetz-ruhr-mitte", "kommunale-koordinierungsstelle-vielfalt"],
            "resources": ["honorare", "moderationskoffer"],
            "summary": t(
                "Jugendliche lernten in vier Workshops, rassistische Erfahrungen zu benennen und sich zu wehren – angeleitet von erfahrenen Trainerinnen.",
                en="In four workshops young people learned to name experiences of racism and to stand up for themselves – guided by experienced trainers.",
                tr="Gençler dört atölyede ırkçı deneyimleri adlandırmayı ve kendilerini savunmayı öğrendi; deneyimli eğitmenler eşlik etti.",
                ar="تعلّم الشباب في أربع ورش تسمية تجارب العنصرية والدفاع عن أنفسهم – بإرشاد مدرّبات متمرّسات.",
            ),
            "story": t(
                "<p>Immer wieder erzählten Jugendliche im Verein von Beleidigungen in der Bahn oder bei der Ausbildungssuche. Der Verein wollte ihnen Worte und Wege geben, damit umzugehen.</p>"
                "<p>Das Antidiskriminierungsnetz vermittelte Trainerinnen, das House of Resources übernahm ihre Honorare und lieh den Moderationskoffer. Zum Abschluss stellten die Jugendlichen ihre Ergebnisse im Rathaus vor.</p>",
                en="<p>Again and again young people in the association told of insults on the train or when looking for an apprenticeship. The association wanted to give them words and ways to deal with it.</p>"
                "<p>The anti-discrimination network found trainers, House of Resources paid their fees and lent the facilitation kit. At the end the young people presented their results at the town hall.</p>",
                tr="<p>Dernekteki gençler trende ya da meslek eğitimi yeri ararken maruz kaldıkları hakaretleri sık sık anlatıyordu. Dernek onlara bununla başa çıkmak için sözler ve yollar sunmak istedi.</p>"
                "<p>Ayrımcılık karşıtı ağ eğitmenleri buldu, House of Resources ücretlerini karşıladı ve moderasyon çantasını ödünç verdi. Sonunda gençler çalışmalarını belediye binasında sundu.</p>",
                ar="<p>كان شباب الجمعية يروون مرارًا عن إهانات تعرّضوا لها في القطار أو أثناء البحث عن تدريب مهني. فأرادت الجمعية أن تمنحهم الكلمات والطرق للتعامل مع ذلك.</p>"
                "<p>وفّرت شبكة مكافحة التمييز المدرّبات، وتحمّل House of Resources أتعابهن وأعار حقيبة أدوات الإدارة. وفي الختام عرض الشباب نتائجهم في مبنى البلدية.</p>",
            ),
            "quote": t(
                "Jetzt weiß ich, dass ich nicht allein bin – und wo ich Hilfe bekomme.",
                en="Now I know I am not alone – and where I can get help.",
                tr="Artık yalnız olmadığımı ve nereden yardım alabileceğimi biliyorum.",
                ar="الآن أعرف أنني لست وحدي – وأين أجد المساعدة.",
            ),
            "attribution": t(
                "Teilnehmerin, 17 Jahre (Beispiel)",
                en="Participant, aged 17 (example)",
                tr="Katılımcı, 17 yaşında (örnek)",
                ar="مشاركة، 17 عامًا (مثال)",
            ),
        },
        {
            "slug": "gemeinschaftsbeete-an-der-emscher",
            "slugs": {"en": "community-beds-by-the-emscher", "tr": "emscher-kiyisinda-ortak-bahce"},
            "title": t(
                "Gemeinschaftsbeete an der Emscher",
                en="Community beds by the Emscher",
                tr="Emscher kıyısında ortak bahçe yatakları",
                ar="أحواض زراعة مشتركة على ضفاف نهر إمشر",
            ),
            "association": t("Albanischer Jugendverein Shqiponja e.V."),
            "year": 2024,
            "district": "huckarde",
            "fields": ["umwelt", "kinder-und-jugend"],
            "partners": ["nachbarschaftsgarten-huckarde-ev", "umweltinitiative-emscherufer"],
            "resources": ["lastenrad", "werkstattraum-huckarde"],
            "summary": t(
                "Jugendliche bauten mit dem Nachbarschaftsgarten Hochbeete, ernten Gemüse und bringen es mit dem Lastenrad zur Tafel.",
                en="Young people built raised beds with the community garden, harvest vegetables and take them to the food bank by cargo bike.",
                tr="Gençler komşuluk bahçesiyle birlikte yükseltilmiş yataklar yaptı, sebze hasat ediyor ve yük bisikletiyle gıda bankasına götürüyor.",
                ar="بنى الشباب مع حديقة الجيران أحواضًا مرتفعة، ويحصدون الخضار وينقلونها بالدراجة الحمّالة إلى بنك الطعام.",
            ),
            "story": t(
                "<p>Der Jugendverein suchte eine Beschäftigung für die Sommerferien, die mehr ist als Zeitvertreib. Der Nachbarschaftsgarten Huckarde bot eine Ecke seiner Fläche an.</p>"
                "<p>Im Werkstattraum des House of Resources bauten die Jugendlichen sechs Hochbeete aus Resten einer Baustelle; das Lastenrad bringt die Ernte zur Ausgabestelle. Die Umweltinitiative erklärt, was an der renaturierten Emscher wächst.</p>",
                en="<p>The youth association was looking for something for the summer holidays that is more than a pastime. The Huckarde community garden offered a corner of its ground.</p>"
                "<p>In the House of Resources workshop room the young people built six raised beds from building-site leftovers; the cargo bike takes the harvest to the distribution point. The environmental initiative explains what grows along the restored Emscher.</p>",
                tr="<p>Gençlik derneği yaz tatili için vakit geçirmekten fazlası olan bir uğraş arıyordu. Huckarde komşuluk bahçesi arazisinin bir köşesini önerdi.</p>"
                "<p>Gençler House of Resources'ın atölye odasında bir inşaat alanından kalan malzemelerle altı yükseltilmiş yatak yaptı; yük bisikleti hasadı dağıtım noktasına götürüyor. Çevre girişimi, doğal hâline döndürülen Emscher kıyısında nelerin yetiştiğini anlatıyor.</p>",
                ar="<p>كانت جمعية الشباب تبحث لعطلة الصيف عن نشاط يتجاوز تمضية الوقت. فعرضت حديقة الجيران في هوكارده ركنًا من أرضها.</p>"
                "<p>في غرفة الورشة لدى House of Resources بنى الشباب ستة أحواض مرتفعة من بقايا موقع بناء، وتنقل الدراجة الحمّالة المحصول إلى نقطة التوزيع. وتشرح مبادرة البيئة ما ينمو على ضفاف نهر إمشر بعد إعادته إلى طبيعته.</p>",
            ),
            "quote": t(
                "Ich wusste nicht, dass Tomaten so lange brauchen. Jetzt gieße ich jeden Tag.",
                en="I didn't know tomatoes take so long. Now I water them every day.",
                tr="Domateslerin bu kadar uzun sürdüğünü bilmiyordum. Artık her gün suluyorum.",
                ar="لم أكن أعرف أن الطماطم تحتاج إلى كل هذا الوقت. الآن أسقيها كل يوم.",
            ),
            "attribution": s["youth"],
            "gallery": 2,
        },
        {
            "slug": "gesundheitscafe-fuer-aeltere",
            "slugs": {"en": "health-cafe-for-older-people", "tr": "yaslilar-icin-saglik-kafesi"},
            "title": t(
                "Gesundheitscafé für ältere Menschen",
                en="Health café for older people",
                tr="Yaşlılar için sağlık kafesi",
                ar="مقهى صحي لكبار السن",
            ),
            "association": t(
                "Deutsch-Türkischer Seniorenkreis Aplerbeck e.V.",
                en="German-Turkish Senior Circle Aplerbeck",
                tr="Aplerbeck Alman-Türk Yaşlılar Çevresi Derneği",
                ar="حلقة كبار السن الألمانية التركية في أبلربك",
            ),
            "year": 2025,
            "district": "aplerbeck",
            "fields": ["gesundheit-und-pflege"],
            "partners": ["treffpunkt-aelterwerden-aplerbeck", "gesundheitslotsen-dortmund"],
            "resources": ["verpflegung", "fluesteranlage"],
            "summary": t(
                "Einmal im Monat erklären Ärztinnen und Pflegekräfte bei Tee und Gebäck, was im Alter gesund hält – übersetzt über eine Flüsteranlage.",
                en="Once a month doctors and nurses explain over tea and pastries what keeps you healthy in old age – interpreted through a whispering system.",
                tr="Doktorlar ve bakım uzmanları ayda bir kez çay ve kurabiye eşliğinde yaşlılıkta sağlıklı kalmanın yollarını anlatıyor; fısıltı çeviri sistemiyle tercüme ediliyor.",
                ar="تشرح طبيبات وممرضات مرة في الشهر، على الشاي والحلوى، ما يحافظ على الصحة في الشيخوخة – مع ترجمة فورية عبر أجهزة الترجمة الهمسية.",
            ),
            "story": t(
                "<p>Viele ältere Mitglieder gingen erst zum Arzt, wenn es nicht mehr anders ging. Der Seniorenkreis wollte Vorsorge zum Gesprächsthema machen – in vertrauter Runde.</p>"
                "<p>Der Treffpunkt Älterwerden stellt seinen Saal, die Gesundheitslotsen bringen Fachleute mit. Das House of Resources zahlt Tee und Gebäck und leiht die Flüsteranlage, damit alle in ihrer Sprache folgen können.</p>",
                en="<p>Many older members only went to the doctor when there was no other way. The senior circle wanted to make prevention a topic of conversation – among familiar faces.</p>"
                "<p>The Treffpunkt Älterwerden provides its hall, the health guides bring experts along. House of Resources pays for tea and pastries and lends the whispering interpretation system, so everyone can follow in their language.</p>",
                tr="<p>Yaşlı üyelerin çoğu doktora ancak başka çare kalmadığında gidiyordu. Yaşlılar çevresi, koruyucu sağlığı tanıdık bir ortamda konuşulan bir konu hâline getirmek istedi.</p>"
                "<p>Treffpunkt Älterwerden salonunu sağlıyor, sağlık rehberleri uzmanları getiriyor. House of Resources çay ve kurabiyeleri karşılıyor ve herkes kendi dilinde takip edebilsin diye fısıltı çeviri sistemini ödünç veriyor.</p>",
                ar="<p>كان كثير من الأعضاء المسنّين لا يذهبون إلى الطبيب إلا عند الضرورة القصوى. فأرادت الحلقة أن تجعل الوقاية موضوعًا للحديث – في جوّ مألوف.</p>"
                "<p>يوفّر Treffpunkt Älterwerden قاعته، ويأتي مرشدو الصحة بالمختصين. ويدفع House of Resources ثمن الشاي والحلوى ويعير جهاز الترجمة الهمسية، ليتابع الجميع بلغتهم.</p>",
            ),
            "quote": t(
                "Hier frage ich Dinge, die ich beim Arzt nie fragen würde.",
                en="Here I ask things I would never ask at the doctor's.",
                tr="Burada doktora asla soramayacağım şeyleri soruyorum.",
                ar="هنا أسأل عن أشياء لم أكن لأسأل عنها عند الطبيب أبدًا.",
            ),
            "attribution": t(
                "Teilnehmer, 74 Jahre (Beispiel)",
                en="Participant, aged 74 (example)",
                tr="Katılımcı, 74 yaşında (örnek)",
                ar="مشارك، 74 عامًا (مثال)",
            ),
        },
        {
            "slug": "wohnungssuche-mit-rat-in-der-muttersprache",
            "slugs": {
                "en": "flat-hunting-with-advice-in-your-language",
                "tr": "ana-dilde-danismanlikla-ev-arama",
            },
            "title": t(
                "Wohnungssuche mit Rat in der Muttersprache",
                en="Flat hunting with advice in your own language",
                tr="Ana dilde danışmanlıkla ev arama",
                ar="البحث عن سكن مع استشارة باللغة الأم",
            ),
            "association": t("Ukrainischer Hilfsverein Mrija Dortmund e.V."),
            "year": 2024,
            "district": "innenstadt-ost",
            "fields": ["gesellschaftliche-fragen"],
            "partners": ["wohnberatung-nordstadt-ev"],
            "resources": ["honorare", "fahrtkosten"],
            "summary": t(
                "Ehrenamtliche des Vereins begleiten Familien zu Besichtigungen und übersetzen Mietverträge – geschult von der Wohnberatung.",
                en="Volunteers of the association accompany families to viewings and translate tenancy agreements – trained by the housing advice service.",
                tr="Derneğin gönüllüleri ailelere ev görmeye giderken eşlik ediyor ve kira sözleşmelerini tercüme ediyor; eğitimlerini konut danışmanlığı veriyor.",
                ar="يرافق متطوعو الجمعية العائلات إلى معاينة الشقق ويترجمون عقود الإيجار – بعد تدريب من خدمة استشارات السكن.",
            ),
            "story": t(
                "<p>Nach ihrer Ankunft lebten viele Familien monatelang in Notunterkünften. Bei der Wohnungssuche scheiterten sie oft an Formularen und Fachbegriffen.</p>"
                "<p>Die Wohnberatung Nordstadt schulte zwölf Ehrenamtliche an drei Abenden; das House of Resources übernahm Honorar und Fahrtkosten. Im ersten Jahr fanden 19 Familien eine eigene Wohnung.</p>",
                en="<p>After arriving, many families lived in emergency accommodation for months. When looking for a flat they often failed because of forms and technical terms.</p>"
                "<p>The Nordstadt housing advice service trained twelve volunteers on three evenings; House of Resources covered the fee and travel costs. In the first year 19 families found a flat of their own.</p>",
                tr="<p>Pek çok aile geldikten sonra aylarca acil barınma yerlerinde yaşadı. Ev ararken çoğu zaman formlar ve teknik terimler yüzünden başarısız oluyorlardı.</p>"
                "<p>Nordstadt konut danışmanlığı üç akşamda on iki gönüllüyü eğitti; House of Resources ücreti ve yol masraflarını üstlendi. İlk yıl 19 aile kendi evine kavuştu.</p>",
                ar="<p>بعد وصولها عاشت عائلات كثيرة أشهرًا في مساكن الطوارئ. وكثيرًا ما تعثّرت في البحث عن سكن بسبب الاستمارات والمصطلحات المتخصصة.</p>"
                "<p>درّبت خدمة استشارات السكن في نوردشتات اثني عشر متطوعًا في ثلاث أمسيات، وتحمّل House of Resources الأتعاب وتكاليف التنقل. وفي السنة الأولى وجدت 19 عائلة شقة خاصة بها.</p>",
            ),
        },
        {
            "slug": "kindertanz-auf-dem-stadtteilfest",
            "slugs": {
                "en": "childrens-dance-at-the-district-festival",
                "tr": "semt-senliginde-cocuk-danslari",
            },
            "title": t(
                "Polnischer Kindertanz auf dem Stadtteilfest",
                en="Polish children's dance at the district festival",
                tr="Semt şenliğinde Polonya çocuk dansları",
                ar="رقص الأطفال البولندي في مهرجان الحي",
            ),
            "association": t("Polonia Dortmund – Polnischer Kulturkreis e.V."),
            "year": 2025,
            "district": "hombruch",
            "fields": ["kulturelle-vielfalt", "kinder-und-jugend"],
            "partners": ["medienwerkstatt-dortmund-west", "buergerstiftung-dortmunder-sueden"],
            "resources": ["faltpavillon", "fotos-und-video"],
            "summary": t(
                "Die Kindertanzgruppe des Vereins trat zum ersten Mal öffentlich auf – mit eigenem Pavillon und einem Video, das Jugendliche der Medienwerkstatt drehten.",
                en="The association's children's dance group performed in public for the first time – with its own gazebo and a video shot by young people from the media workshop.",
                tr="Derneğin çocuk dans grubu ilk kez halka açık sahneye çıktı; kendi çadırı ve medya atölyesinden gençlerin çektiği bir videoyla.",
                ar="قدّمت فرقة رقص الأطفال في الجمعية أول عرض علني لها – بخيمتها الخاصة وبفيديو صوّره شباب من ورشة الإعلام.",
            ),
            "story": t(
                "<p>Seit drei Jahren probt die Kindertanzgruppe jeden Samstag. Zum Stadtteilfest in Hombruch wollte sie zeigen, was sie kann – und für neue Mitglieder werben.</p>"
                "<p>Das House of Resources lieh einen Faltpavillon für den Infostand und vermittelte die Medienwerkstatt, die den Auftritt filmte. Das Video läuft heute auf der Vereinshomepage; acht Kinder kamen neu dazu.</p>",
                en="<p>The children's dance group has rehearsed every Saturday for three years. At the district festival in Hombruch it wanted to show what it can do – and attract new members.</p>"
                "<p>House of Resources lent a folding gazebo for the information stand and put the association in touch with the media workshop, which filmed the performance. The video is now on the association's website; eight children have joined.</p>",
                tr="<p>Çocuk dans grubu üç yıldır her cumartesi prova yapıyor. Hombruch'taki semt şenliğinde neler yapabildiğini göstermek ve yeni üyeler kazanmak istedi.</p>"
                "<p>House of Resources bilgi standı için katlanır bir çadır ödünç verdi ve gösteriyi filme alan medya atölyesiyle bağlantı kurdu. Video bugün derneğin internet sitesinde yayında; sekiz çocuk yeni katıldı.</p>",
                ar="<p>تتدرّب فرقة رقص الأطفال كل يوم سبت منذ ثلاث سنوات. وفي مهرجان حي هومبروخ أرادت أن تُظهر ما تستطيعه – وأن تجذب أعضاء جددًا.</p>"
                "<p>أعار House of Resources خيمة قابلة للطي لجناح المعلومات، وعرّف الجمعية بورشة الإعلام التي صوّرت العرض. والفيديو منشور اليوم على موقع الجمعية، وانضم ثمانية أطفال جدد.</p>",
            ),
            "quote": t(
                "Die Kinder waren so aufgeregt – und so stolz danach.",
                en="The children were so nervous – and so proud afterwards.",
                tr="Çocuklar çok heyecanlıydı – sonrasında da çok gururlu.",
                ar="كان الأطفال متوترين جدًا – وفخورين جدًا بعد العرض.",
            ),
            "attribution": t(
                "Leiterin der Tanzgruppe (Beispiel)",
                en="Leader of the dance group (example)",
                tr="Dans grubunun yöneticisi (örnek)",
                ar="مسؤولة فرقة الرقص (مثال)",
            ),
        },
        {
            "slug": "vom-wohnzimmer-zum-verein",
            "slugs": {"en": "from-living-room-to-association", "tr": "oturma-odasindan-dernege"},
            "title": t(
                "Vom Treffen im Wohnzimmer zum eingetragenen Verein",
                en="From meetings in a living room to a registered association",
                tr="Oturma odasındaki buluşmalardan tescilli derneğe",
                ar="من لقاءات في غرفة الجلوس إلى جمعية مسجّلة",
            ),
            "association": t(
                "Eritreische Gemeinschaft Dortmund e.V.",
                en="Eritrean Community Dortmund",
                tr="Dortmund Eritre Topluluğu Derneği",
                ar="الجالية الإريترية في دورتموند",
            ),
            "year": 2024,
            "district": "eving",
            "fields": ["gesellschaftliche-fragen", "bildung"],
            "partners": ["oekumenische-fluechtlingshilfe-eving", "ehrenamtsagentur-dortmund-ost"],
            "resources": ["vereinsgruendung", "kassenfuehrung"],
            "summary": t(
                "Eine Gruppe eritreischer Familien gründete mit Beratung des House of Resources einen Verein – und kann nun selbst Fördermittel beantragen.",
                en="A group of Eritrean families founded an association with advice from House of Resources – and can now apply for funding itself.",
                tr="Bir grup Eritreli aile, House of Resources'ın danışmanlığıyla bir dernek kurdu ve artık kendisi hibe başvurusu yapabiliyor.",
                ar="أسّست مجموعة من العائلات الإريترية جمعية بمشورة House of Resources – وصار بإمكانها الآن أن تتقدّم بنفسها بطلبات التمويل.",
            ),
            "story": t(
                "<p>Jahrelang trafen sich die Familien privat, organisierten Feste und halfen Neuankommenden. Für Räume und Zuschüsse fehlte ihnen aber eine Rechtsform.</p>"
                "<p>In der Beratung zur Vereinsgründung schrieben sie ihre Satzung, im Kurs Kassenführung lernte der neue Vorstand die Buchhaltung. Die Flüchtlingshilfe Eving stellte für die Gründungsversammlung ihren Saal zur Verfügung.</p>",
                en="<p>For years the families met privately, organised celebrations and helped newcomers. But to get rooms and grants they lacked a legal form.</p>"
                "<p>In the coaching on founding an association they wrote their statutes; in the bookkeeping course the new board learned to keep the accounts. The refugee aid group in Eving provided its hall for the founding meeting.</p>",
                tr="<p>Aileler yıllarca özel olarak buluştu, kutlamalar düzenledi ve yeni gelenlere yardım etti. Ancak mekân ve destek alabilmek için bir tüzel kişilikten yoksundular.</p>"
                "<p>Dernek kuruluşu danışmanlığında tüzüklerini yazdılar, kasa defteri kursunda yeni yönetim kurulu muhasebeyi öğrendi. Eving mülteci yardım grubu kuruluş toplantısı için salonunu açtı.</p>",
                ar="<p>التقت العائلات سنوات بشكل خاص، ونظّمت احتفالات وساعدت القادمين الجدد. لكنها كانت تفتقر إلى شكل قانوني للحصول على قاعات ومنح.</p>"
                "<p>وفي الاستشارة حول تأسيس الجمعيات كتبت نظامها الأساسي، وتعلّم مجلس الإدارة الجديد مسك الحسابات في دورة إدارة الصندوق. ووفّرت مجموعة مساعدة اللاجئين في إيفينغ قاعتها لاجتماع التأسيس.</p>",
            ),
            "quote": t(
                "Jetzt sind wir nicht mehr nur Gäste, sondern Partner der Stadt.",
                en="Now we are no longer just guests but partners of the city.",
                tr="Artık yalnızca misafir değil, şehrin ortağıyız.",
                ar="لم نعد الآن مجرد ضيوف، بل شركاء للمدينة.",
            ),
            "attribution": s["board"],
        },
        {
            "slug": "jugendfilm-unsere-strasse",
            "slugs": {"en": "youth-film-our-street", "tr": "genclik-filmi-bizim-sokak"},
            "title": t(
                "Jugendfilm „Unsere Straße“",
                en="Youth film “Our street”",
                tr="Gençlik filmi “Bizim Sokak”",
                ar="فيلم الشباب «شارعنا»",
            ),
            "association": t("Kurdisches Gemeinschaftszentrum Dortmund e.V."),
            "year": 2025,
            "district": "eving",
            "fields": ["kinder-und-jugend", "anti-diskriminierung"],
            "partners": ["medienwerkstatt-dortmund-west", "kommunale-koordinierungsstelle-vielfalt"],
            "resources": ["digitalkamera", "laptop", "veranstaltungssaal-city"],
            "summary": t(
                "Zwölf Jugendliche drehten einen Kurzfilm über ihr Viertel und Vorurteile – gezeigt bei der Premiere vor 150 Gästen.",
                en="Twelve young people shot a short film about their neighbourhood and prejudice – shown at a premiere to 150 guests.",
                tr="On iki genç mahalleleri ve önyargılar üzerine kısa bir film çekti; film 150 misafirin önünde gösterime girdi.",
                ar="صوّر اثنا عشر شابًا فيلمًا قصيرًا عن حيّهم والأحكام المسبقة – عُرض في حفل افتتاح أمام 150 ضيفًا.",
            ),
            "story": t(
                "<p>Die Jugendlichen ärgerten sich darüber, wie über ihr Viertel geredet wird. Sie wollten zeigen, wie sie selbst es sehen.</p>"
                "<p>Die Medienwerkstatt brachte ihnen Kameraführung und Schnitt bei, gedreht wurde mit Kamera und Laptop aus dem House of Resources. Die Premiere fand im Veranstaltungssaal in der City statt; die Koordinierungsstelle Vielfalt zeigt den Film seitdem in Schulen.</p>",
                en="<p>The young people were annoyed by the way people talk about their neighbourhood. They wanted to show how they see it themselves.</p>"
                "<p>The media workshop taught them camera work and editing; they filmed with a camera and laptop from House of Resources. The premiere took place in the event hall in the city centre; since then the diversity coordination office has shown the film in schools.</p>",
                tr="<p>Gençler mahalleleri hakkında konuşulma biçiminden rahatsızdı. Mahallelerini kendi gözleriyle nasıl gördüklerini göstermek istediler.</p>"
                "<p>Medya atölyesi onlara kamera kullanımını ve kurgu yapmayı öğretti; çekimler House of Resources'tan alınan kamera ve dizüstü bilgisayarla yapıldı. Gala şehir merkezindeki etkinlik salonunda gerçekleşti; çeşitlilik koordinasyon birimi filmi o zamandan beri okullarda gösteriyor.</p>",
                ar="<p>كان الشباب منزعجين من الطريقة التي يُتحدَّث بها عن حيّهم، وأرادوا أن يُظهروا كيف يرونه هم أنفسهم.</p>"
                "<p>علّمتهم ورشة الإعلام التصوير والمونتاج، وصوّروا بكاميرا وحاسوب محمول من House of Resources. وأُقيم العرض الأول في قاعة الفعاليات في وسط المدينة، ومنذ ذلك الحين يعرض مكتب تنسيق التنوع الفيلم في المدارس.</p>",
            ),
            "quote": t(
                "Wir wollten nicht mehr, dass andere über uns reden. Jetzt reden wir selbst.",
                en="We didn't want others talking about us any more. Now we speak for ourselves.",
                tr="Başkalarının bizim hakkımızda konuşmasını artık istemiyorduk. Şimdi kendimiz konuşuyoruz.",
                ar="لم نعد نريد أن يتحدث الآخرون عنّا. الآن نتحدث نحن.",
            ),
            "attribution": s["youth"],
            "gallery": 1,
        },
        {
            "slug": "reparieren-statt-wegwerfen",
            "slugs": {"en": "repair-instead-of-throwing-away", "tr": "atmak-yerine-onarmak"},
            "title": t(
                "Reparieren statt wegwerfen",
                en="Repair instead of throwing away",
                tr="Atmak yerine onarmak",
                ar="الإصلاح بدل الرمي",
            ),
            "association": t("Iranischer Kulturverein Simorgh e.V."),
            "year": 2024,
            "district": "brackel",
            "fields": ["umwelt", "gesellschaftliche-fragen"],
            "partners": ["repair-cafe-hombruch", "lebensmittelpunkt-brackel-ev"],
            "resources": ["stehtische", "flyer-und-plakate"],
            "summary": t(
                "Vier Samstage lang reparierten Ehrenamtliche Lampen, Fahrräder und Kleidung – und tauschten dabei Rezepte und Geschichten.",
                en="For four Saturdays volunteers repaired lamps, bikes and clothes – swapping recipes and stories along the way.",
                tr="Gönüllüler dört cumartesi boyunca lambaları, bisikletleri ve giysileri onardı; bu arada tarifler ve hikâyeler paylaştılar.",
                ar="على مدى أربعة أيام سبت أصلح متطوعون المصابيح والدراجات والملابس – وتبادلوا في أثناء ذلك الوصفات والحكايات.",
            ),
            "story": t(
                "<p>Im Verein gibt es viele, die etwas reparieren können: ein Elektriker, zwei Schneiderinnen, ein Fahrradmechaniker. Die Idee: das Können mit der Nachbarschaft teilen.</p>"
                "<p>Das Repair-Café Hombruch zeigte, wie man einen Reparaturtag organisiert und was bei der Haftung zu beachten ist. Der Lebensmittelpunkt Brackel stellte seinen Raum, das House of Resources Stehtische und Plakate. Über 120 Dinge wurden vor dem Müll gerettet.</p>",
                en="<p>The association has many members who can repair things: an electrician, two seamstresses, a bicycle mechanic. The idea: share these skills with the neighbourhood.</p>"
                "<p>The Repair Café Hombruch showed how to organise a repair day and what to consider about liability. Lebensmittelpunkt Brackel provided its room, House of Resources the standing tables and posters. More than 120 items were saved from the bin.</p>",
                tr="<p>Dernekte bir şeyleri onarabilen pek çok kişi var: bir elektrikçi, iki terzi, bir bisiklet tamircisi. Fikir şuydu: bu becerileri mahalleyle paylaşmak.</p>"
                "<p>Repair-Café Hombruch bir onarım gününün nasıl düzenlendiğini ve sorumluluk konusunda nelere dikkat edilmesi gerektiğini gösterdi. Lebensmittelpunkt Brackel mekânını, House of Resources ise bistro masalarını ve afişleri sağladı. 120'den fazla eşya çöpe gitmekten kurtarıldı.</p>",
                ar="<p>في الجمعية كثيرون يستطيعون إصلاح الأشياء: كهربائي وخيّاطتان وميكانيكي دراجات. والفكرة: مشاركة هذه المهارات مع الجيران.</p>"
                "<p>أوضح Repair-Café Hombruch كيف يُنظَّم يوم للإصلاح وما يجب مراعاته بشأن المسؤولية. ووفّر Lebensmittelpunkt Brackel قاعته، وقدّم House of Resources طاولات الوقوف والملصقات. وأُنقذ أكثر من 120 غرضًا من سلة المهملات.</p>",
            ),
            "quote": t(
                "Meine Nähmaschine lief seit Jahren nicht mehr. Jetzt nähe ich wieder für die Enkel.",
                en="My sewing machine hadn't worked for years. Now I sew for my grandchildren again.",
                tr="Dikiş makinem yıllardır çalışmıyordu. Şimdi torunlarım için yeniden dikiş dikiyorum.",
                ar="ماكينة الخياطة عندي كانت معطّلة منذ سنوات. الآن أخيط من جديد لأحفادي.",
            ),
            "attribution": t(
                "Besucherin des Reparaturtags (Beispiel)",
                en="Visitor to the repair day (example)",
                tr="Onarım gününün bir ziyaretçisi (örnek)",
                ar="زائرة ليوم الإصلاح (مثال)",
            ),
        },
        {
            "slug": "sport-fuer-frauen-im-quartier",
            "slugs": {"en": "sport-for-women-in-the-neighbourhood", "tr": "mahallede-kadinlar-icin-spor"},
            "title": t(
                "Sport für Frauen im Quartier",
                en="Sport for women in the neighbourhood",
                tr="Mahallede kadınlar için spor",
                ar="رياضة للنساء في الحي",
            ),
            "association": t(
                "Marokkanischer Frauenverein Scharnhorst e.V.",
                en="Moroccan Women's Association Scharnhorst",
                tr="Scharnhorst Faslı Kadınlar Derneği",
                ar="جمعية النساء المغربيات في شارنهورست",
            ),
            "year": 2025,
            "district": "scharnhorst",
            "fields": ["gesundheit-und-pflege", "gesellschaftliche-fragen"],
            "partners": ["netzwerk-sport-und-vielfalt-dortmund", "frauenzentrum-ruhrallee"],
            "resources": ["raum-mit-kueche-scharnhorst", "honorare"],
            "summary": t(
                "Ein Gymnastikkurs nur für Frauen, mit Kinderbetreuung nebenan: Jeden Dienstag kommen bis zu 30 Teilnehmerinnen.",
                en="An exercise class for women only, with childcare next door: up to 30 participants come every Tuesday.",
                tr="Yalnızca kadınlara yönelik, yan odada çocuk bakımı olan bir jimnastik kursu: Her salı 30'a kadar katılımcı geliyor.",
                ar="دورة رياضية للنساء فقط مع رعاية للأطفال في الغرفة المجاورة: تأتي كل ثلاثاء ما يصل إلى 30 مشاركة.",
            ),
            "story": t(
                "<p>Viele Frauen im Verein wollten Sport treiben, fanden aber kein Angebot, bei dem sie sich wohlfühlten und ihre Kinder mitbringen konnten.</p>"
                "<p>Das Netzwerk Sport und Vielfalt vermittelte eine Übungsleiterin, das House of Resources übernimmt ihr Honorar und stellt den Raum mit Küche in Scharnhorst. Das Frauenzentrum Ruhrallee berät zu Gesundheitsthemen, die beim anschließenden Tee zur Sprache kommen.</p>",
                en="<p>Many women in the association wanted to do sport but could not find a class where they felt comfortable and could bring their children.</p>"
                "<p>The Sport and Diversity network found an instructor; House of Resources pays her fee and provides the room with kitchen in Scharnhorst. The women's centre on Ruhrallee gives advice on health topics that come up over tea afterwards.</p>",
                tr="<p>Dernekteki pek çok kadın spor yapmak istiyordu ama kendini rahat hissedeceği ve çocuklarını getirebileceği bir kurs bulamıyordu.</p>"
                "<p>Spor ve Çeşitlilik Ağı bir antrenör buldu; House of Resources onun ücretini karşılıyor ve Scharnhorst'taki mutfaklı salonu sağlıyor. Ruhrallee Kadın Merkezi, sonrasında çay eşliğinde konuşulan sağlık konularında danışmanlık veriyor.</p>",
                ar="<p>أرادت نساء كثيرات في الجمعية ممارسة الرياضة، لكنهن لم يجدن دورة يشعرن فيها بالراحة ويستطعن اصطحاب أطفالهن إليها.</p>"
                "<p>وفّرت شبكة الرياضة والتنوع مدرّبة، ويتحمّل House of Resources أتعابها ويوفّر القاعة المجهّزة بمطبخ في شارنهورست. ويقدّم مركز النساء في شارع رورآليه استشارات حول القضايا الصحية التي تُطرح على الشاي بعد التمرين.</p>",
            ),
            "quote": t(
                "Hier muss ich mich nicht erklären. Ich komme einfach und mache mit.",
                en="Here I don't have to explain myself. I just come and join in.",
                tr="Burada kendimi açıklamak zorunda değilim. Sadece gelip katılıyorum.",
                ar="هنا لا أحتاج إلى أن أشرح نفسي. آتي وأشارك فحسب.",
            ),
            "attribution": t(
                "Teilnehmerin (Beispiel)",
                en="Participant (example)",
                tr="Katılımcı (örnek)",
                ar="مشاركة (مثال)",
            ),
        },
    ]


def index_page(loader):
    t = loader.text
    for language, slug in {
        "en": "engagement",
        "tr": "ornekler",
        "ar": "engagement",
        "uk": "engagement",
        "pl": "przyklady",
    }.items():
        loader.memory.add("engagement", language, slug)
    index = loader.page(
        loader.registry["home_page"],
        EngagementIndexPage,
        "engagement",
        title=t(
            "Engagementbeispiele",
            en="Engagement examples",
            tr="Gönüllülük örnekleri",
            ar="أمثلة على العمل المدني",
            uk="Приклади громадської активності",
            pl="Przykłady zaangażowania",
        ),
        intro=t(
            "Was Dortmunder Vereine mit Ressourcen und Partnern auf die Beine gestellt haben – zum Nachmachen.",
            en="What Dortmund associations have achieved with resources and partners – to inspire your own projects.",
            tr="Dortmund'daki derneklerin kaynaklar ve ortaklarla neler başardığı – kendi projeleriniz için ilham.",
            ar="ما أنجزته جمعيات دورتموند بالموارد والشركاء – لإلهام مشاريعكم.",
            uk="Що дортмундські об'єднання втілили завдяки ресурсам і партнерам – для натхнення.",
            pl="Co stowarzyszenia z Dortmundu osiągnęły dzięki zasobom i partnerom – dla inspiracji.",
        ),
        search_description=t(
            "Projekte Dortmunder Migrantenvereine: was sie taten, mit wem und mit welchen Ressourcen.",
            en="Projects of Dortmund's migrant associations: what they did, with whom and with which resources.",
            tr="Dortmund'daki göçmen derneklerinin projeleri: ne yaptılar, kiminle ve hangi kaynaklarla.",
            ar="مشاريع جمعيات المهاجرين في دورتموند: ماذا فعلت، ومع من، وبأي موارد.",
            uk="Проєкти об'єднань мігрантів у Дортмунді: що вони зробили, з ким і з якими ресурсами.",
            pl="Projekty stowarzyszeń migrantów w Dortmundzie: co zrobiły, z kim i z jakimi zasobami.",
        ),
    )
    loader.translate(index)
    return index


def load(loader):
    t = loader.text
    index = index_page(loader)
    loader.registry.setdefault("main_menu", []).append(index)

    s = shared(t)
    districts = {district.slug: district for district in District.objects.all()}
    fields = {term.slug: term for term in EngagementField.objects.filter(locale__language_code="de")}
    partners = {p.slug: p for p in PartnerOrganisation.objects.filter(locale__language_code="de")}
    resources = {r.slug: r for r in Resource.objects.filter(locale__language_code="de")}

    for number, entry in enumerate(examples(t)):
        for language in ("en", "tr", "ar"):
            slug = entry["slugs"].get(language) or entry["slugs"]["en"]
            loader.memory.add(entry["slug"], language, slug)
        image = loader.image(f"Engagementbeispiel: {entry['title'].de} (Beispielbild)", COLOURS[number % 3])
        gallery = [
            (
                "image",
                {
                    "image": {
                        "image": loader.image(
                            f"Engagementbeispiel: {entry['title'].de} ({position + 2}, Beispielbild)",
                            COLOURS[(number + position + 1) % 3],
                        ).pk,
                        "alt_text": s["alt"],
                        "decorative": False,
                    },
                    "caption": s["caption"],
                },
            )
            for position in range(entry.get("gallery", 0))
        ]
        example = loader.page(
            index,
            EngagementExamplePage,
            entry["slug"],
            title=entry["title"],
            association=entry["association"],
            summary=entry["summary"],
            story=entry["story"],
            year=entry["year"],
            district=districts[entry["district"]],
            engagement_fields=[fields[slug] for slug in entry["fields"]],
            partners=[partners[slug] for slug in entry["partners"]],
            resources=[resources[slug] for slug in entry["resources"]],
            quote=entry.get("quote", ""),
            quote_attribution=entry.get("attribution", ""),
            image=image,
            image_alt=s["alt"],
            gallery=stream(gallery),
            is_sample=True,
        )
        loader.translate(example, languages=["en", "tr", "ar"])
