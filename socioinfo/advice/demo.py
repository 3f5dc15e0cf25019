"""One demo year of the advice centre, generated from records with a fixed seed.

Seed 000: the Socio-info Centre handled 2,284 enquiries in 2010, mostly from seniors and
people with financial problems, mostly face to face. Seed 004: the intercultural assistants'
contacts carry several kinds of support each: interpreting 56.5 %, social counselling 53.5 %,
social prevention 17.5 %, networking to public institutions 16.1 % of contacts. The generator
gives each kind to exactly its share of the year's enquiries (rounded to a whole enquiry), so
the statistics page reproduces those figures; everything else is drawn at random.
Idempotent: ``load_advice_demo`` replaces the earlier demo rows and touches nothing else.
"""

import datetime
import random
import uuid
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from socioinfo.advice.counts import recount_months
from socioinfo.advice.models import (
    AgeBand,
    Channel,
    Client,
    ClientDetails,
    Enquiry,
    Gender,
    Nationality,
    Referral,
    Status,
    SupportGiven,
    SupportType,
    Team,
    UnmetNeed,
    UnmetReason,
    WebContact,
    month_of,
)
from socioinfo.areas.selectors import brno_city_districts
from socioinfo.directory.models import Language, LifeSituation, Service, TargetGroup

DEMO_YEAR = 2025
DEMO_ENQUIRIES = 2284  # seed 000: enquiries of the Socio-info Centre in one year
DEMO_SEED = 2010
# Seed 004: shares of contacts by kind of support (percent). Accompaniment and other support
# are named there without a figure; referral and information are the centre's own.
SUPPORT_SHARES: dict[str, float] = {
    SupportType.INTERPRETING: 56.5,
    SupportType.COUNSELLING: 53.5,
    SupportType.PREVENTION: 17.5,
    SupportType.NETWORKING: 16.1,
    SupportType.ACCOMPANIMENT: 7.0,
    SupportType.OTHER: 4.0,
    SupportType.REFERRAL: 12.0,
    SupportType.CRISIS: 1.5,
}
UNMET_SHARE = 5.0

CHANNELS = {
    Channel.IN_PERSON: 62,
    Channel.PHONE: 20,
    Channel.EMAIL: 8,
    Channel.WEB_FORM: 4,
    Channel.OUTREACH: 3,
    Channel.ACCOMPANIMENT: 3,
}
CENTRE_AGES = {
    AgeBand.UNDER_18: 2,
    AgeBand.YOUNG_ADULT: 7,
    AgeBand.ADULT: 38,
    AgeBand.YOUNGER_SENIOR: 35,
    AgeBand.OLDER_SENIOR: 15,
    AgeBand.UNKNOWN: 3,
}
MIGRANT_AGES = {AgeBand.YOUNG_ADULT: 20, AgeBand.ADULT: 65, AgeBand.YOUNGER_SENIOR: 10, "": 5}
# (nationality, language code): seed 004's largest minorities in Brno.
MIGRANTS = {
    (Nationality.UA, "uk"): 40,
    (Nationality.RU, "ru"): 15,
    (Nationality.VN, "vi"): 15,
    (Nationality.AR, "ar"): 10,
    (Nationality.MD, "ro"): 8,
    (Nationality.RO, "ro"): 7,
    (Nationality.OTHER, "en"): 5,
}
CENTRE_TOPICS = {
    "dluhy": 30,
    "osamelost-ve-stari": 14,
    "pece-o-rodice": 14,
    "ztrata-bydleni": 10,
    "demence": 6,
    "zdravotni-postizeni-v-dospelosti": 6,
    "ztrata-prace": 6,
    "rodina-v-krizi": 4,
    "bez-domova": 4,
    "dusevni-onemocneni": 3,
    "pece-na-konci-zivota": 3,
}
MIGRANT_TOPICS = {
    "jazykova-bariera": 60,
    "ztrata-prace": 12,
    "ztrata-bydleni": 10,
    "dluhy": 8,
    "rodina-v-krizi": 6,
    "domaci-nasili": 4,
}
CENTRE_GROUPS = {"seniori": 45, "osoby-v-krizi": 20, "pecujici-osoby": 15, "": 20}
MIGRANT_GROUPS = {"imigranti-a-azylanti": 75, "etnicke-mensiny": 15, "": 10}


