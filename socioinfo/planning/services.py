"""Everything that changes plans and consultations. Each function is one transaction."""

import datetime
import re
from collections.abc import Iterable
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from socioinfo.planning.models import (
    Comment,
    Consultation,
    Decision,
    ItemText,
    Plan,
    PlanItem,
    PlanStatus,
    PlanStatusChange,
    PlanVersion,
    ResponsibleBody,
    Settlement,
)
from socioinfo.planning.seed_text import parse_time_frame

CONFIRMATION_SALT = "socioinfo.planning.comment-confirmation"
CONFIRMATION_DAYS = 3


def set_plan_status(plan: Plan, status: str, *, by: Any = None, note: str = "") -> None:
    """Change a plan's status and record who did it (the history is the rows)."""
    with transaction.atomic():
        plan.status = status
        plan.save(update_fields=["status", "updated_at"])
        PlanStatusChange.objects.create(plan=plan, status=status, created_by=by, note=note)


def bodies_in(text: str, glossary: Iterable[ResponsibleBody]) -> list[ResponsibleBody]:
    """The glossary entries whose abbreviation stands as a word in ``text``; the longest
    first, so "ANNO JMK" is not also counted as "JMK"."""
    found = []
    rest = text
    for body in sorted(glossary, key=lambda b: -len(b.abbreviation)):
        pattern = re.compile(rf"(?<!\w){re.escape(body.abbreviation)}(?!\w)")
        if pattern.search(rest):
            found.append(body)
            rest = pattern.sub(" ", rest)
    return sorted(found, key=lambda b: b.abbreviation)


def save_glossary_entry(body: ResponsibleBody) -> int:
    """Save an entry of the glossary and link the items of every plan to the glossary anew
    where their responsibility mentions it, or was linked to it (a new abbreviation is
    found in plans written before it; a changed one leaves the items it no longer names).
    Returns how many items name it."""
    with transaction.atomic():
        body.save()
        glossary = list(ResponsibleBody.objects.all())
        touched = PlanItem.objects.filter(
            Q(responsibility__contains=body.abbreviation) | Q(responsible_bodies=body)
        ).distinct()
        for item in touched:
            item.responsible_bodies.set(bodies_in(item.responsibility, glossary))
    return body.items.count()


def edit_item(
    item: PlanItem,
    *,
    text: str,
    responsibility: str,
    time_frame: str,
    target_groups: Iterable[Any] | None = None,
    service_types: Iterable[Any] | None = None,
    areas: Iterable[Any] | None = None,
) -> PlanItem:
    """Change the working text of an item (the draft of the next version); the glossary
    links and the parsed time frame follow the text. Links to code lists and areas change
    only when given."""
    frame, _rest = parse_time_frame(time_frame)
    with transaction.atomic():
        item.text = text.strip()
        item.responsibility = responsibility.strip()
        item.time_frame = time_frame.strip()
        item.time_frame_kind = frame.kind
        item.year_from, item.year_to = frame.year_from, frame.year_to
        item.save()
        item.responsible_bodies.set(bodies_in(item.responsibility, ResponsibleBody.objects.all()))
        for name, values in (
            ("target_groups", target_groups),
            ("service_types", service_types),
            ("areas", areas),
        ):
            if values is not None:
                getattr(item, name).set(values)
    return item


def freeze_version(plan: Plan, *, by: Any = None, note: str = "") -> PlanVersion:
    """Freeze the working texts of every item as the plan's next version."""
    with transaction.atomic():
        last = plan.versions.aggregate(last=Max("number"))["last"] or 0
        version = PlanVersion.objects.create(plan=plan, number=last + 1, note=note, created_by=by)
        ItemText.objects.bulk_create(
            ItemText(
                item=item,
                version=version,
                text=item.text,
                responsibility=item.responsibility,
                time_frame=item.time_frame,
            )
            for item in plan.items.all()
        )
    return version


def latest_version_if_unchanged(plan: Plan) -> PlanVersion | None:
    """The latest version when no item's working text differs from it (else None)."""
    latest = plan.versions.order_by("-number").first()
    if latest is None:
        return None
    frozen = {t.item_id: (t.text, t.responsibility, t.time_frame) for t in latest.texts.all()}
    for item in plan.items.all():
        if frozen.get(item.pk) != (item.text, item.responsibility, item.time_frame):
            return None
    return latest


