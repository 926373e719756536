"""Demo content of the vocabulary: engagement fields and resource categories in all six languages.

Loaded before every app that uses them (`ORDER`); the partners' own terms (cooperation topics, target
groups) come with the partners' demo."""

from .models import EngagementField, ResourceCategory

ORDER = 5


def engagement_fields(t):
    return [
        (
            "kulturelle-vielfalt",
            t(
                "Kulturelle Vielfalt",
                en="Cultural diversity",
                tr="Kültürel çeşitlilik",
                ar="التنوع الثقافي",
                uk="Культурне розмаїття",
                pl="Różnorodność kulturowa",
            ),
            t(
                "Feste, Begegnungen, Kunst und Kultur, die Menschen verschiedener Herkunft zusammenbringen.",
                en="Festivals, encounters, art and culture that bring people of different backgrounds together.",
                tr="Farklı kökenlerden insanları bir araya getiren şenlikler, buluşmalar, sanat ve kültür.",
                ar="مهرجانات ولقاءات وفنون وثقافة تجمع الناس من خلفيات مختلفة.",
                uk="Свята, зустрічі, мистецтво й культура, що об'єднують людей різного походження.",
                pl="Festyny, spotkania, sztuka i kultura, które łączą ludzi różnego pochodzenia.",
            ),
        ),
        (
            "kinder-und-jugend",
            t(
                "Kinder und Jugendliche",
                en="Children and young people",
                tr="Çocuklar ve gençler",
                ar="الأطفال والشباب",
                uk="Діти та молодь",
                pl="Dzieci i młodzież",
            ),
            t(
                "Angebote für und mit Kindern und Jugendlichen: Freizeit, Sport, Beteiligung.",
                en="Activities for and with children and young people: leisure, sport, participation.",
                tr="Çocuklar ve gençler için ve onlarla birlikte etkinlikler: boş zaman, spor, katılım.",
                ar="أنشطة للأطفال والشباب ومعهم: أوقات الفراغ والرياضة والمشاركة.",
                uk="Заходи для дітей і молоді та разом із ними: дозвілля, спорт, участь.",
                pl="Zajęcia dla dzieci i młodzieży oraz z nimi: czas wolny, sport, uczestnictwo.",
            ),
        ),
        (
            "bildung",
            t(
                "Bildung in Schule und Ausbildung",
                en="Education at school and in training",
                tr="Okulda ve meslek eğitiminde eğitim",
                ar="التعليم في المدرسة والتدريب المهني",
                uk="Освіта в школі та професійному навчанні",
                pl="Edukacja w szkole i w nauce zawodu",
            ),
            t(
                "Hausaufgabenhilfe, Elternarbeit, Übergang von der Schule in den Beruf.",
                en="Homework help, work with parents, the move from school to work.",
                tr="Ödev yardımı, velilerle çalışma, okuldan meslek hayatına geçiş.",
                ar="المساعدة في الواجبات المدرسية والعمل مع الأهل والانتقال من المدرسة إلى العمل.",
                uk="Допомога з домашніми завданнями, робота з батьками, перехід зі школи до професії.",
                pl="Pomoc w odrabianiu lekcji, praca z rodzicami, przejście ze szkoły do pracy.",
            ),
        ),
        (
            "anti-diskriminierung",
            t(
                "Anti-Diskriminierung",
                en="Anti-discrimination",
                tr="Ayrımcılıkla mücadele",
                ar="مكافحة التمييز",
                uk="Протидія дискримінації",
                pl="Przeciwdziałanie dyskryminacji",
            ),
            t(
                "Aufklärung, Beratung und Empowerment gegen Rassismus und Ausgrenzung.",
                en="Awareness, advice and empowerment against racism and exclusion.",
                tr="Irkçılığa ve dışlanmaya karşı bilinçlendirme, danışmanlık ve güçlendirme.",
                ar="التوعية والاستشارة والتمكين في مواجهة العنصرية والإقصاء.",
                uk="Просвіта, консультації та розширення можливостей проти расизму й відчуження.",
                pl="Edukacja, doradztwo i wzmacnianie przeciw rasizmowi i wykluczeniu.",
            ),
        ),
        (
            "umwelt",
            t("Umwelt", en="Environment", tr="Çevre", ar="البيئة", uk="Довкілля", pl="Środowisko"),
            t(
                "Klimaschutz, Nachbarschaftsgärten, Aufräumaktionen und nachhaltiger Alltag.",
                en="Climate action, community gardens, clean-ups and sustainable everyday life.",
                tr="İklim koruma, mahalle bahçeleri, temizlik etkinlikleri ve sürdürülebilir gündelik yaşam.",
                ar="حماية المناخ وحدائق الأحياء وحملات التنظيف والحياة اليومية المستدامة.",
                uk="Захист клімату, сусідські городи, прибирання та стале повсякдення.",
                pl="Ochrona klimatu, ogrody sąsiedzkie, sprzątanie i zrównoważona codzienność.",
            ),
        ),
        (
            "gesundheit-und-pflege",
            t(
                "Gesundheit und Pflege",
                en="Health and care",
                tr="Sağlık ve bakım",
                ar="الصحة والرعاية",
                uk="Здоров'я та догляд",
                pl="Zdrowie i opieka",
            ),
            t(
                "Gesundheitsvorsorge und die Betreuung von älteren und pflegebedürftigen Menschen.",
                en="Health care and looking after older people and people in need of care.",
                tr="Sağlık hizmetleri ile yaşlıların ve bakıma muhtaç kişilerin bakımı.",
                ar="الرعاية الصحية الوقائية ورعاية كبار السن والأشخاص المحتاجين إلى رعاية.",
                uk="Профілактика здоров'я та догляд за літніми людьми й тими, хто потребує опіки.",
                pl="Profilaktyka zdrowotna oraz opieka nad osobami starszymi i potrzebującymi opieki.",
            ),
        ),
        (
            "gesellschaftliche-fragen",
            t(
                "Weitere gesellschaftliche Fragen",
                en="Other questions of society",
                tr="Diğer toplumsal konular",
                ar="قضايا مجتمعية أخرى",
                uk="Інші суспільні питання",
                pl="Inne kwestie społeczne",
            ),
            t(
                "Alles, was das Zusammenleben in Dortmund stärkt.",
                en="Anything that strengthens living together in Dortmund.",
                tr="Dortmund'da birlikte yaşamı güçlendiren her şey.",
                ar="كل ما يعزز العيش المشترك في دورتموند.",
                uk="Усе, що зміцнює спільне життя в Дортмунді.",
                pl="Wszystko, co wzmacnia wspólne życie w Dortmundzie.",
            ),
        ),
    ]


