"""What the demo data is made of: invented organisations and, per service type, how such a
service usually looks in Brno (forms, capacity, hours, who it is for, what it says of itself).

Every organisation here is invented. Names are built so that no real provider is given
invented facts; each demo organisation also says in its description that it is a demo record.
The one real organisation, the city's Socio-info Centre, is described in ``socio_info_centre``.
"""

from dataclasses import dataclass, field

# Invented organisation names (the legal form is appended by the builder).
ASSOCIATION_ROOTS = [
    "Jasná cesta",
    "Modrý most",
    "Otevřené dveře Brno",
    "Lípa pro všechny",
    "Krok vpřed",
    "Zelený ostrov",
    "Společně doma",
    "Pevný bod",
    "Nový začátek",
    "Světlo v okně",
    "Ruka v ruce",
    "Kompas pro rodinu",
    "Tichá zahrada",
    "Most k sousedům",
    "Dobrá adresa",
    "Horizont Brno",
    "Cesta ven",
    "Svitavský mlýn",
    "Pod střechou",
    "Klíč k domovu",
    "Staré časy",
    "Sluneční hodiny",
    "Barevný svět",
    "Druhý břeh",
    "Hlas ulice",
    "Otevřená náruč",
    "Paprsek naděje",
    "Tři lípy",
    "Kotevní bod",
    "Mlýnek",
]
INSTITUTE_ROOTS = [
    "Institut podpory samostatnosti",
    "Centrum Pramínek",
    "Poradenské centrum Rozcestí",
    "Ústav pro rodinu Úsvit",
    "Centrum Ponava",
    "Vinohradský institut péče",
    "Centrum pro duševní zdraví Zátiší",
    "Institut Průvodce",
]
PUBLIC_BENEFIT_ROOTS = [
    "Domácí péče Rosa",
    "Pomoc v rodině",
    "Asistence bez hranic",
    "Dílny Šikula",
    "Kruh pomoci",
    "Linka naděje Morava",
]
CHURCH_NAMES = [
    "Farní pomoc u sv. Tomáše v Brně",
    "Evangelická služba Betanie Brno",
    "Spolkový dům sv. Anežky",
    "Církevní diakonické středisko Emauzy",
]
# City and city-district organisations are named after their street, as Brno's usually are.
CONTRIBUTORY_PATTERNS = [
    "Domov pro seniory {street}",
    "Centrum sociálních služeb {district}",
    "Pečovatelská služba {district}",
    "Domov pro osoby se zdravotním postižením {street}",
    "Azylový dům {street}",
    "Denní centrum {street}",
    "Sociální služby {district}",
    "Domov se zvláštním režimem {street}",
]

LEGAL_SUFFIX = {
    "spolek": ", z. s.",
    "ustav": ", z. ú.",
    "ops": ", o. p. s.",
    "cirkevni": "",
    "prispevkova": ", příspěvková organizace",
}

FIELDS_DESCRIBING_DEMO = {
    "cs": "Ukázková organizace: název i údaje jsou smyšlené pro předvedení systému.",
    "en": "Demo organisation: its name and details are invented to show the system.",
}

ORGANISATION_MISSIONS = [
    (
        "Pomáháme lidem v Brně zvládat těžké životní situace a žít co nejvíce po svém.",
        "We help people in Brno get through hard times and live their lives their own way.",
    ),
    (
        "Stojíme při lidech, kteří se ocitli na okraji, a provázíme je zpět do běžného života.",
        "We stand by people pushed to the margins and go with them back into everyday life.",
    ),
    (
        "Podporujeme rodiny, seniory a lidi s postižením, aby mohli zůstat doma.",
        "We support families, seniors and people with disabilities so they can stay at home.",
    ),
    (
        "Nabízíme odbornou pomoc, bezpečné místo a čas na rozhovor.",
        "We offer professional help, a safe place and time to talk.",
    ),
]

# Capacity units (CapacityUnit values) and forms (ServiceForm values) are used literally.
RESIDENTIAL, OUTPATIENT, FIELD = "residential", "outpatient", "field"
CLIENTS, CONTACTS, INTERVENTIONS, BEDS, CALLS = (
    "clients",
    "contacts",
    "interventions",
    "beds",
    "calls",
)

