"""Reference code lists shipped in data/social_services and the built-in lists of languages
and accessibility features.

Written against a model registry (``apps``) so the same code seeds a fresh database in a data
migration and refreshes an existing one from ``manage.py load_code_lists``. Idempotent: rows
are matched by slug/code and updated in place; nothing is deleted.
"""

import csv
import re
import unicodedata
from pathlib import Path

from django.conf import settings

FORM_BY_CZECH = {"pobytová": "residential", "ambulantní": "outpatient", "terénní": "field"}

# (code, Czech name, English, native name)
LANGUAGES = [
    ("cs", "čeština", "Czech", "čeština"),
    ("en", "angličtina", "English", "English"),
    ("uk", "ukrajinština", "Ukrainian", "українська"),
    ("ru", "ruština", "Russian", "русский"),
    ("vi", "vietnamština", "Vietnamese", "Tiếng Việt"),
    ("ar", "arabština", "Arabic", "العربية"),
    ("sk", "slovenština", "Slovak", "slovenčina"),
    ("de", "němčina", "German", "Deutsch"),
    ("ro", "rumunština", "Romanian", "română"),
    ("rom", "romština", "Romani", "romanes"),
    ("csl", "český znakový jazyk", "Czech Sign Language", "český znakový jazyk"),
]

# (code, Czech name, English name)
ACCESSIBILITY_FEATURES = [
    ("wheelchair", "bezbariérový přístup pro vozíčkáře", "wheelchair access"),
    ("accessible-toilet", "bezbariérové WC", "accessible toilet"),
    ("lift", "výtah", "lift"),
    ("induction-loop", "indukční smyčka", "induction loop"),
    ("sign-language", "tlumočení do znakového jazyka", "sign language interpreting"),
    ("easy-read", "informace ve snadném čtení", "easy-read information"),
    ("braille", "informace v Braillově písmu", "information in Braille"),
    ("guide-dog", "vstup s vodicím psem", "guide dogs welcome"),
    ("parking", "vyhrazené parkování", "reserved parking"),
    ("home-visits", "návštěva v domácnosti", "home visits"),
]

TARGET_GROUPS_EN = {
    "senioři": "older people",
    "pečující osoby": "carers",
    "osoby s potřebou paliativní péče": "people in need of palliative care",
    "osoby žijící s demencí": "people living with dementia",
    "etnické menšiny": "ethnic minorities",
    "imigranti a azylanti": "immigrants and asylum seekers",
    "oběti domácího násilí": "victims of domestic violence",
    "oběti obchodu s lidmi": "victims of human trafficking",
    "oběti trestné činnosti": "victims of crime",
    "osoby bez přístřeší": "homeless people",
    "osoby v krizi": "people in crisis",
    "rodiny s dítětem/dětmi": "families with children",
    "osoby s tělesným postižením": "people with physical disabilities",
    "osoby s mentálním postižením": "people with learning disabilities",
    "osoby s chronickým duševním onemocněním": "people with long-term mental illness",
    "osoby se zdravotním postižením": "people with disabilities",
    "osoby se zrakovým postižením": "people with visual impairments",
    "osoby se sluchovým postižením": "people with hearing impairments",
    "osoby s kombinovaným postižením": "people with multiple disabilities",
    "osoby s jiným zdravotním postižením": "people with other disabilities",
    "osoby s chronickým onemocněním": "people with chronic illness",
    "pachatelé trestné činnosti": "offenders",
    "osoby komerčně zneužívané": "people in commercial sexual exploitation",
    "osoby ohrožené závislostí nebo závislé na návykových látkách": "people with or at risk of addiction",
    "osoby žijící v sociálně vyloučených komunitách": "people in socially excluded communities",
    "osoby žijící v sociálně znevýhodněném prostředí": "people in a socially disadvantaged environment",
    "osoby, které vedou rizikový způsob života nebo jsou tímto způsobem života ohroženy": "people leading or at risk of a risky way of life",
    "osoby do 26 let věku opouštějící školská zařízení pro výkon ústavní péče": "young people under 26 leaving institutional care",
    "děti a mládež ve věku od 6 do 26 let ohrožené společensky nežádoucími jevy": "children and young people aged 6–26 at risk of harmful behaviour",
}

AGE_GROUPS_EN = {
    "novorozenci": "newborns",
    "kojenci": "infants",
    "děti předškolního věku": "pre-school children",
    "mladší děti": "younger children",
    "starší děti": "older children",
    "dorost": "adolescents",
    "mladí dospělí": "young adults",
    "dospělí": "adults",
    "mladší senioři": "younger seniors",
    "starší senioři": "older seniors",
    "bez omezení věku": "all ages",
}

