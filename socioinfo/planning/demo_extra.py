"""The rest of the planning demo around the real plan: seed 001's two projects, yearly
monitoring, an action plan, seed 002's coordination group with eight working groups by
target group and three new ones, and a draft action plan in consultation.

What the source documents do not say is invented for the demo and says so ("ukázka"):
progress figures, members, meetings, comments; the draft's activities are sentences of
seed 001's project descriptions. Dates follow ``today``, so a given day always gives the
same demo."""

import datetime
import uuid
from zoneinfo import ZoneInfo

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.directory.models import Service, TargetGroup
from socioinfo.planning import services
from socioinfo.planning.models import (
    ActionPlan,
    ActionPlanEntry,
    Attendance,
    Consultation,
    Decision,
    GroupKind,
    GroupMember,
    Indicator,
    IndicatorValue,
    Meeting,
    MeetingDocument,
    Plan,
    PlanItem,
    PlanKind,
    PlanLevel,
    ProgressReport,
    ProgressStatus,
    Project,
    ProjectStatus,
    Task,
    TimeFrameKind,
    TriadRole,
    WorkingGroup,
)
from socioinfo.planning.seed_text import SeedPlan

DEMO = "ukázka"
NAMESPACE = uuid.UUID("5b0c1d4e-7a8f-4c1e-9d2b-1f0e8a6c3b70")
PRAGUE = ZoneInfo("Europe/Prague")

# Seed 001 names the districts of the first project; the second is at Charbulova street,
# which the street register (data/admin_codes) places in Brno-Černovice.
PROJECTS = {
    "Podpora stabilizace ohrožených rodin": {
        "slug": "podpora-stabilizace-ohrozenych-rodin",
        "measures": ["B2.1", "A1.2"],
        "districts": ["550973", "551031", "551074", "551058", "551007"],
        "service_types": ["socialne-aktivizacni-sluzby-pro-rodiny-s-detmi"],
    },
    "Zařízení sociálních služeb Charbulova": {
        "slug": "zarizeni-socialnich-sluzeb-charbulova",
        "measures": ["A1.1", "A1.3"],
        "districts": ["551066"],
        "service_types": ["odlehcovaci-sluzby"],
    },
}


def load_projects(plan: Plan, seed: SeedPlan) -> int:
    """Seed 001's projects, linked to measures, districts and up to two published demo
    services of the kind they extend."""
    for seed_project in seed.projects:
        spec = PROJECTS[seed_project.name]
        project, _created = Project.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "name": seed_project.name,
                "description": seed_project.description,
                "status": ProjectStatus.RUNNING,
            },
        )
        project.measures.set(plan.items.filter(code__in=spec["measures"]))
        project.districts.set(
            Area.objects.filter(level=AreaLevel.CITY_DISTRICT, code__in=spec["districts"])
        )
        extended = (
            Service.objects.published()
            .filter(service_type__slug__in=spec["service_types"], source="demo")
            .order_by("sort_name")[:2]
        )
        project.services.set(extended)
    return len(seed.projects)


def _percent(item: PlanItem, year: int) -> tuple[str, int]:
    """A plausible demo progress of a measure in a year, from its time frame."""
    if item.time_frame_kind == TimeFrameKind.RANGE and item.year_from and item.year_to:
        span = max(1, item.year_to - item.year_from)
        share = min(100, round(100 * (year - item.year_from + 1) / span))
        return (ProgressStatus.DONE if share >= 100 else ProgressStatus.IN_PROGRESS), share
    if item.time_frame_kind == TimeFrameKind.BY_YEAR:
        if item.year_to is None:  # "do 220": the deadline cannot be read
            return ProgressStatus.DELAYED, 40
        if year >= item.year_to:
            return ProgressStatus.DONE, 100
        return ProgressStatus.IN_PROGRESS, 50
    if item.time_frame_kind == TimeFrameKind.UNSPECIFIED and year < 2021:
        return ProgressStatus.NOT_STARTED, 0
    return ProgressStatus.IN_PROGRESS, min(90, 10 * (year - 2018))