# Weekly hours patterns the builder turns into OpeningRule rows.
# The principal postcode of each city district (Czech Post delivery areas of Brno; several
# districts share one), so demo addresses carry a believable PSČ.
DISTRICT_POSTCODES = {
    "Brno-Bohunice": "62500",
    "Brno-Bosonohy": "64200",
    "Brno-Bystrc": "63500",
    "Brno-Chrlice": "64300",
    "Brno-Ivanovice": "62100",
    "Brno-Jehnice": "62100",
    "Brno-Jundrov": "63700",
    "Brno-Kníničky": "63500",
    "Brno-Kohoutovice": "62300",
    "Brno-Komín": "62400",
    "Brno-Královo Pole": "61200",
    "Brno-Líšeň": "62800",
    "Brno-Maloměřice a Obřany": "61400",
    "Brno-Medlánky": "62100",
    "Brno-Nový Lískovec": "63400",
    "Brno-Ořešín": "62100",
    "Brno-Slatina": "62700",
    "Brno-Starý Lískovec": "62500",
    "Brno-Tuřany": "62000",
    "Brno-Vinohrady": "62800",
    "Brno-jih": "61700",
    "Brno-sever": "61300",
    "Brno-střed": "60200",
    "Brno-Útěchov": "64400",
    "Brno-Černovice": "61800",
    "Brno-Řečkovice a Mokrá Hora": "62100",
    "Brno-Žabovřesky": "61600",
    "Brno-Žebětín": "64100",
    "Brno-Židenice": "61500",
}

OFFICE = "office"  # Mon–Thu 8–16 (Mon, Wed till 17), Fri 8–13
DAYTIME = "daytime"  # Mon–Fri 7:30–15:30
NONSTOP = "nonstop"  # every day, all day
NIGHT = "night"  # every day 19:00–7:00
AFTERNOON = "afternoon"  # Mon–Fri 13–19
CARE = "care"  # Mon–Fri 7–20, Sat–Sun 8–18
DROP_IN = "drop_in"  # Mon–Fri 9–17, Sat 10–14


@dataclass(frozen=True)
class TypeProfile:
    """How services of one type look in the demo."""

    count: int
    names: tuple[str, str]  # Czech and English name pattern; {district} is filled in
    forms: tuple[tuple[str, str, int, int], ...]  # form, unit, min and max capacity
    hours: str
    target_groups: tuple[str, ...]
    age_groups: tuple[str, ...]
    description: tuple[str, str]
    free: bool = True
    fees: tuple[str, str] = ("", "")
    field_wide: bool = False  # field services cover many districts
    extra_languages: tuple[str, ...] = ()
    service_features: tuple[str, ...] = field(default=())


ADULTS = ("mladi-dospeli", "dospeli")
SENIORS = ("mladsi-seniori", "starsi-seniori")
ALL_ADULTS = (*ADULTS, *SENIORS)
YOUTH = ("mladsi-deti", "starsi-deti", "dorost", "mladi-dospeli")
EVERYONE = ("bez-omezeni-veku",)

HOME_CARE_FEE = (
    "Úhrada podle ceníku v souladu s vyhláškou č. 505/2006 Sb., nejvýše 155 Kč za hodinu.",
    "Charged by the price list under Decree 505/2006, at most CZK 155 per hour.",
)
RESIDENTIAL_FEE = (
    "Úhrada za ubytování a stravu podle ceníku; péči hradí příspěvek na péči.",
    "Accommodation and meals by the price list; care is paid from the care allowance.",
)
SHELTER_FEE = (
    "Úhrada za ubytování 150–200 Kč za noc; při nedostatku peněz se domluvíme.",
    "Accommodation CZK 150–200 per night; if you cannot pay, we will find a way.",
)