SERVICE_TYPES_EN = {
    "odborné sociální poradenství": "social counselling",
    "osobní asistence": "personal assistance",
    "pečovatelská služba": "home care",
    "tísňová péče": "emergency alarm service",
    "průvodcovské a předčitatelské služby": "guide and reading services",
    "podpora samostatného bydlení": "support for independent living",
    "odlehčovací služby": "respite care",
    "centra denních služeb": "day service centres",
    "denní stacionáře": "day care centres",
    "týdenní stacionáře": "weekly care centres",
    "domovy pro osoby se zdravotním postižením": "homes for people with disabilities",
    "domovy pro seniory": "homes for seniors",
    "domovy se zvláštním režimem": "homes with a special regime",
    "chráněné bydlení": "sheltered housing",
    "sociální služby poskytované ve zdravotnických zařízeních lůžkové péče": "social services in inpatient health care",
    "raná péče": "early intervention",
    "telefonická krizová pomoc": "crisis helpline",
    "tlumočnické služby": "interpreting services",
    "azylové domy": "shelters",
    "domy na půl cesty": "halfway houses",
    "kontaktní centra": "drop-in centres for drug users",
    "krizová pomoc": "crisis assistance",
    "nízkoprahová denní centra": "low-threshold day centres",
    "nízkoprahová zařízení pro děti a mládež": "low-threshold clubs for children and youth",
    "noclehárny": "night shelters",
    "služby následné péče": "aftercare services",
    "sociálně aktivizační služby pro rodiny s dětmi": "social activation services for families with children",
    "sociálně aktivizační služby pro seniory a osoby se zdravotním postižením": "social activation services for seniors and people with disabilities",
    "sociálně terapeutické dílny": "social therapy workshops",
    "terapeutické komunity": "therapeutic communities",
    "terénní programy": "outreach programmes",
    "sociální rehabilitace": "social rehabilitation",
    "intervenční centra": "intervention centres",
    "centrum duševního zdraví": "mental health centre",
}


def slugify_cs(text: str) -> str:
    """An ASCII slug from Czech text (háčky and čárky dropped)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:100]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _age_bounds(text: str) -> tuple[int | None, int | None]:
    numbers = [int(n) for n in re.findall(r"\d+", text or "")]
    if "dní" in (text or "") or "měsíc" in (text or ""):
        return 0, numbers[-1] if "rok" in text else 0
    if (text or "").startswith("nad") and numbers:
        return numbers[0], None
    if len(numbers) >= 2:
        return numbers[0], numbers[1]
    return None, None


def load_code_lists(apps, data_dir: Path | None = None) -> None:
    """Create or update service types, target groups, age groups, languages and
    accessibility features."""
    base = (data_dir or Path(settings.DATA_DIR)) / "social_services"
    ServiceType = apps.get_model("directory", "ServiceType")
    TargetGroup = apps.get_model("directory", "TargetGroup")
    AgeGroup = apps.get_model("directory", "AgeGroup")
    Language = apps.get_model("directory", "Language")
    AccessibilityFeature = apps.get_model("directory", "AccessibilityFeature")

    for order, row in enumerate(_rows(base / "druhy_socialnich_sluzeb.csv"), start=1):
        name = row["druh_sluzby"]
        forms = [
            FORM_BY_CZECH[w]
            for w in re.findall(r"pobytová|ambulantní|terénní", row["formy_dle_zakona"])
        ]
        api_id = row["mpsv_registr_api_id"]
        ServiceType.objects.update_or_create(
            slug=slugify_cs(name),
            defaults={
                "paragraph": row["paragraf_108_2006"],
                "name": name,
                "group": row["skupina_32"],
                "permitted_forms": sorted(set(forms)),
                "registry_code": row["rpss_opendata_kod"],
                "order": order,
                "registry_api_id": int(api_id) if api_id else None,
                "translations": {"en": {"name": SERVICE_TYPES_EN.get(name, "")}},
            },
        )
    for order, row in enumerate(_rows(base / "cilove_skupiny.csv"), start=1):
        name = row["cilova_skupina"]
        TargetGroup.objects.update_or_create(
            slug=slugify_cs(name),
            defaults={
                "name": name,
                "registry_code": row["rpss_opendata_kod"],
                "order": order,
                "translations": {"en": {"name": TARGET_GROUPS_EN.get(name, "")}},
            },
        )
    for row in _rows(base / "vekove_skupiny.csv"):
        name = row["vekova_skupina"]
        low, high = _age_bounds(row["rozpeti"])
        AgeGroup.objects.update_or_create(
            slug=slugify_cs(name),
            defaults={
                "name": name,
                "min_age": low,
                "max_age": high,
                "order": 999 if low is None else low,
                "translations": {"en": {"name": AGE_GROUPS_EN.get(name, "")}},
            },
        )
    for code, name, english, native in LANGUAGES:
        Language.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "native_name": native,
                "translations": {"en": {"name": english}},
            },
        )
    for code, name, english in ACCESSIBILITY_FEATURES:
        AccessibilityFeature.objects.update_or_create(
            code=code, defaults={"name": name, "translations": {"en": {"name": english}}}
        )