def load_monitoring(plan: Plan, today: datetime.date) -> None:
    """Demo progress of every measure for each finished year of the plan, one indicator,
    and this year's action plan from the projects."""
    last_year = min(today.year - 1, plan.year_to)
    measures = list(plan.items.filter(depth=3).order_by("order"))
    ProgressReport.objects.filter(measure__plan=plan, year__gt=last_year).delete()
    for item in measures:
        for year in range(plan.year_from, last_year + 1):
            status, percent = _percent(item, year)
            ProgressReport.objects.update_or_create(
                measure=item,
                year=year,
                defaults={
                    "status": status,
                    "percent": percent,
                    "narrative": f"Ukázkový záznam ({DEMO}), ne údaj města.",
                },
            )
    c13 = plan.items.get(code="C1.3")
    indicator, _created = Indicator.objects.update_or_create(
        measure=c13,
        name="Zpráva o využití ICT a asistivních technologií",
        defaults={
            "unit": "zpráva",
            "baseline": 0,
            "baseline_year": 2019,
            "target": 1,
            "target_year": 2020,
        },
    )
    IndicatorValue.objects.update_or_create(indicator=indicator, year=2020, defaults={"value": 1})
    action_plan, _created = ActionPlan.objects.update_or_create(
        plan=plan,
        year=today.year,
        defaults={"note": f"Akční plán na rok {today.year} ({DEMO}) z projektů plánu."},
    )
    action_plan.entries.all().delete()
    for project in Project.objects.filter(measures__plan=plan).distinct().order_by("name"):
        for measure in project.measures.order_by("order"):
            ActionPlanEntry.objects.create(
                action_plan=action_plan,
                measure=measure,
                project=project,
                activities=project.description.split(". ")[0] + ".",
                responsibility=measure.responsibility or "OSP",
            )


# Seed 002: the coordination group, 8 working groups by target group and 3 new ones for
# the system priorities. Seed 000 names five of the target groups; the rest, and the
# themes of the three new groups, are the demo's.
GROUPS = [
    ("koordinacni-skupina", "Koordinační skupina KPSS", GroupKind.COORDINATION, [], True),
    ("rodiny-s-detmi", "Rodiny s dětmi", GroupKind.TARGET_GROUP, ["rodiny-s-ditetem-detmi"], True),
    (
        "osoby-s-telesnym-postizenim",
        "Osoby s tělesným postižením",
        GroupKind.TARGET_GROUP,
        ["osoby-s-telesnym-postizenim"],
        True,
    ),
    (
        "osoby-s-mentalnim-postizenim",
        "Osoby s mentálním postižením",
        GroupKind.TARGET_GROUP,
        ["osoby-s-mentalnim-postizenim"],
        True,
    ),
    (
        "imigranti-a-etnicke-mensiny",
        "Imigranti a etnické menšiny",
        GroupKind.TARGET_GROUP,
        ["imigranti-a-azylanti", "etnicke-mensiny"],
        True,
    ),
    ("seniori", "Senioři", GroupKind.TARGET_GROUP, ["seniori"], True),
    (
        "osoby-ohrozene-socialnim-vyloucenim",
        "Osoby ohrožené sociálním vyloučením",
        GroupKind.TARGET_GROUP,
        ["osoby-zijici-v-socialne-vyloucenych-komunitach", "osoby-bez-pristresi"],
        True,
    ),
    (
        "osoby-s-dusevnim-onemocnenim",
        "Osoby s duševním onemocněním",
        GroupKind.TARGET_GROUP,
        ["osoby-s-chronickym-dusevnim-onemocnenim"],
        True,
    ),
    (
        "osoby-ohrozene-zavislosti",
        "Osoby ohrožené závislostí",
        GroupKind.TARGET_GROUP,
        ["osoby-ohrozene-zavislosti-nebo-zavisle-na-navykovych-latkach"],
        True,
    ),
    (
        "financovani-socialnich-sluzeb",
        "Financování sociálních služeb",
        GroupKind.THEMATIC,
        [],
        False,
    ),
    ("informovanost", "Informovanost o sociálních službách", GroupKind.THEMATIC, [], True),
    ("kvalita-a-dostupnost", "Kvalita a dostupnost služeb", GroupKind.THEMATIC, [], True),
]
TRIAD = [
    ("Ukázková zadavatelka", "Odbor sociální péče MMB", TriadRole.COMMISSIONER, True),
    ("Ukázkový poskytovatel", "Ukázková nezisková organizace", TriadRole.PROVIDER, False),
    ("Ukázková uživatelka", "", TriadRole.USER, False),
]
DEMO_MEMBER_EMAIL = "skupina@example.org"


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=PRAGUE)