def open_consultation(
    plan: Plan, *, opens_on: datetime.date, closes_on: datetime.date, by: Any = None
) -> Consultation:
    """Open the draft for comments between two dates, on a new version frozen from it
    (or on the latest version, when nothing changed since)."""
    if closes_on < opens_on:
        raise ValidationError(_("The consultation must close on or after the day it opens."))
    if plan.consultations.filter(closed_at__isnull=True).exists():
        raise ValidationError(_("This plan already has an open consultation."))
    with transaction.atomic():
        version = latest_version_if_unchanged(plan) or freeze_version(
            plan, by=by, note=_("put out for consultation")
        )
        consultation = Consultation.objects.create(
            plan=plan, version=version, opens_on=opens_on, closes_on=closes_on
        )
        set_plan_status(plan, PlanStatus.CONSULTATION, by=by)
    return consultation


def accepts_comments(consultation: Consultation, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return (
        consultation.closed_at is None and consultation.opens_on <= today <= consultation.closes_on
    )


def submit_comment(
    consultation: Consultation,
    item: PlanItem,
    *,
    text: str,
    author_name: str,
    proposal: str = "",
    email: str = "",
    user: Any = None,
    today: datetime.date | None = None,
) -> Comment:
    """Record a comment on an item. A signed-in person's comment counts at once; anyone
    else's waits for the e-mail confirmation (confirmation_token, confirm_comment)."""
    if not accepts_comments(consultation, today):
        raise ValidationError(_("This consultation does not accept comments now."))
    if item.plan_id != consultation.plan_id:
        raise ValidationError(_("The item is not part of this plan."))
    signed_in = user is not None and user.is_authenticated
    if not signed_in and not email:
        raise ValidationError(_("Give your e-mail address so that we can confirm the comment."))
    return Comment.objects.create(
        consultation=consultation,
        item=item,
        text=text.strip(),
        proposal=proposal.strip(),
        author_name=author_name.strip(),
        email=email.strip() if not signed_in else (email or user.email),
        user=user if signed_in else None,
        confirmed_at=timezone.now() if signed_in else None,
    )


def confirmation_token(comment: Comment) -> str:
    """A signed token for the e-mailed link; it expires after CONFIRMATION_DAYS."""
    return signing.TimestampSigner(salt=CONFIRMATION_SALT).sign(str(comment.pk))


def confirm_comment(token: str) -> Comment:
    """Confirm the comment the token was made for; raises signing.BadSignature (or
    SignatureExpired) for a forged or old link. Confirming twice changes nothing."""
    pk = signing.TimestampSigner(salt=CONFIRMATION_SALT).unsign(
        token, max_age=datetime.timedelta(days=CONFIRMATION_DAYS)
    )
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=pk)
        if comment.confirmed_at is None:
            comment.confirmed_at = timezone.now()
            comment.save(update_fields=["confirmed_at", "updated_at"])
    return comment


def settle_comment(comment: Comment, *, decision: str, reasoning: str, by: Any) -> Settlement:
    """Record how planners settled a comment; a later settlement replaces it (both kept)."""
    if decision not in Decision.values:
        raise ValidationError(_("Choose how the comment is settled."))
    if not reasoning.strip():
        raise ValidationError(_("Give the reasoning of the settlement."))
    if comment.confirmed_at is None:
        raise ValidationError(_("An unconfirmed comment is not settled."))
    if comment.consultation.closed_at is not None:
        raise ValidationError(_("The consultation is closed."))
    return Settlement.objects.create(
        comment=comment, decision=decision, reasoning=reasoning.strip(), created_by=by
    )


def unsettled_comments(consultation: Consultation) -> Any:
    """Confirmed comments without any settlement yet."""
    return consultation.comments.filter(
        confirmed_at__isnull=False, settlements__isnull=True
    ).order_by("created_at")


