"""Build the demo directory: deterministic for a given seed and day, all or nothing.

Places are real: every location lies on a street that the city's street register puts in the
location's city district, at a point near a real public-transport stop of that district, and
the point is checked to lie inside the district's polygon. Organisations are invented.
Identifiers are UUIDv5 derived from stable keys, so a reload gives the same URLs.
"""

import datetime
import random
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.areas.places import Stop, stops, street_register
from socioinfo.areas.selectors import BRNO_CODE, area_index, brno_city_districts
from socioinfo.directory.codelists import slugify_cs
from socioinfo.directory.demo import catalogue as cat
from socioinfo.directory.demo import socio_info_centre as sic
from socioinfo.directory.models import (
    AccessibilityFeature,
    AgeGroup,
    ContactPoint,
    Language,
    LegalForm,
    Location,
    OpeningException,
    OpeningRule,
    Organisation,
    RecordSource,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
    ServiceStatus,
    ServiceType,
    TargetGroup,
)
from socioinfo.directory.models.contact import ContactKind
from socioinfo.directory.services import save_location
from socioinfo.directory.validators import ico_check_digit

DEFAULT_SEED = 2026
NAMESPACE = uuid.UUID("5b0c1a3e-9d1e-4c1e-8a57-2f0d5e0c6d11")
STALE_SHARE = 0.12
PORTAL_LANGUAGES = ("en", "uk", "ru", "vi", "ar")
LANGUAGE_ODDS = {"en": 0.25, "uk": 0.2, "ru": 0.12, "sk": 0.08, "vi": 0.05, "ar": 0.05}


def stable_id(*parts: object) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts))


SOCIO_INFO_CENTRE_ORGANISATION_ID = stable_id("organisation", "socio-info-centre")
SOCIO_INFO_CENTRE_SERVICE_ID = stable_id("service", "socio-info-centre")


@dataclass
class DemoReport:
    organisations: int = 0
    services: int = 0
    locations: int = 0
    districts: int = 0
    removed_services: int = 0
    stale: int = 0


@dataclass
class ServiceSpec:
    type_slug: str
    profile: cat.TypeProfile
    index: int
    district: Area | None = None
    organisation: Organisation | None = None
    variant: dict[str, Any] = field(default_factory=dict)


# Variants turn some generic services of a type into the specialised ones people look for.
VARIANTS: dict[str, list[dict[str, Any]]] = {
    "odborne-socialni-poradenstvi": [
        {
            "names": ("Dluhová poradna {district}", "Debt advice centre {district}"),
            "description": (
                "Dluhové poradenství zdarma: projdeme s vámi dluhy a exekuce, sestavíme "
                "rozpočet, pomůžeme jednat s věřiteli a podat návrh na oddlužení.",
                "Free debt advice: we go through your debts and enforcement orders with you, "
                "draw up a budget, help you deal with creditors and file for personal "
                "insolvency.",
            ),
            "target_groups": (
                "osoby-zijici-v-socialne-znevyhodnenem-prostredi",
                "osoby-v-krizi",
                "rodiny-s-ditetem-detmi",
            ),
            "count": 4,
        },
        {
            "names": ("Poradna pro cizince {district}", "Advice centre for foreigners {district}"),
            "description": (
                "Poradenství a interkulturní pomoc pro cizince: pobyt, práce, bydlení, škola a "
                "zdravotní pojištění; doprovod na úřady a tlumočení.",
                "Advice and intercultural help for foreigners: residence, work, housing, "
                "school and health insurance; going with you to offices and interpreting.",
            ),
            "target_groups": ("imigranti-a-azylanti", "etnicke-mensiny"),
            "languages": PORTAL_LANGUAGES,
            "count": 3,
        },
        {
            "names": ("Poradna pro pečující {district}", "Advice centre for carers {district}"),
            "description": (
                "Poradíme, jak zvládnout péči o blízkého doma: příspěvek na péči, pomůcky, "
                "služby, odlehčení a péče o sebe.",
                "Advice on caring for someone at home: the care allowance, aids, services, "
                "respite and looking after yourself.",
            ),
            "target_groups": ("pecujici-osoby", "seniori", "osoby-zijici-s-demenci"),
            "count": 2,
        },
    ]
}