def load_working_groups(today: datetime.date, plan: Plan) -> int:
    """The groups with three demo members each (one of each triad role), a past meeting
    with minutes, attendance, a document (the plan as CSV, an uploaded file) and a task,
    and an upcoming one."""
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile

    from socioinfo.planning.exports import plan_csv

    demo_member = get_user_model().objects.filter(email=DEMO_MEMBER_EMAIL).first()
    for order, (slug, name, kind, target_groups, public) in enumerate(GROUPS, start=1):
        group, _created = WorkingGroup.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "is_public": public,
                "order": order,
                "description": f"Složení a jednání jsou {DEMO}.",
            },
        )
        group.target_groups.set(TargetGroup.objects.filter(slug__in=target_groups))
        group.members.all().delete()
        group.meetings.all().delete()
        members = [
            GroupMember.objects.create(
                group=group, name=person, organisation=org, triad_role=role, is_chair=chair
            )
            for person, org, role, chair in TRIAD
        ]
        if demo_member is not None and slug == "financovani-socialnich-sluzeb":
            GroupMember.objects.create(
                group=group,
                user=demo_member,
                name="Demo člen skupiny",
                triad_role=TriadRole.PROVIDER,
            )
        past_day = today - datetime.timedelta(days=28 + order)
        past = Meeting.objects.create(
            id=uuid.uuid5(NAMESPACE, f"{slug}-past"),
            group=group,
            title=f"Jednání skupiny ({DEMO})",
            starts_at=_at(past_day, 14),
            ends_at=_at(past_day, 16),
            place="Brno, Magistrát města Brna",
            agenda="1. Monitoring plánu\n2. Akční plán na příští rok\n3. Různé",
            minutes=f"Skupina projednala monitoring plánu a návrh akčního plánu ({DEMO}).",
            is_public=public,
        )
        for member in members:
            Attendance.objects.create(meeting=past, member=member, present=not member.is_chair)
        document = MeetingDocument(
            meeting=past,
            title="Plán 2019–2028 (CSV)",
            filename=f"{plan.slug}.csv",
            content_type="text/csv; charset=utf-8",
        )
        content = plan_csv(plan).encode()
        document.size = len(content)
        document.file.save(f"{plan.slug}.csv", ContentFile(content), save=True)
        Task.objects.create(
            meeting=past,
            title="Připravit podklady k akčnímu plánu",
            owner=members[0],
            due_on=today + datetime.timedelta(days=10),
        )
        upcoming_day = today + datetime.timedelta(days=7 + order)
        Meeting.objects.create(
            id=uuid.uuid5(NAMESPACE, f"{slug}-next"),
            group=group,
            title=f"Jednání skupiny ({DEMO})",
            starts_at=_at(upcoming_day, 14),
            ends_at=_at(upcoming_day, 16),
            place="Brno, Magistrát města Brna",
            agenda="1. Připomínky k návrhu akčního plánu\n2. Různé",
            is_public=public,
        )
    return len(GROUPS)