def categories(t):
    icon = ResourceCategory.Icon
    return [
        (
            "praktische-begleitung",
            icon.COACHING,
            t(
                "Praktische Begleitung",
                en="Practical support",
                tr="Pratik destek",
                ar="المرافقة العملية",
                uk="Практичний супровід",
                pl="Wsparcie praktyczne",
            ),
            t(
                "Begleitung und Coaching bei Vereinsaktivitäten und Projekten.",
                en="Support and coaching for association activities and projects.",
                tr="Dernek etkinlikleri ve projelerinde rehberlik ve koçluk.",
                ar="المرافقة والتدريب في أنشطة الجمعيات ومشاريعها.",
                uk="Супровід і коучинг у діяльності та проєктах об'єднань.",
                pl="Wsparcie i coaching w działaniach i projektach stowarzyszeń.",
            ),
        ),
        (
            "geraete-und-technik",
            icon.EQUIPMENT,
            t(
                "Geräte & Technik",
                en="Equipment & technology",
                tr="Cihaz ve teknik",
                ar="الأجهزة والتقنية",
                uk="Обладнання й техніка",
                pl="Sprzęt i technika",
            ),
            t(
                "Beamer, Tonanlage, Zelte und mehr zum Ausleihen.",
                en="Projectors, sound systems, tents and more to borrow.",
                tr="Ödünç alınabilecek projeksiyon cihazı, ses sistemi, çadır ve daha fazlası.",
                ar="أجهزة عرض وأنظمة صوت وخيام وغيرها للاستعارة.",
                uk="Проєктори, звукове обладнання, намети тощо напрокат.",
                pl="Projektory, nagłośnienie, namioty i więcej do wypożyczenia.",
            ),
        ),
        (
            "oeffentlichkeitsarbeit",
            icon.PUBLICITY,
            t(
                "Öffentlichkeitsarbeit",
                en="Public relations",
                tr="Halkla ilişkiler",
                ar="العلاقات العامة",
                uk="Зв'язки з громадськістю",
                pl="Public relations",
            ),
            t(
                "Mitfinanzierung von Homepage, Flyern und Plakaten.",
                en="Co-financing of websites, flyers and posters.",
                tr="İnternet sitesi, broşür ve afişlerin ortak finansmanı.",
                ar="المساهمة في تمويل المواقع الإلكترونية والمنشورات والملصقات.",
                uk="Співфінансування сайту, флаєрів і плакатів.",
                pl="Współfinansowanie strony internetowej, ulotek i plakatów.",
            ),
        ),
        (
            "raeume",
            icon.ROOM,
            t("Räume", en="Rooms", tr="Mekânlar", ar="القاعات", uk="Приміщення", pl="Sale"),
            t(
                "Räume für Treffen, Workshops und Veranstaltungen – oder Hilfe bei der Miete.",
                en="Rooms for meetings, workshops and events – or help with the rent.",
                tr="Toplantı, atölye ve etkinlikler için mekânlar – ya da kira desteği.",
                ar="قاعات للاجتماعات وورش العمل والفعاليات – أو المساعدة في الإيجار.",
                uk="Приміщення для зустрічей, семінарів і заходів – або допомога з орендою.",
                pl="Sale na spotkania, warsztaty i wydarzenia – albo pomoc w opłaceniu wynajmu.",
            ),
        ),
        (
            "kostenuebernahme",
            icon.MONEY,
            t(
                "Kostenübernahme",
                en="Cost coverage",
                tr="Masrafların karşılanması",
                ar="تغطية التكاليف",
                uk="Покриття витрат",
                pl="Pokrycie kosztów",
            ),
            t(
                "Übernahme von Kosten für Aktivitäten und Veranstaltungen.",
                en="Covering costs of activities and events.",
                tr="Etkinlik ve organizasyon masraflarının karşılanması.",
                ar="تغطية تكاليف الأنشطة والفعاليات.",
                uk="Покриття витрат на заходи та події.",
                pl="Pokrycie kosztów działań i wydarzeń.",
            ),
        ),
        (
            "weiteres",
            icon.OTHER,
            t("Weiteres", en="Other", tr="Diğer", ar="أخرى", uk="Інше", pl="Inne"),
            t(
                "Was sonst hilft: Kontakte, Materialien, Know-how.",
                en="Whatever else helps: contacts, materials, know-how.",
                tr="İşe yarayan diğer her şey: bağlantılar, malzemeler, bilgi birikimi.",
                ar="كل ما يساعد أيضًا: علاقات ومواد وخبرات.",
                uk="Усе інше, що допомагає: контакти, матеріали, знання.",
                pl="Wszystko inne, co pomaga: kontakty, materiały, wiedza.",
            ),
        ),
    ]


def load(loader):
    t = loader.text
    fields = []
    for position, (slug, name, description) in enumerate(engagement_fields(t)):
        field = loader.snippet(
            EngagementField, {"slug": slug}, name=name, description=description, sort_order=position
        )
        loader.translate(field)
        fields.append(field)
    loader.registry["engagement_fields"] = {field.slug: field for field in fields}

    kinds = []
    for position, (slug, icon, name, description) in enumerate(categories(t)):
        category = loader.snippet(
            ResourceCategory,
            {"slug": slug},
            name=name,
            description=description,
            icon=icon,
            sort_order=position,
        )
        loader.translate(category)
        kinds.append(category)
    loader.registry["resource_categories"] = {category.slug: category for category in kinds}