class DemoContext:
    """Everything the builder reads once: areas, stops, streets and code lists."""

    def __init__(self, rng: random.Random, today: datetime.date):
        self.rng = rng
        self.today = today
        self.districts = list(brno_city_districts())
        if len(self.districts) != 29:
            raise ValidationError(
                _(
                    "Load the areas first (manage.py load_areas): the demo needs Brno's 29 "
                    "city districts."
                )
            )
        self.brno = Area.objects.get(code=BRNO_CODE, level=AreaLevel.MUNICIPALITY)
        self.index = area_index(AreaLevel.CITY_DISTRICT)
        self.stops: dict[str, list[Stop]] = defaultdict(list)
        for stop in stops():
            if stop.district_code:
                self.stops[stop.district_code].append(stop)
        self.streets = street_register()
        self.types = {t.slug: t for t in ServiceType.objects.all()}
        self.target_groups = {g.slug: g for g in TargetGroup.objects.all()}
        self.age_groups = {g.slug: g for g in AgeGroup.objects.all()}
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        self.features = {f.code: f for f in AccessibilityFeature.objects.all()}
        self.used_icos: set[str] = set(
            Organisation.objects.exclude(ico="").values_list("ico", flat=True)
        ) | {sic.CITY_OF_BRNO_ICO}
        self.used_names: set[str] = set()
        self.locations: dict[tuple[uuid.UUID, str], Location] = {}

    def streets_in(self, district: Area) -> list[str]:
        return self.streets.streets_in(district.name)

    def point_in(self, district: Area) -> tuple[float, float, Stop]:
        """A point near a real stop of the district, inside the district polygon."""
        stop = self.rng.choice(self.stops[district.code])
        for _attempt in range(30):
            lon = stop.lon + self.rng.uniform(-0.0025, 0.0025)
            lat = stop.lat + self.rng.uniform(-0.0015, 0.0015)
            if self.index.contains(district.pk, lon, lat):
                return round(lat, 6), round(lon, 6), stop
        return stop.lat, stop.lon, stop

    def ico(self) -> str:
        while True:
            first = f"{self.rng.randrange(1_000_000, 9_999_999):07d}"
            ico = first + str(ico_check_digit(first))
            if ico not in self.used_icos:
                self.used_icos.add(ico)
                return ico

    def phone(self) -> str:
        return f"+420 5{self.rng.randrange(10, 50)} {self.rng.randrange(100, 999)} " + (
            f"{self.rng.randrange(100, 999)}"
        )