def load_demo_consultation(plan: Plan, today: datetime.date) -> int:
    """A draft action plan for next year built from the projects' sentences, a closed first
    round of comments (settled; one accepted, so version 2 differs) and an open second
    round with one comment waiting to be settled."""
    old_drafts = Plan.objects.filter(slug__startswith="demo-navrh-akcniho-planu")
    # Comments protect the items and versions they are about: remove them first.
    Consultation.objects.filter(plan__in=old_drafts).delete()
    old_drafts.delete()
    year = today.year + 1
    draft = Plan.objects.create(
        id=uuid.uuid5(NAMESPACE, f"draft-{year}"),
        slug=f"demo-navrh-akcniho-planu-{year}",
        name=f"Návrh akčního plánu {year} ({DEMO})",
        kind=PlanKind.ACTION,
        year_from=year,
        year_to=year,
        previous=plan,
        description=(
            f"Ukázkový návrh pro připomínkové řízení: aktivity jsou věty z popisu projektů "
            f"plánu {plan.year_from}–{plan.year_to}."
        ),
    )
    PlanLevel.objects.create(plan=draft, depth=0, name="opatření", name_plural="opatření")
    PlanLevel.objects.create(plan=draft, depth=1, name="aktivita", name_plural="aktivity")
    activities = {
        "A1.1": [
            "Zřídit v objektu bývalé ZŠ Charbulova zařízení poskytující odlehčující služby pro "
            "klienty se zdravotním postižením s vysokou mírou závislosti na péči jiné osoby.",
            "Zřídit v novém pavilonu domov pro osoby se zdravotním postižením a chronickým "
            "duševním onemocněním s vysokou mírou podpory.",
        ],
        "B2.1": [
            "Pilotně zavést pozici rodinných asistentů.",
            "Rozšířit sociálně aktivizační služby pro rodiny s dětmi.",
            "Zřídit bezplatné mediační centrum řešící rodinné krize a konflikty.",
        ],
    }
    order = 0
    items: dict[str, PlanItem] = {}
    for code, texts in activities.items():
        source = plan.items.get(code=code)
        order += 1
        parent = PlanItem.objects.create(
            plan=draft, depth=0, code=code, order=order, text=source.text
        )
        for index, text in enumerate(texts):
            order += 1
            child_code = f"{code}.{chr(ord('a') + index)}"
            items[child_code] = PlanItem.objects.create(
                plan=draft,
                parent=parent,
                depth=1,
                code=child_code,
                order=order,
                text=text,
                responsibility="OSP",
                time_frame=f"do {year}",
                time_frame_kind=TimeFrameKind.BY_YEAR,
                year_to=year,
            )
    first = services.open_consultation(
        draft,
        opens_on=today - datetime.timedelta(days=60),
        closes_on=today - datetime.timedelta(days=31),
    )
    comment_day = today - datetime.timedelta(days=45)
    accepted = services.submit_comment(
        first,
        items["B2.1.c"],
        text="Doplnit asistované setkávání rodičů s dětmi a asistované předávání dětí.",
        proposal="… a rozšířit kapacity pro asistované setkávání rodiče s dětmi a "
        "asistované předávání dětí.",
        author_name=f"Ukázková organizace ({DEMO})",
        email="organizace@example.org",
        today=comment_day,
    )
    rejected = services.submit_comment(
        first,
        items["A1.1.b"],
        text="Posunout termín na příští rok.",
        author_name=f"Ukázkový občan ({DEMO})",
        email="obcan@example.org",
        today=comment_day,
    )
    accepted, rejected = (
        services.confirm_comment(services.confirmation_token(comment))
        for comment in (accepted, rejected)
    )
    services.edit_item(
        items["B2.1.c"],
        text="Zřídit bezplatné mediační centrum řešící rodinné krize a konflikty a rozšířit "
        "kapacity pro asistované setkávání rodiče s dětmi a asistované předávání dětí.",
        responsibility="OSP",
        time_frame=f"do {year}",
    )
    services.settle_comment(
        accepted,
        decision=Decision.ACCEPTED,
        reasoning="Text doplněn podle popisu projektu Podpora stabilizace ohrožených rodin.",
        by=None,
    )
    services.settle_comment(
        rejected,
        decision=Decision.REJECTED,
        reasoning="Termín odpovídá harmonogramu projektu.",
        by=None,
    )
    services.close_consultation(first, by=None)
    second = services.open_consultation(
        draft,
        opens_on=today - datetime.timedelta(days=7),
        closes_on=today + datetime.timedelta(days=21),
    )
    waiting = services.submit_comment(
        second,
        items["B2.1.a"],
        text="Uvést, v kolika městských částech budou rodinní asistenti působit.",
        author_name=f"Ukázková poskytovatelka ({DEMO})",
        email="poskytovatelka@example.org",
        today=today,
    )
    services.confirm_comment(services.confirmation_token(waiting))
    return 2