@dataclass
class DemoReport:
    enquiries: int
    clients: int
    waiting: int


def _pick(rng: random.Random, weights: Mapping[Any, float]) -> Any:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _working_moments(rng: random.Random, year: int, count: int) -> list[datetime.datetime]:
    """Moments on working days, 8:00–17:00 Prague time, busier in autumn and winter."""
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    days = [
        datetime.date(year, 1, 1) + datetime.timedelta(days=n)
        for n in range((datetime.date(year + 1, 1, 1) - datetime.date(year, 1, 1)).days)
    ]
    days = [d for d in days if d.weekday() < 5]
    busy = {1: 1.1, 2: 1.1, 3: 1.0, 4: 0.95, 5: 0.9, 6: 0.8, 7: 0.6, 8: 0.7}
    weights = [busy.get(d.month, 1.1) for d in days]
    moments = []
    for day in rng.choices(days, weights=weights, k=count):
        minute = rng.randrange(8 * 60, 17 * 60)
        moments.append(datetime.datetime.combine(day, datetime.time(minute // 60, minute % 60), tz))
    return sorted(moments)


def clear_advice_demo() -> int:
    """Remove the demo enquiries and clients (and everything hanging on them)."""
    demo = Enquiry.objects.filter(is_demo=True)
    months = set(demo.values_list("month", flat=True).distinct())
    count = demo.count()
    demo.delete()
    Client.objects.filter(is_demo=True).delete()
    recount_months(months)
    return count


@transaction.atomic
def load_advice_demo(
    seed: int = DEMO_SEED, year: int = DEMO_YEAR, count: int = DEMO_ENQUIRIES
) -> DemoReport:
    """Replace the demo year of enquiries (and a few clients and waiting web questions)."""
    from socioinfo.accounts.models import User

    clear_advice_demo()
    rng = random.Random(seed)
    situations = {s.slug: s.pk for s in LifeSituation.objects.all()}
    groups = {g.slug: g.pk for g in TargetGroup.objects.all()}
    languages = {lang.code: lang.pk for lang in Language.objects.all()}
    districts = list(brno_city_districts().values_list("pk", "population"))
    district_weights = {pk: population or 1000 for pk, population in districts}
    services = list(
        Service.objects.published().order_by("sort_name", "pk").values_list("pk", "service_type_id")
    )
    service_types = sorted({t for _pk, t in services}, key=str)
    workers = {
        Team.CENTRE: User.objects.filter(email="poradna@example.org").first(),
        Team.INTERCULTURAL: User.objects.filter(email="asistentka@example.org").first(),
    }

    # Exactly each share of the year's enquiries gets each kind of support.
    indexes = list(range(count))
    support: dict[int, set[str]] = {i: set() for i in indexes}
    interpreted = set(
        rng.sample(indexes, round(SUPPORT_SHARES[SupportType.INTERPRETING] * count / 100))
    )
    for kind, share in SUPPORT_SHARES.items():
        chosen = (
            interpreted
            if kind == SupportType.INTERPRETING
            else rng.sample(indexes, round(share * count / 100))
        )
        for i in chosen:
            support[i].add(kind)
    for kinds in support.values():
        if not kinds:
            kinds.add(SupportType.INFORMATION)
    unmet = set(rng.sample(indexes, round(UNMET_SHARE * count / 100)))

    clients = []
    for n in range(30):
        clients.append(
            Client(
                id=_uuid(rng),
                pseudonym=f"K-DEMO{n:02d}",
                team=Team.INTERCULTURAL,
                consent_given_at=None,
                last_contact_at=timezone.now(),
                is_demo=True,
            )
        )

    enquiries, topic_rows, support_rows, referrals, needs = [], [], [], [], []
    client_last: dict[uuid.UUID, datetime.datetime] = {}
    for i, moment in enumerate(_working_moments(rng, year, count)):
        migrant = i in interpreted
        team = Team.INTERCULTURAL if migrant else Team.CENTRE
        nationality, language = _pick(rng, MIGRANTS) if migrant else (Nationality.CZ, "cs")
        group = _pick(rng, MIGRANT_GROUPS if migrant else CENTRE_GROUPS)
        client = clients[rng.randrange(len(clients))] if migrant and rng.random() < 0.25 else None
        enquiry = Enquiry(
            id=_uuid(rng),
            contacted_at=moment,
            channel=_pick(rng, CHANNELS),
            status=Status.DONE,
            team=team,
            worker=workers[team],
            client=client,
            age_band=_pick(rng, MIGRANT_AGES if migrant else CENTRE_AGES),
            gender=_pick(rng, {Gender.FEMALE: 58, Gender.MALE: 40, Gender.UNKNOWN: 2}),
            district_id=_pick(rng, district_weights) if rng.random() < 0.9 else None,
            target_group_id=groups.get(group),
            nationality=nationality,
            language_id=languages.get(language),
            first_contact=client is None and rng.random() < 0.7,
            with_interpreter=migrant,
            duration_minutes=rng.choice([10, 15, 15, 20, 30, 30, 45, 60]),
            is_demo=True,
            month=month_of(moment),
        )
        if client is not None:
            client_last[client.id] = moment
        enquiries.append(enquiry)
        topics = MIGRANT_TOPICS if migrant else CENTRE_TOPICS
        for slug in {_pick(rng, topics) for _n in range(rng.choice([1, 1, 2]))}:
            if slug in situations:
                topic_rows.append(
                    Enquiry.topics.through(enquiry_id=enquiry.id, lifesituation_id=situations[slug])
                )
        for kind in sorted(support[i]):
            support_rows.append(SupportGiven(enquiry_id=enquiry.id, support_type=kind))
        if SupportType.REFERRAL in support[i] and services:
            service_id, type_id = services[rng.randrange(len(services))]
            referrals.append(
                Referral(
                    id=_uuid(rng),
                    enquiry_id=enquiry.id,
                    service_id=service_id,
                    service_type_id=type_id,
                    reason=rng.choice(["", "dluhové poradenství", "dlouhodobá péče", "tlumočení"]),
                )
            )
        if i in unmet:
            needs.append(
                UnmetNeed(
                    id=_uuid(rng),
                    enquiry_id=enquiry.id,
                    reason=_pick(
                        rng,
                        {
                            UnmetReason.WAITING_LIST: 35,
                            UnmetReason.CAPACITY: 25,
                            UnmetReason.NOTHING_SUITABLE: 15,
                            UnmetReason.DISTANCE: 10,
                            UnmetReason.LANGUAGE: 10,
                            UnmetReason.COST: 5,
                        },
                    ),
                    service_type_id=rng.choice(service_types) if service_types else None,
                    district_id=enquiry.district_id,
                )
            )
    for client in clients:
        client.last_contact_at = client_last.get(client.id, client.last_contact_at)
    Client.objects.bulk_create(clients)
    for n, client in enumerate(clients[:5]):
        client.consent_given_at = client.last_contact_at
        client.save(update_fields=["consent_given_at"])
        ClientDetails.objects.create(
            client=client, name=f"Demo Klient {n + 1}", phone=f"+420 600 000 {n:03d}"
        )
    Enquiry.objects.bulk_create(enquiries, batch_size=1000)
    Enquiry.topics.through.objects.bulk_create(topic_rows, batch_size=2000)
    SupportGiven.objects.bulk_create(support_rows, batch_size=2000)
    Referral.objects.bulk_create(referrals, batch_size=1000)
    UnmetNeed.objects.bulk_create(needs, batch_size=1000)
    recount_months({e.month for e in enquiries})

    waiting = [
        "Dobrý den, mamince je 82 let a už nezvládá sama nakupovat. Kdo by jí mohl pomáhat?",
        "Mám dluhy u několika firem a chodí mi exekuce. Kam se mohu obrátit?",
        "Добрий день, шукаю курс чеської мови та допомогу з житлом.",
    ]
    now = timezone.now()
    for n, question in enumerate(waiting):
        enquiry = Enquiry.objects.create(
            contacted_at=now - datetime.timedelta(hours=5 * (n + 1)),
            channel=Channel.WEB_FORM,
            status=Status.WAITING,
            duration_minutes=0,
            language_id=languages.get("uk" if n == 2 else "cs"),
            is_demo=True,
        )
        WebContact.objects.create(
            enquiry=enquiry,
            question=question,
            email=f"tazatel{n + 1}@example.org",
            consent_given_at=enquiry.contacted_at,
        )
    return DemoReport(enquiries=len(enquiries), clients=len(clients), waiting=len(waiting))