def _translations(**fields: tuple[str, str]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    czech = {name: pair[0] for name, pair in fields.items()}
    english = {name: pair[1] for name, pair in fields.items() if pair[1]}
    return czech, {"en": english}


def _quietly(instance: Any) -> Any:
    """Hold history back while an object and its relations are being built."""
    instance.skip_history_when_saving = True
    return instance


def _record_created(instance: Any) -> None:
    """One "created" history entry with the relations in place (instead of one per
    relation set), sent through the same signal django-simple-history listens to."""
    del instance.skip_history_when_saving
    post_save.send(
        sender=type(instance),
        instance=instance,
        created=True,
        raw=False,
        using=DEFAULT_DB_ALIAS,
        update_fields=None,
    )


def clear_demo() -> int:
    """Remove demo records (and only them). Refuses when staff have added their own services
    to a demo organisation, naming them, since those would be lost."""
    mixed = (
        Service.objects.filter(organisation__source=RecordSource.DEMO)
        .exclude(source=RecordSource.DEMO)
        .select_related("organisation")
    )
    if mixed.exists():
        raise ValidationError(
            [
                _(
                    "Service “%(service)s” was entered by staff under the demo organisation "
                    "“%(organisation)s”; move it to another organisation or delete it first."
                )
                % {"service": s.name, "organisation": s.organisation.name}
                for s in mixed
            ]
        )
    from socioinfo.search.indexer import indexing_paused

    removed = Service.objects.filter(source=RecordSource.DEMO).count()
    with indexing_paused():  # their search terms go with them
        Service.objects.filter(source=RecordSource.DEMO).delete()
        Location.objects.filter(source=RecordSource.DEMO).delete()
        Organisation.objects.filter(source=RecordSource.DEMO).delete()
    return removed


def _specs() -> list[ServiceSpec]:
    specs = []
    for slug, profile in cat.PROFILES.items():
        variants = [v for v in VARIANTS.get(slug, []) for _n in range(v["count"])]
        for index in range(profile.count):
            spec = ServiceSpec(slug, profile, index)
            if index < len(variants):
                spec.variant = variants[index]
            specs.append(spec)
    return specs


def _district_sequence(ctx: DemoContext, count: int) -> list[Area]:
    """Every district at least twice, the rest weighted by population."""
    districts = ctx.districts * 2
    ctx.rng.shuffle(districts)
    weights = [d.population or 1000 for d in ctx.districts]
    districts += ctx.rng.choices(ctx.districts, weights=weights, k=max(0, count - len(districts)))
    return districts[:count]


def _organisation_plan(ctx: DemoContext, specs: list[ServiceSpec]) -> None:
    """Give each service spec its organisation (created here)."""
    by_type: dict[str, list[ServiceSpec]] = defaultdict(list)
    for spec in specs:
        by_type[spec.type_slug].append(spec)
    pattern_types = {
        "Domov pro seniory {street}": ["domovy-pro-seniory", "odlehcovaci-sluzby"],
        "Centrum sociálních služeb {district}": [
            "pecovatelska-sluzba",
            "odborne-socialni-poradenstvi",
            "denni-stacionare",
        ],
        "Pečovatelská služba {district}": ["pecovatelska-sluzba", "tisnova-pece"],
        "Domov pro osoby se zdravotním postižením {street}": [
            "domovy-pro-osoby-se-zdravotnim-postizenim",
            "tydenni-stacionare",
        ],
        "Azylový dům {street}": ["azylove-domy", "nocleharny"],
        "Denní centrum {street}": ["nizkoprahova-denni-centra", "centra-dennich-sluzeb"],
        "Sociální služby {district}": ["odborne-socialni-poradenstvi", "osobni-asistence"],
        "Domov se zvláštním režimem {street}": [
            "domovy-se-zvlastnim-rezimem",
            "socialni-sluzby-poskytovane-ve-zdravotnickych-zarizenich-luzkove-pece",
        ],
    }
    unassigned = [s for s in specs if s.organisation is None]
    for round_ in range(2):
        for pattern, types in pattern_types.items():
            first = next((s for s in by_type[types[0]] if s.organisation is None), None)
            if first is None:
                continue
            assert first.district is not None
            street = ctx.rng.choice(ctx.streets_in(first.district))
            name = pattern.format(street=street, district=first.district.name)
            if name in ctx.used_names:
                name = f"{name} {round_ + 2}"
            org = _create_organisation(ctx, name + cat.LEGAL_SUFFIX["prispevkova"], "prispevkova")
            first.organisation = org
            second = next((s for s in by_type[types[1]] if s.organisation is None), None)
            if second is not None and ctx.rng.random() < 0.7:
                second.organisation = org
                second.district = first.district

    ngo_names = (
        [(r + cat.LEGAL_SUFFIX["spolek"], "spolek") for r in cat.ASSOCIATION_ROOTS]
        + [(r + cat.LEGAL_SUFFIX["ustav"], "ustav") for r in cat.INSTITUTE_ROOTS]
        + [(r + cat.LEGAL_SUFFIX["ops"], "ops") for r in cat.PUBLIC_BENEFIT_ROOTS]
        + [(r, "cirkevni") for r in cat.CHURCH_NAMES]
    )
    ngos = [_create_organisation(ctx, name, form) for name, form in ngo_names]
    unassigned = [s for s in specs if s.organisation is None]
    ctx.rng.shuffle(unassigned)
    for org, spec in zip(ngos, unassigned, strict=False):
        spec.organisation = org
    rest = [s for s in unassigned if s.organisation is None]
    for spec in rest:
        spec.organisation = ctx.rng.choice(ngos)


def _create_organisation(ctx: DemoContext, name: str, legal_form: str) -> Organisation:
    ctx.used_names.add(name)
    mission = ctx.rng.choice(cat.ORGANISATION_MISSIONS)
    slug = name.lower()
    domain = "".join(ch for ch in slugify_cs(slug) if ch.isalnum())[:24] + ".example"
    org = Organisation(
        id=stable_id("organisation", name),
        name=name,
        legal_form=legal_form,
        ico=ctx.ico(),
        website=f"https://www.{domain}",
        description=f"{mission[0]} {cat.FIELDS_DESCRIBING_DEMO['cs']}",
        translations={"en": {"description": f"{mission[1]} {cat.FIELDS_DESCRIBING_DEMO['en']}"}},
        source=RecordSource.DEMO,
    )
    org.full_clean()
    org.save()
    ContactPoint.objects.create(
        organisation=org, kind=ContactKind.PHONE, value=ctx.phone(), note="", order=0
    )
    ContactPoint.objects.create(
        organisation=org, kind=ContactKind.EMAIL, value=f"info@{domain}", order=1
    )
    return org


def _location(ctx: DemoContext, org: Organisation, district: Area, name: str = "") -> Location:
    key = (org.pk, district.code)
    if key in ctx.locations:
        return ctx.locations[key]
    lat, lon, stop = ctx.point_in(district)
    street = ctx.rng.choice(ctx.streets_in(district))
    wheelchair = ctx.rng.random() < 0.65
    modes = {"tram": ("tram", "tramvaj"), "trolleybus": ("trolleybus", "trolejbus")}
    mode_en, mode_cs = modes.get(stop.modes.split(",")[0], ("bus", "autobus"))
    lines = ", ".join([line for line in stop.lines.split(",") if not line.startswith("N")][:4])
    location = Location(
        id=stable_id("location", org.pk, district.code),
        organisation=org,
        name=name,
        street=street,
        house_number=str(ctx.rng.randrange(1, 120)),
        city="Brno",
        postcode=cat.DISTRICT_POSTCODES[district.name],
        latitude=lat,
        longitude=lon,
        accessibility_notes=(
            "Bezbariérový vstup z ulice."
            if wheelchair
            else "Vstup po třech schodech, zvonek u dveří."
        ),
        transport_notes=f"Zastávka {stop.name} ({mode_cs} {lines}).".replace(" ).", ")."),
        translations={
            "en": {
                "accessibility_notes": (
                    "Step-free entrance from the street."
                    if wheelchair
                    else "Three steps at the entrance, bell by the door."
                ),
                "transport_notes": f"Stop {stop.name} ({mode_en} {lines}).".replace(" ).", ")."),
            }
        },
        source=RecordSource.DEMO,
    )
    save_location(_quietly(location))
    if location.city_district_id != district.pk:
        raise ValidationError(
            _("Demo location %(street)s fell outside %(district)s.")
            % {"street": street, "district": district.name}
        )
    features = []
    if wheelchair:
        features.append("wheelchair")
        if ctx.rng.random() < 0.6:
            features.append("accessible-toilet")
        if ctx.rng.random() < 0.4:
            features.append("lift")
    for code, odds in (("induction-loop", 0.1), ("parking", 0.2), ("guide-dog", 0.3)):
        if ctx.rng.random() < odds:
            features.append(code)
    location.accessibility_features.set([ctx.features[c] for c in features])
    _record_created(location)
    ctx.locations[key] = location
    return location


def _hours(ctx: DemoContext, pattern: str, **owner: Any) -> None:
    def rule(weekday: int, opens: str, closes: str, note: str = "") -> OpeningRule:
        return OpeningRule(
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
            note=note,
            **owner,
        )

    rules: list[OpeningRule] = []
    if pattern == cat.OFFICE:
        for day in range(4):
            rules.append(rule(day, "08:00", "17:00" if day in (0, 2) else "16:00"))
        rules.append(rule(4, "08:00", "13:00", "jen po objednání"))
    elif pattern == cat.DAYTIME:
        rules += [rule(day, "07:30", "15:30") for day in range(5)]
    elif pattern == cat.NONSTOP:
        rules += [rule(day, "00:00", "00:00") for day in range(7)]
    elif pattern == cat.NIGHT:
        rules += [rule(day, "19:00", "07:00") for day in range(7)]
    elif pattern == cat.AFTERNOON:
        rules += [rule(day, "13:00", "19:00") for day in range(5)]
    elif pattern == cat.CARE:
        rules += [rule(day, "07:00", "20:00") for day in range(5)]
        rules += [rule(day, "08:00", "18:00") for day in (5, 6)]
    elif pattern == cat.DROP_IN:
        rules += [rule(day, "09:00", "17:00") for day in range(5)]
        rules.append(rule(5, "10:00", "14:00"))
    OpeningRule.objects.bulk_create(rules)
    if pattern in (cat.OFFICE, cat.DAYTIME, cat.AFTERNOON, cat.DROP_IN):
        year = ctx.today.year
        OpeningException.objects.bulk_create(
            [
                OpeningException(date=datetime.date(year, 12, d), is_closed=True, **owner)
                for d in (24, 25, 26)
            ]
            + [
                OpeningException(
                    date=datetime.date(year, 12, 31),
                    opens=datetime.time(8),
                    closes=datetime.time(12),
                    note="zkrácená provozní doba",
                    **owner,
                )
            ]
        )


def _service_name(ctx: DemoContext, names: tuple[str, str], district: Area) -> tuple[str, str]:
    czech = names[0].format(district=district.name)
    english = names[1].format(district=district.name)
    if czech in ctx.used_names:
        street = ctx.rng.choice(ctx.streets_in(district))
        czech = names[0].format(district=street)
        english = names[1].format(district=street)
    ctx.used_names.add(czech)
    return czech, english


def _create_service(ctx: DemoContext, spec: ServiceSpec, number: int) -> Service:
    profile, variant = spec.profile, spec.variant
    assert spec.district is not None and spec.organisation is not None
    rng = ctx.rng
    name = _service_name(ctx, variant.get("names", profile.names), spec.district)
    description = variant.get("description", profile.description)
    group_slugs = list(variant.get("target_groups", ()))
    if not group_slugs:
        pool = list(profile.target_groups)
        group_slugs = [pool[0], *rng.sample(pool[1:], k=min(len(pool) - 1, rng.randrange(0, 3)))]
    groups = [ctx.target_groups[s] for s in group_slugs]
    group_names = ", ".join(g.name for g in groups)
    group_names_en = ", ".join(g.localized("name", "en").text for g in groups)
    eligibility = (f"Pro: {group_names}.", f"For: {group_names_en}.")

    if number % 40 == 7:
        status, valid_to = ServiceStatus.INACTIVE, ctx.today - datetime.timedelta(days=90)
    elif number % 50 == 11:
        status, valid_to = ServiceStatus.DRAFT, None
    else:
        status, valid_to = ServiceStatus.ACTIVE, None
    if rng.random() < STALE_SHARE:
        verified = ctx.today - datetime.timedelta(days=rng.randrange(200, 600))
    else:
        verified = ctx.today - datetime.timedelta(days=rng.randrange(2, 170))

    czech, translations = _translations(
        name=name, description=description, eligibility=eligibility, fees=profile.fees
    )
    service = Service(
        id=stable_id("service", spec.type_slug, spec.index),
        organisation=spec.organisation,
        service_type=ctx.types[spec.type_slug],
        is_free=profile.free,
        status=status,
        valid_from=datetime.date(rng.randrange(2007, 2023), rng.randrange(1, 13), 1),
        valid_to=valid_to,
        last_verified_on=verified,
        source=RecordSource.DEMO,
        translations=translations,
        **czech,
    )
    service.full_clean()
    _quietly(service).save()

    service.target_groups.set(groups)
    service.age_groups.set([ctx.age_groups[s] for s in profile.age_groups])
    languages = {"cs"} | set(variant.get("languages", ()))
    for code in profile.extra_languages:
        if rng.random() < 0.6:
            languages.add(code)
    for code, odds in sorted(LANGUAGE_ODDS.items()):
        if rng.random() < odds:
            languages.add(code)
    service.languages.set([ctx.languages[c] for c in sorted(languages)])
    service.accessibility_features.set([ctx.features[c] for c in profile.service_features])

    forms = [profile.forms[0]] + [f for f in profile.forms[1:] if rng.random() < 0.6]
    for form, unit, low, high in forms:
        capacity = rng.randrange(low, high + 1)
        if capacity > 30:
            capacity = round(capacity, -1)
        ServiceFormOffer.objects.create(
            service=service,
            form=form,
            capacity=capacity,
            capacity_unit=unit,
            continuous=profile.hours == cat.NONSTOP,
        )
    field_only = all(form == cat.FIELD for form, *_rest in forms)

    location = _location(
        ctx,
        spec.organisation,
        spec.district,
        name=name[0] if any(f == cat.RESIDENTIAL for f, *_r in forms) else "",
    )
    at_location = ServiceAtLocation.objects.create(service=service, location=location)
    if field_only:
        _hours(ctx, profile.hours, service=service)
    else:
        _hours(ctx, profile.hours, service_at_location=at_location)
        if rng.random() < 0.12:
            other = rng.choice([d for d in ctx.districts if d != spec.district])
            branch = _location(ctx, spec.organisation, other)
            branch_link = ServiceAtLocation.objects.create(
                service=service, location=branch, note="pobočka"
            )
            _hours(ctx, cat.AFTERNOON, service_at_location=branch_link)

    if any(form == cat.FIELD for form, *_rest in forms):
        if profile.field_wide and rng.random() < 0.3:
            served = [ctx.brno]
        else:
            count = rng.randrange(5, 12) if profile.field_wide else rng.randrange(1, 4)
            served = [spec.district, *rng.sample(ctx.districts, k=count)]
        service.areas_served.set(set(served))
    _record_created(service)

    if rng.random() < 0.7 or profile.hours == cat.NONSTOP:
        ContactPoint.objects.create(
            service=service,
            kind=ContactKind.PHONE,
            value=ctx.phone(),
            note="nonstop" if profile.hours == cat.NONSTOP else "",
        )
    if rng.random() < 0.4:
        ContactPoint.objects.create(
            service=service,
            kind=ContactKind.EMAIL,
            value=f"sluzba{number}@{spec.organisation.website.split('www.')[-1]}",
            order=1,
        )
    return service


def _ensure_coverage(ctx: DemoContext, services: list[Service], specs: list[ServiceSpec]) -> None:
    """Every target group and every portal language is offered by at least one service."""
    covered = set(TargetGroup.objects.filter(services__in=services).values_list("slug", flat=True))
    for slug, group in ctx.target_groups.items():
        if slug in covered:
            continue
        for service, spec in zip(services, specs, strict=True):
            if slug in spec.profile.target_groups:
                service.target_groups.add(group)
                break
        else:
            raise ValidationError(
                _("No demo service type serves the target group %(slug)s.") % {"slug": slug}
            )
    for code in PORTAL_LANGUAGES:
        speakers = set(
            Service.objects.filter(
                pk__in=[s.pk for s in services], languages__code=code
            ).values_list("pk", flat=True)
        )
        candidates = [
            service
            for service, spec in zip(services, specs, strict=True)
            if service.pk not in speakers
            and (code in spec.profile.extra_languages or code in spec.variant.get("languages", ()))
        ]
        for service in candidates[: max(0, 3 - len(speakers))]:
            service.languages.add(ctx.languages[code])


def _socio_info_centre(ctx: DemoContext) -> Service:
    org = Organisation(
        id=SOCIO_INFO_CENTRE_ORGANISATION_ID,
        name=sic.ORGANISATION_NAME,
        legal_form=LegalForm.MUNICIPALITY,
        # The city may already be in the directory (from the registry); IČO stays unique.
        ico=""
        if Organisation.objects.filter(ico=sic.CITY_OF_BRNO_ICO).exists()
        else (sic.CITY_OF_BRNO_ICO),
        website=sic.WEBSITE,
        description=sic.DESCRIPTION["cs"],
        translations={"en": {"description": sic.DESCRIPTION["en"]}},
        source=RecordSource.DEMO,
    )
    org.full_clean()
    org.save()
    location = Location(
        id=stable_id("location", "socio-info-centre"),
        organisation=org,
        name="Socio info centrum",
        street=sic.STREET,
        house_number=sic.HOUSE_NUMBER,
        city="Brno",
        postcode=sic.POSTCODE,
        latitude=sic.LATITUDE,
        longitude=sic.LONGITUDE,
        accessibility_notes=sic.ACCESSIBILITY_NOTES["cs"],
        translations={
            "en": {
                "name": "Socio-info Centre",
                "accessibility_notes": sic.ACCESSIBILITY_NOTES["en"],
            }
        },
        source=RecordSource.DEMO,
    )
    save_location(_quietly(location))
    location.accessibility_features.set([ctx.features[c] for c in sic.ACCESSIBILITY_FEATURES])
    _record_created(location)
    service = Service(
        id=SOCIO_INFO_CENTRE_SERVICE_ID,
        organisation=org,
        name=sic.SERVICE_NAME["cs"],
        description=sic.SERVICE_DESCRIPTION["cs"],
        eligibility=sic.SERVICE_ELIGIBILITY["cs"],
        is_free=True,
        status=ServiceStatus.ACTIVE,
        valid_from=datetime.date(2009, 10, 1),
        last_verified_on=ctx.today,
        source=RecordSource.DEMO,
        translations={
            "en": {
                "name": sic.SERVICE_NAME["en"],
                "description": sic.SERVICE_DESCRIPTION["en"],
                "eligibility": sic.SERVICE_ELIGIBILITY["en"],
            }
        },
    )
    service.full_clean()
    _quietly(service).save()
    service.accessibility_features.set([ctx.features["induction-loop"]])
    service.languages.set([ctx.languages["cs"]])
    service.age_groups.set([ctx.age_groups["bez-omezeni-veku"]])
    _record_created(service)
    ServiceFormOffer.objects.create(service=service, form=cat.OUTPATIENT)
    at_location = ServiceAtLocation.objects.create(service=service, location=location)
    _hours(ctx, cat.OFFICE, service_at_location=at_location)
    for order, (phone, note, _note_en) in enumerate(sic.PHONES):
        ContactPoint.objects.create(
            organisation=org, kind=ContactKind.PHONE, value=phone, note=note, order=order
        )
    ContactPoint.objects.create(
        organisation=org, kind=ContactKind.WEB, value=sic.WEBSITE, order=len(sic.PHONES)
    )
    return service


@transaction.atomic
def load_demo(seed: int = DEFAULT_SEED, today: datetime.date | None = None) -> DemoReport:
    """Replace the demo records with a fresh, deterministic set (and index them for search)."""
    from socioinfo.search.indexer import index_services, indexing_paused

    with indexing_paused():
        report = _load_demo(seed, today or timezone.localdate())
    index_services(Service.objects.filter(source=RecordSource.DEMO).values_list("pk", flat=True))
    return report


def _load_demo(seed: int, today: datetime.date) -> DemoReport:
    report = DemoReport(removed_services=clear_demo())
    ctx = DemoContext(random.Random(seed), today)

    specs = _specs()
    for spec, district in zip(specs, _district_sequence(ctx, len(specs)), strict=True):
        spec.district = district
    _organisation_plan(ctx, specs)
    services = [_create_service(ctx, spec, number) for number, spec in enumerate(specs)]
    _ensure_coverage(ctx, services, specs)
    services.append(_socio_info_centre(ctx))

    report.organisations = Organisation.objects.filter(source=RecordSource.DEMO).count()
    report.services = len(services)
    report.locations = Location.objects.filter(source=RecordSource.DEMO).count()
    report.districts = (
        Location.objects.filter(source=RecordSource.DEMO).values("city_district").distinct().count()
    )
    report.stale = Service.objects.filter(source=RecordSource.DEMO).stale(today).count()
    return report