def close_consultation(consultation: Consultation, *, by: Any, note: str = "") -> PlanVersion:
    """Close the consultation once every confirmed comment is settled, and freeze the
    settled draft as the next version (the settlement table compares the two). Refused,
    with the codes of the items concerned, while any comment is unsettled."""
    with transaction.atomic():
        consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if consultation.closed_at is not None:
            raise ValidationError(_("The consultation is already closed."))
        open_ones = list(unsettled_comments(consultation).select_related("item"))
        if open_ones:
            codes = ", ".join(sorted({c.item.code or "–" for c in open_ones}))
            raise ValidationError(
                _("%(count)d comments are not settled yet (items %(codes)s).")
                % {"count": len(open_ones), "codes": codes}
            )
        consultation.closed_at = timezone.now()
        consultation.closed_by = by
        consultation.save(update_fields=["closed_at", "closed_by", "updated_at"])
        version = freeze_version(consultation.plan, by=by, note=note or _("after consultation"))
        set_plan_status(consultation.plan, PlanStatus.DRAFT, by=by, note=_("consultation closed"))
    return version


def record_progress(
    measure: PlanItem, *, year: int, status: str, percent: int, narrative: str, by: Any
) -> Any:
    """Record (or correct) a measure's progress in a year."""
    from socioinfo.planning.models import ProgressReport

    if not measure.plan.year_from <= year <= measure.plan.year_to:
        raise ValidationError(_("The year is outside the plan's period."))
    report, _created = ProgressReport.objects.update_or_create(
        measure=measure,
        year=year,
        defaults={
            "status": status,
            "percent": percent,
            "narrative": narrative.strip(),
            "created_by": by,
        },
    )
    return report


def add_member(group: Any, *, email: str = "", **fields: Any) -> Any:
    """Add a member to a working group, linked to the account with that e-mail address
    when there is one (then they see the group's pages even when it is not public)."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(email__iexact=email).first() if email else None
    if email and user is None:
        raise ValidationError(_("No account has this e-mail address."))
    return group.members.create(user=user, **fields)


def set_attendance(meeting: Any, present_ids: set[str]) -> None:
    """Record who of the group's members attended the meeting (the rest were excused)."""
    from socioinfo.planning.models import Attendance

    with transaction.atomic():
        for member in meeting.group.members.all():
            Attendance.objects.update_or_create(
                meeting=meeting, member=member, defaults={"present": str(member.pk) in present_ids}
            )


def start_next_plan(
    plan: Plan, *, slug: str, name: str, year_from: int, year_to: int, by: Any
) -> Plan:
    """A draft of the next plan from the evaluation of this one: the same levels and the
    same goals and priorities, with the measures that are not done (by their latest
    report), keeping their codes; ``previous`` points back."""
    from socioinfo.planning.models import PlanLevel, ProgressStatus
    from socioinfo.planning.selectors import latest_progress

    if Plan.objects.filter(slug=slug).exists():
        raise ValidationError(_("A plan with this short name already exists."))
    latest = latest_progress(plan)
    items = list(
        plan.items.order_by("order").prefetch_related(
            "responsible_bodies", "target_groups", "service_types", "areas"
        )
    )
    leaf_depth = max((item.depth for item in items), default=0)
    done = {pk for pk, report in latest.items() if report.status == ProgressStatus.DONE}
    with transaction.atomic():
        draft = Plan.objects.create(
            slug=slug,
            name=name,
            kind=plan.kind,
            year_from=year_from,
            year_to=year_to,
            vision_value=plan.vision_value,
            previous=plan,
            description=_("Starts from the evaluation of %(plan)s.") % {"plan": plan.name},
        )
        for level in plan.levels.all():
            PlanLevel.objects.create(
                plan=draft, depth=level.depth, name=level.name, name_plural=level.name_plural
            )
        copies: dict[Any, PlanItem] = {}
        for item in items:
            if item.depth == leaf_depth and item.pk in done:
                continue
            if item.parent_id and item.parent_id not in copies:
                continue
            copy = PlanItem.objects.create(
                plan=draft,
                parent=copies.get(item.parent_id),
                depth=item.depth,
                code=item.code,
                order=item.order,
                text=item.text,
                responsibility=item.responsibility,
                time_frame=item.time_frame,
                time_frame_kind=item.time_frame_kind,
                year_from=item.year_from,
                year_to=item.year_to,
            )
            copy.responsible_bodies.set(item.responsible_bodies.all())
            copy.target_groups.set(item.target_groups.all())
            copy.service_types.set(item.service_types.all())
            copy.areas.set(item.areas.all())
            copies[item.pk] = copy
        PlanStatusChange.objects.create(
            plan=draft, status=PlanStatus.DRAFT, created_by=by, note=plan.name
        )
    return draft