PROFILES: dict[str, TypeProfile] = {
    "odborne-socialni-poradenstvi": TypeProfile(
        20,
        ("Sociální poradna {district}", "Social advice centre {district}"),
        ((OUTPATIENT, CONTACTS, 8, 30), (FIELD, CONTACTS, 2, 10)),
        OFFICE,
        (
            "osoby-v-krizi",
            "osoby-zijici-v-socialne-znevyhodnenem-prostredi",
            "rodiny-s-ditetem-detmi",
            "seniori",
            "imigranti-a-azylanti",
            "etnicke-mensiny",
            "obeti-trestne-cinnosti",
            "osoby-se-zdravotnim-postizenim",
        ),
        ALL_ADULTS,
        (
            "Bezplatné, důvěrné a nestranné poradenství: dluhy a exekuce, bydlení, dávky, "
            "rodinné a pracovní vztahy, jednání s úřady. Pomůžeme sepsat dopis nebo návrh a "
            "doprovodíme vás, když je to potřeba.",
            "Free, confidential and impartial advice on debts and enforcement, housing, "
            "benefits, family and work relations and dealing with offices. We help you write "
            "a letter or an application and go with you when needed.",
        ),
        extra_languages=("en", "uk"),
    ),
    "osobni-asistence": TypeProfile(
        9,
        ("Osobní asistence {district}", "Personal assistance {district}"),
        ((FIELD, CLIENTS, 15, 60),),
        CARE,
        (
            "osoby-s-telesnym-postizenim",
            "osoby-s-kombinovanym-postizenim",
            "osoby-s-mentalnim-postizenim",
            "seniori",
            "osoby-s-chronickym-onemocnenim",
        ),
        (*YOUTH, *ALL_ADULTS),
        (
            "Asistent vám pomůže doma i venku: s hygienou, jídlem, domácností, cestou do "
            "školy nebo do práce, na úřad či za přáteli, tak abyste mohli žít podle svého.",
            "An assistant helps you at home and out: with personal care, meals, the "
            "household, getting to school or work, to an office or to friends, so you can "
            "live your own way.",
        ),
        free=False,
        fees=HOME_CARE_FEE,
        field_wide=True,
        service_features=("home-visits",),
    ),
    "pecovatelska-sluzba": TypeProfile(
        12,
        ("Pečovatelská služba {district}", "Home care service {district}"),
        ((FIELD, CLIENTS, 40, 180), (OUTPATIENT, CLIENTS, 5, 20)),
        CARE,
        ("seniori", "osoby-s-chronickym-onemocnenim", "osoby-se-zdravotnim-postizenim"),
        (*ADULTS, *SENIORS),
        (
            "Pomoc s osobní hygienou, dovoz obědů, nákupy, úklid a doprovod k lékaři, abyste "
            "mohli co nejdéle zůstat ve svém domově.",
            "Help with personal care, meals on wheels, shopping, cleaning and going to the "
            "doctor, so you can stay in your own home as long as possible.",
        ),
        free=False,
        fees=HOME_CARE_FEE,
        field_wide=True,
        service_features=("home-visits",),
    ),
    "tisnova-pece": TypeProfile(
        2,
        ("Tísňová péče {district}", "Personal alarm service {district}"),
        ((FIELD, CLIENTS, 100, 400),),
        NONSTOP,
        ("seniori", "osoby-s-chronickym-onemocnenim", "osoby-se-zdravotnim-postizenim"),
        SENIORS,
        (
            "Nepřetržitá dálková pomoc: stisknutím tlačítka na náramku přivoláte dispečink, "
            "který zajistí pomoc blízkých nebo záchranné služby.",
            "Round-the-clock remote help: press the button on your wristband to reach a "
            "dispatch centre that sends family or the emergency services.",
        ),
        free=False,
        fees=("Měsíční paušál 300–450 Kč.", "Monthly fee CZK 300–450."),
        field_wide=True,
    ),
    "pruvodcovske-a-predcitatelske-sluzby": TypeProfile(
        2,
        (
            "Průvodcovská a předčitatelská služba {district}",
            "Guide and reading service {district}",
        ),
        ((FIELD, CLIENTS, 20, 60), (OUTPATIENT, CLIENTS, 5, 15)),
        OFFICE,
        ("osoby-se-zrakovym-postizenim", "osoby-s-kombinovanym-postizenim", "seniori"),
        ALL_ADULTS,
        (
            "Průvodce vás doprovodí k lékaři, na úřad nebo na kulturní akci; předčítáme "
            "dopisy, úřední listiny a pomůžeme s vyřizováním korespondence.",
            "A guide goes with you to the doctor, an office or a cultural event; we read "
            "letters and official documents aloud and help with correspondence.",
        ),
        free=False,
        fees=HOME_CARE_FEE,
        service_features=("braille", "guide-dog"),
    ),
    "podpora-samostatneho-bydleni": TypeProfile(
        3,
        ("Podpora samostatného bydlení {district}", "Supported independent living {district}"),
        ((FIELD, CLIENTS, 8, 30),),
        OFFICE,
        (
            "osoby-s-mentalnim-postizenim",
            "osoby-s-chronickym-dusevnim-onemocnenim",
            "osoby-s-kombinovanym-postizenim",
        ),
        ADULTS,
        (
            "Podporujeme lidi, kteří chtějí bydlet ve vlastním bytě: hospodaření s penězi, "
            "vaření, úklid, jednání se sousedy a úřady.",
            "We support people who want to live in their own flat: handling money, cooking, "
            "cleaning, dealing with neighbours and offices.",
        ),
        free=False,
        fees=HOME_CARE_FEE,
        service_features=("easy-read", "home-visits"),
    ),
    "odlehcovaci-sluzby": TypeProfile(
        5,
        ("Odlehčovací služba {district}", "Respite care {district}"),
        ((RESIDENTIAL, BEDS, 4, 16), (FIELD, CLIENTS, 10, 40)),
        NONSTOP,
        ("pecujici-osoby", "seniori", "osoby-zijici-s-demenci", "osoby-s-kombinovanym-postizenim"),
        (*YOUTH, *ALL_ADULTS),
        (
            "Převezmeme péči o vašeho blízkého na několik hodin, dní nebo týdnů, abyste si "
            "mohli odpočinout, vyřídit své věci nebo se léčit.",
            "We take over the care of your relative for a few hours, days or weeks so you "
            "can rest, deal with your own affairs or get treatment.",
        ),
        free=False,
        fees=RESIDENTIAL_FEE,
    ),
    "centra-dennich-sluzeb": TypeProfile(
        2,
        ("Centrum denních služeb {district}", "Day service centre {district}"),
        ((OUTPATIENT, CLIENTS, 10, 30),),
        DAYTIME,
        ("seniori", "osoby-se-zdravotnim-postizenim"),
        ALL_ADULTS,
        (
            "Během dne nabízíme pomoc s hygienou, obědy, trénink dovedností a společnost.",
            "During the day we offer help with personal care, lunches, skills training and "
            "company.",
        ),
        free=False,
        fees=HOME_CARE_FEE,
    ),
    "denni-stacionare": TypeProfile(
        6,
        ("Denní stacionář {district}", "Day care centre {district}"),
        ((OUTPATIENT, CLIENTS, 10, 35),),
        DAYTIME,
        (
            "osoby-zijici-s-demenci",
            "seniori",
            "osoby-s-mentalnim-postizenim",
            "osoby-s-kombinovanym-postizenim",
        ),
        (*YOUTH, *ALL_ADULTS),
        (
            "Celodenní program, péče a strava v pracovní dny; klienti se večer vracejí domů "
            "a pečující mohou chodit do práce.",
            "A full-day programme, care and meals on weekdays; clients go home in the evening "
            "and carers can go to work.",
        ),
        free=False,
        fees=HOME_CARE_FEE,
    ),
    "tydenni-stacionare": TypeProfile(
        2,
        ("Týdenní stacionář {district}", "Weekly care centre {district}"),
        ((RESIDENTIAL, BEDS, 8, 20),),
        NONSTOP,
        ("osoby-s-mentalnim-postizenim", "osoby-s-kombinovanym-postizenim"),
        (*YOUTH, *ADULTS),
        (
            "Pobyt od pondělí do pátku s péčí, výchovou a aktivitami; o víkendu jsou klienti "
            "doma s rodinou.",
            "A stay from Monday to Friday with care, education and activities; at weekends "
            "clients are at home with their family.",
        ),
        free=False,
        fees=RESIDENTIAL_FEE,
    ),
    "domovy-pro-osoby-se-zdravotnim-postizenim": TypeProfile(
        3,
        (
            "Domov pro osoby se zdravotním postižením {district}",
            "Home for people with disabilities {district}",
        ),
        ((RESIDENTIAL, BEDS, 20, 70),),
        NONSTOP,
        (
            "osoby-s-mentalnim-postizenim",
            "osoby-s-kombinovanym-postizenim",
            "osoby-s-telesnym-postizenim",
        ),
        ADULTS,
        (
            "Celoroční pobyt v malých domácnostech s podporou, jakou každý potřebuje; "
            "práce, volný čas a vztahy mimo domov.",
            "Year-round living in small households with the support each person needs; work, "
            "leisure and relationships outside the home.",
        ),
        free=False,
        fees=RESIDENTIAL_FEE,
        service_features=("easy-read",),
    ),
    "domovy-pro-seniory": TypeProfile(
        9,
        ("Domov pro seniory {district}", "Home for seniors {district}"),
        ((RESIDENTIAL, BEDS, 60, 180),),
        NONSTOP,
        ("seniori",),
        SENIORS,
        (
            "Celoroční pobyt s nepřetržitou péčí pro seniory, kteří už nemohou žít doma ani "
            "s pomocí terénních služeb. Jednolůžkové a dvoulůžkové pokoje, zdravotní péče, "
            "aktivizace.",
            "Year-round living with round-the-clock care for seniors who can no longer live "
            "at home even with home care. Single and double rooms, nursing care, activities.",
        ),
        free=False,
        fees=RESIDENTIAL_FEE,
    ),
    "domovy-se-zvlastnim-rezimem": TypeProfile(
        4,
        ("Domov se zvláštním režimem {district}", "Home with a special regime {district}"),
        ((RESIDENTIAL, BEDS, 25, 90),),
        NONSTOP,
        (
            "osoby-zijici-s-demenci",
            "osoby-s-chronickym-dusevnim-onemocnenim",
            "osoby-ohrozene-zavislosti-nebo-zavisle-na-navykovych-latkach",
        ),
        SENIORS,
        (
            "Specializovaná péče pro lidi s demencí a duševním onemocněním v bezpečném "
            "prostředí, které respektuje jejich potřeby.",
            "Specialised care for people with dementia or a mental illness in a safe "
            "environment that respects their needs.",
        ),
        free=False,
        fees=RESIDENTIAL_FEE,
    ),
    "chranene-bydleni": TypeProfile(
        5,
        ("Chráněné bydlení {district}", "Sheltered housing {district}"),
        ((RESIDENTIAL, CLIENTS, 6, 24),),
        NONSTOP,
        (
            "osoby-s-mentalnim-postizenim",
            "osoby-s-chronickym-dusevnim-onemocnenim",
            "osoby-s-kombinovanym-postizenim",
        ),
        ADULTS,
        (
            "Bydlení v běžných bytech ve městě s podporou asistentů; učíme se vařit, "
            "hospodařit a zvládat život co nejvíce samostatně.",
            "Living in ordinary flats in the city with support from assistants; learning to "
            "cook, manage money and run one's life as independently as possible.",
        ),
        free=False,
        fees=RESIDENTIAL_FEE,
        service_features=("easy-read",),
    ),
    "socialni-sluzby-poskytovane-ve-zdravotnickych-zarizenich-luzkove-pece": TypeProfile(
        2,
        (
            "Sociální lůžka nemocnice {district}",
            "Social care beds in hospital {district}",
        ),
        ((RESIDENTIAL, BEDS, 10, 30),),
        NONSTOP,
        ("osoby-s-potrebou-paliativni-pece", "seniori", "osoby-s-chronickym-onemocnenim"),
        SENIORS,
        (
            "Pro pacienty, kteří už nepotřebují nemocniční léčbu, ale nemohou se vrátit "
            "domů; zajistíme péči do doby, než najdeme vhodnou službu nebo podporu doma.",
            "For patients who no longer need hospital treatment but cannot go home; we "
            "provide care until a suitable service or support at home is found.",
        ),
        free=False,
        fees=RESIDENTIAL_FEE,
    ),
    "rana-pece": TypeProfile(
        3,
        ("Raná péče {district}", "Early intervention {district}"),
        ((FIELD, CLIENTS, 30, 90), (OUTPATIENT, CLIENTS, 5, 20)),
        OFFICE,
        (
            "rodiny-s-ditetem-detmi",
            "osoby-s-kombinovanym-postizenim",
            "osoby-se-zrakovym-postizenim",
            "osoby-se-sluchovym-postizenim",
        ),
        ("kojenci", "deti-predskolniho-veku"),
        (
            "Poradkyně jezdí do rodin s dětmi s postižením nebo ohroženým vývojem od "
            "narození do 7 let; pomáhá s rozvojem dítěte, pomůckami a dávkami.",
            "Advisers visit families with children with a disability or a developmental risk "
            "from birth to age seven; they help with the child's development, aids and "
            "benefits.",
        ),
        service_features=("home-visits",),
    ),
    "telefonicka-krizova-pomoc": TypeProfile(
        2,
        ("Linka důvěry {district}", "Crisis helpline {district}"),
        ((OUTPATIENT, CALLS, 4, 8),),
        NONSTOP,
        (
            "osoby-v-krizi",
            "obeti-domaciho-nasili",
            "deti-a-mladez-ve-veku-od-6-do-26-let-ohrozene-spolecensky-nezadoucimi-jevy",
        ),
        EVERYONE,
        (
            "Anonymní telefonická a chatová pomoc ve chvílích, kdy je vám těžko; nonstop, "
            "zdarma, bez objednání.",
            "Anonymous help by phone and chat when things are hard; non-stop, free, no "
            "appointment.",
        ),
        extra_languages=("en", "uk", "ru"),
    ),
    "tlumocnicke-sluzby": TypeProfile(
        2,
        ("Tlumočnická služba {district}", "Interpreting service {district}"),
        ((FIELD, CLIENTS, 40, 150), (OUTPATIENT, CLIENTS, 5, 20)),
        OFFICE,
        ("osoby-se-sluchovym-postizenim", "imigranti-a-azylanti"),
        ALL_ADULTS,
        (
            "Tlumočení do českého znakového jazyka a simultánní přepis mluvené řeči u "
            "lékaře, na úřadě nebo v práci; on-line tlumočení přes video.",
            "Interpreting into Czech Sign Language and live captioning at the doctor's, at "
            "an office or at work; remote video interpreting.",
        ),
        extra_languages=("csl", "en", "uk"),
        service_features=("sign-language", "induction-loop"),
    ),
    "azylove-domy": TypeProfile(
        6,
        ("Azylový dům {district}", "Shelter {district}"),
        ((RESIDENTIAL, BEDS, 15, 60),),
        NONSTOP,
        (
            "osoby-bez-pristresi",
            "rodiny-s-ditetem-detmi",
            "obeti-domaciho-nasili",
            "osoby-v-krizi",
        ),
        (*ADULTS, "bez-omezeni-veku"),
        (
            "Přechodné ubytování až na jeden rok s podporou sociálního pracovníka při "
            "hledání práce a stálého bydlení. Pro muže, ženy i matky s dětmi.",
            "Temporary accommodation for up to one year with a social worker's support in "
            "finding work and a permanent home. For men, women and mothers with children.",
        ),
        free=False,
        fees=SHELTER_FEE,
    ),
    "domy-na-pul-cesty": TypeProfile(
        2,
        ("Dům na půl cesty {district}", "Halfway house {district}"),
        ((RESIDENTIAL, BEDS, 8, 20),),
        NONSTOP,
        (
            "osoby-do-26-let-veku-opoustejici-skolska-zarizeni-pro-vykon-ustavni-pece",
            "pachatele-trestne-cinnosti",
        ),
        ("dorost", "mladi-dospeli"),
        (
            "Bydlení s podporou pro mladé lidi po odchodu z dětského domova nebo z výkonu "
            "trestu; pomáháme najít práci, hospodařit a postavit se na vlastní nohy.",
            "Supported housing for young people leaving a children's home or prison; we help "
            "them find work, manage money and stand on their own feet.",
        ),
        free=False,
        fees=SHELTER_FEE,
    ),
    "kontaktni-centra": TypeProfile(
        2,
        ("Kontaktní centrum {district}", "Drop-in centre for drug users {district}"),
        ((OUTPATIENT, CONTACTS, 30, 90),),
        DROP_IN,
        (
            "osoby-ohrozene-zavislosti-nebo-zavisle-na-navykovych-latkach",
            "osoby-ktere-vedou-rizikovy-zpusob-zivota-nebo-jsou-timto-zpusobem-zivota-ohrozeny",
        ),
        (*YOUTH[2:], *ADULTS),
        (
            "Anonymní pomoc lidem, kteří užívají drogy, a jejich blízkým: výměna "
            "injekčního materiálu, testy na infekce, poradenství a zprostředkování léčby.",
            "Anonymous help for people who use drugs and their families: needle exchange, "
            "infection tests, counselling and referral to treatment.",
        ),
        extra_languages=("en", "ru"),
    ),
    "krizova-pomoc": TypeProfile(
        3,
        ("Krizové centrum {district}", "Crisis centre {district}"),
        ((OUTPATIENT, CLIENTS, 5, 20), (RESIDENTIAL, BEDS, 2, 6), (FIELD, CLIENTS, 3, 10)),
        NONSTOP,
        ("osoby-v-krizi", "obeti-trestne-cinnosti", "obeti-domaciho-nasili"),
        (*ADULTS, *SENIORS, "dorost"),
        (
            "Okamžitá pomoc v akutní krizi, bez objednání: rozhovor s odborníkem, krátký "
            "pobyt na krizovém lůžku a navazující podpora.",
            "Immediate help in an acute crisis without an appointment: a talk with a "
            "professional, a short stay on a crisis bed and follow-up support.",
        ),
        extra_languages=("en",),
    ),
    "nizkoprahova-denni-centra": TypeProfile(
        2,
        ("Nízkoprahové denní centrum {district}", "Low-threshold day centre {district}"),
        ((OUTPATIENT, CLIENTS, 40, 120),),
        DAYTIME,
        ("osoby-bez-pristresi",),
        ALL_ADULTS,
        (
            "Teplo, polévka, sprcha, praní prádla a pomoc s doklady a dávkami pro lidi bez domova.",
            "Warmth, soup, a shower, laundry and help with documents and benefits for "
            "homeless people.",
        ),
        free=False,
        fees=("Symbolická úhrada za stravu a hygienu (10–30 Kč).", "A token fee (CZK 10–30)."),
    ),
    "nizkoprahova-zarizeni-pro-deti-a-mladez": TypeProfile(
        6,
        ("Nízkoprahový klub {district}", "Youth drop-in club {district}"),
        ((OUTPATIENT, CONTACTS, 20, 60), (FIELD, CONTACTS, 10, 40)),
        AFTERNOON,
        (
            "deti-a-mladez-ve-veku-od-6-do-26-let-ohrozene-spolecensky-nezadoucimi-jevy",
            "osoby-zijici-v-socialne-vyloucenych-komunitach",
            "etnicke-mensiny",
        ),
        YOUTH,
        (
            "Klub pro děti a mladé od 6 do 26 let: místo, kde můžete trávit čas, mluvit o "
            "tom, co řešíte, a dostat radu. Anonymně a zdarma.",
            "A club for children and young people aged 6 to 26: a place to hang out, talk "
            "about what is on your mind and get advice. Anonymous and free.",
        ),
        extra_languages=("en", "uk"),
    ),
    "nocleharny": TypeProfile(
        2,
        ("Noclehárna {district}", "Night shelter {district}"),
        ((RESIDENTIAL, BEDS, 20, 60),),
        NIGHT,
        ("osoby-bez-pristresi",),
        ALL_ADULTS,
        (
            "Přespání, sprcha a teplý čaj pro lidi bez domova; příchod večer, odchod ráno.",
            "A bed for the night, a shower and hot tea for homeless people; in in the "
            "evening, out in the morning.",
        ),
        free=False,
        fees=("Úhrada 30–60 Kč za noc.", "CZK 30–60 per night."),
    ),
    "sluzby-nasledne-pece": TypeProfile(
        2,
        ("Následná péče {district}", "Aftercare {district}"),
        ((OUTPATIENT, CLIENTS, 15, 40), (RESIDENTIAL, BEDS, 6, 12)),
        OFFICE,
        (
            "osoby-ohrozene-zavislosti-nebo-zavisle-na-navykovych-latkach",
            "osoby-s-chronickym-dusevnim-onemocnenim",
        ),
        ADULTS,
        (
            "Podpora po ukončení léčby závislosti nebo hospitalizace: skupiny, individuální "
            "konzultace, chráněné byty.",
            "Support after addiction treatment or a hospital stay: groups, one-to-one "
            "sessions, supported flats.",
        ),
    ),
    "socialne-aktivizacni-sluzby-pro-rodiny-s-detmi": TypeProfile(
        8,
        (
            "Sociálně aktivizační služba pro rodiny {district}",
            "Support for families with children {district}",
        ),
        ((FIELD, CLIENTS, 15, 50), (OUTPATIENT, CLIENTS, 5, 20)),
        OFFICE,
        (
            "rodiny-s-ditetem-detmi",
            "osoby-zijici-v-socialne-vyloucenych-komunitach",
            "etnicke-mensiny",
            "imigranti-a-azylanti",
        ),
        (*YOUTH, *ADULTS),
        (
            "Pracovnice dochází do rodiny a pomáhá s výchovou, školou, hospodařením a "
            "bydlením, aby děti mohly zůstat doma.",
            "A worker visits the family and helps with parenting, school, money and housing "
            "so that the children can stay at home.",
        ),
        extra_languages=("uk", "vi", "ar"),
        service_features=("home-visits",),
    ),
    "socialne-aktivizacni-sluzby-pro-seniory-a-osoby-se-zdravotnim-postizenim": TypeProfile(
        4,
        ("Klub aktivních seniorů {district}", "Active seniors' club {district}"),
        ((OUTPATIENT, CLIENTS, 20, 80), (FIELD, CLIENTS, 5, 20)),
        OFFICE,
        ("seniori", "osoby-se-zdravotnim-postizenim", "osoby-se-zrakovym-postizenim"),
        ALL_ADULTS,
        (
            "Kurzy, trénink paměti, výlety a setkávání, aby nikdo nezůstal doma sám.",
            "Courses, memory training, trips and get-togethers so nobody is left alone at home.",
        ),
        service_features=("induction-loop",),
    ),
    "socialne-terapeuticke-dilny": TypeProfile(
        3,
        ("Sociálně terapeutická dílna {district}", "Social therapy workshop {district}"),
        ((OUTPATIENT, CLIENTS, 10, 30),),
        DAYTIME,
        (
            "osoby-s-mentalnim-postizenim",
            "osoby-s-chronickym-dusevnim-onemocnenim",
            "osoby-s-jinym-zdravotnim-postizenim",
        ),
        ADULTS,
        (
            "Keramika, tkaní, zahrada a kavárna: pracovní návyky a dovednosti pro lidi, "
            "kteří zatím nenajdou místo na trhu práce.",
            "Pottery, weaving, gardening and a café: work habits and skills for people who "
            "cannot yet find a place on the labour market.",
        ),
        service_features=("easy-read",),
    ),
    "terapeuticke-komunity": TypeProfile(
        2,
        ("Terapeutická komunita {district}", "Therapeutic community {district}"),
        ((RESIDENTIAL, BEDS, 10, 20),),
        NONSTOP,
        (
            "osoby-ohrozene-zavislosti-nebo-zavisle-na-navykovych-latkach",
            "osoby-s-chronickym-dusevnim-onemocnenim",
        ),
        ("mladi-dospeli", "dospeli"),
        (
            "Dlouhodobý pobyt v komunitě s terapií, prací a pravidly pro lidi, kteří se "
            "chtějí zbavit závislosti.",
            "A long-term stay in a community with therapy, work and rules for people who "
            "want to overcome an addiction.",
        ),
        free=False,
        fees=RESIDENTIAL_FEE,
    ),
    "terenni-programy": TypeProfile(
        9,
        ("Terénní program {district}", "Outreach programme {district}"),
        ((FIELD, CONTACTS, 20, 90),),
        DROP_IN,
        (
            "osoby-bez-pristresi",
            "osoby-zijici-v-socialne-vyloucenych-komunitach",
            "osoby-ktere-vedou-rizikovy-zpusob-zivota-nebo-jsou-timto-zpusobem-zivota-ohrozeny",
            "osoby-komercne-zneuzivane",
            "obeti-obchodu-s-lidmi",
            "osoby-ohrozene-zavislosti-nebo-zavisle-na-navykovych-latkach",
            "imigranti-a-azylanti",
        ),
        (*YOUTH[2:], *ADULTS),
        (
            "Terénní pracovníci vyhledávají lidi na ulici, v ubytovnách a v jejich domovech a "
            "pomáhají jim s doklady, zdravím, dluhy a bydlením.",
            "Outreach workers meet people on the street, in hostels and at home and help "
            "them with documents, health, debts and housing.",
        ),
        field_wide=True,
        extra_languages=("ru", "uk", "en"),
    ),
    "socialni-rehabilitace": TypeProfile(
        6,
        ("Sociální rehabilitace {district}", "Social rehabilitation {district}"),
        ((OUTPATIENT, CLIENTS, 10, 40), (FIELD, CLIENTS, 10, 40)),
        OFFICE,
        (
            "osoby-s-chronickym-dusevnim-onemocnenim",
            "osoby-se-zrakovym-postizenim",
            "osoby-se-sluchovym-postizenim",
            "osoby-s-mentalnim-postizenim",
            "imigranti-a-azylanti",
        ),
        ADULTS,
        (
            "Nácvik dovedností pro samostatný život a práci: orientace ve městě, vaření, "
            "práce s počítačem, příprava na pohovor.",
            "Training in skills for independent living and work: finding your way around the "
            "city, cooking, computers, preparing for a job interview.",
        ),
        extra_languages=("en", "uk", "vi"),
        service_features=("braille", "sign-language"),
    ),
    "intervencni-centra": TypeProfile(
        1,
        ("Intervenční centrum {district}", "Intervention centre {district}"),
        ((OUTPATIENT, CLIENTS, 5, 15), (FIELD, CLIENTS, 3, 10)),
        OFFICE,
        ("obeti-domaciho-nasili", "obeti-trestne-cinnosti", "obeti-obchodu-s-lidmi"),
        (*ADULTS, *SENIORS, "dorost"),
        (
            "Pomoc lidem ohroženým domácím násilím, zvláště po vykázání násilné osoby "
            "policií: bezpečnostní plán, právní poradenství, doprovod k soudu.",
            "Help for people at risk of domestic violence, especially after the police have "
            "barred the violent person: a safety plan, legal advice, going with you to court.",
        ),
        extra_languages=("en", "uk"),
    ),
    "centrum-dusevniho-zdravi": TypeProfile(
        2,
        ("Centrum duševního zdraví {district}", "Mental health centre {district}"),
        ((FIELD, CLIENTS, 50, 120), (OUTPATIENT, CLIENTS, 10, 30)),
        OFFICE,
        ("osoby-s-chronickym-dusevnim-onemocnenim", "osoby-v-krizi"),
        ADULTS,
        (
            "Multidisciplinární tým psychiatra, sester a sociálních pracovníků pomáhá lidem "
            "s vážným duševním onemocněním zůstat doma a předejít hospitalizaci.",
            "A team of psychiatrists, nurses and social workers helps people with a severe "
            "mental illness stay at home and avoid hospital.",
        ),
        field_wide=True,
    ),
}
