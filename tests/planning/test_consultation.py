"""The comment procedure: who may comment and how, settling every comment, closing, and
the settlement table with its per-item version diff."""

import datetime
import re
import time

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone, translation

from socioinfo.accounts.roles import Role
from socioinfo.planning import services
from socioinfo.planning.forms import form_started_token
from socioinfo.planning.models import (
    Comment,
    Consultation,
    Decision,
    Plan,
    PlanItem,
    PlanKind,
    PlanStatus,
)
from socioinfo.planning.selectors import settlement_table, word_diff
from tests.accounts.helpers import make_user, sign_in

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 24)


@pytest.fixture
def draft():
    plan = Plan.objects.create(
        slug="navrh", name="Návrh plánu", kind=PlanKind.COMMUNITY, year_from=2027, year_to=2029
    )
    goal = PlanItem.objects.create(plan=plan, depth=0, code="A", order=1, text="Cíl A")
    PlanItem.objects.create(
        plan=plan,
        parent=goal,
        depth=1,
        code="A1",
        order=2,
        text="Rozvíjet terénní služby",
        responsibility="OSP",
        time_frame="průběžně",
    )
    return plan


@pytest.fixture
def consultation(draft):
    return services.open_consultation(
        draft,
        opens_on=TODAY - datetime.timedelta(days=1),
        closes_on=TODAY + datetime.timedelta(days=10),
    )


def comment_on(consultation, code="A1", **fields):
    item = consultation.plan.items.get(code=code)
    fields = {"text": "Doplnit MČ.", "author_name": "Spolek", "email": "a@example.org", **fields}
    comment = services.submit_comment(consultation, item, today=TODAY, **fields)
    return services.confirm_comment(services.confirmation_token(comment))


def test_opening_freezes_the_draft_as_version_1_and_marks_the_plan_in_consultation(
    consultation,
):
    assert consultation.version.number == 1
    assert consultation.plan.status == PlanStatus.CONSULTATION
    assert consultation.version.texts.get(item__code="A1").text == "Rozvíjet terénní služby"


def test_a_consultation_with_an_unsettled_comment_cannot_be_closed(consultation):
    planner = make_user(Role.PLANNER)
    comment_on(consultation)
    with (
        translation.override("en"),
        pytest.raises(ValidationError, match=r"1 comments are not settled yet \(items A1\)"),
    ):
        services.close_consultation(consultation, by=planner)
    consultation.refresh_from_db()
    assert consultation.closed_at is None
    assert consultation.plan.versions.count() == 1


def test_once_every_comment_is_settled_the_consultation_closes_into_version_2(consultation):
    planner = make_user(Role.PLANNER)
    comment = comment_on(consultation)
    services.settle_comment(comment, decision=Decision.ACCEPTED, reasoning="Doplněno.", by=planner)
    version = services.close_consultation(consultation, by=planner)
    consultation.refresh_from_db()
    assert consultation.closed_at is not None and consultation.closed_by == planner
    assert version.number == 2


def test_an_unconfirmed_anonymous_comment_does_not_block_closing(consultation):
    item = consultation.plan.items.get(code="A1")
    services.submit_comment(
        consultation, item, text="Spam?", author_name="X", email="x@example.org", today=TODAY
    )
    services.close_consultation(consultation, by=make_user(Role.PLANNER))


def test_the_settlement_table_links_each_comment_to_the_changed_text(client, consultation):
    planner = make_user(Role.PLANNER)
    changed = comment_on(consultation, text="Doplnit městské části.")
    unchanged = comment_on(consultation, code="A", text="Jinak.")
    services.edit_item(
        changed.item,
        text="Rozvíjet terénní služby ve všech městských částech",
        responsibility="OSP, MČ",
        time_frame="průběžně",
    )
    services.settle_comment(changed, decision=Decision.ACCEPTED, reasoning="Ano.", by=planner)
    services.settle_comment(unchanged, decision=Decision.REJECTED, reasoning="Ne.", by=planner)
    services.close_consultation(consultation, by=planner)

    rows = {row.comment.pk: row for row in settlement_table(consultation)}
    assert rows[changed.pk].changed and not rows[unchanged.pk].changed
    assert rows[changed.pk].after.text == "Rozvíjet terénní služby ve všech městských částech"

    page = client.get(f"/consultations/{consultation.pk}/").content.decode()
    row = page.split(f'id="comment-{changed.pk}"', 1)[1].split("</tr>", 1)[0]
    link = re.search(r'href="([^"]+/items/A1/versions/1-2/)"', row).group(1)
    assert "Ano." in row
    diff = client.get(link).content.decode()
    assert "<ins>" in diff and "ve všech městských částech" in diff
    assert "MČ" in diff.split("<ins>", 2)[2]  # the responsibility's diff
    other = page.split(f'id="comment-{unchanged.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "/versions/" not in other


def test_word_diff_marks_removed_and_added_words():
    parts = word_diff("do 220 – OŠMT", "do 2020 – OŠMT")
    assert [(p.kind, p.text) for p in parts] == [
        ("same", "do"),
        ("removed", "220"),
        ("added", "2020"),
        ("same", "– OŠMT"),
    ]


def test_comments_are_refused_outside_the_dates(consultation):
    item = consultation.plan.items.get(code="A1")
    with pytest.raises(ValidationError):
        services.submit_comment(
            consultation,
            item,
            text="Pozdě.",
            author_name="X",
            email="x@example.org",
            today=TODAY + datetime.timedelta(days=11),
        )


def _form(**fields):
    return {
        "author_name": "Jana Nováková",
        "email": "jana@example.org",
        "text": "Doplnit Líšeň.",
        "proposal": "",
        "website": "",
        "started": form_started_token(time.time() - 30),
        **fields,
    }


@pytest.fixture
def open_today(draft):
    today = timezone.localdate()
    return services.open_consultation(
        draft, opens_on=today, closes_on=today + datetime.timedelta(days=5)
    )


def test_an_anonymous_comment_counts_after_the_emailed_link_is_opened(client, open_today):
    response = client.post(f"/consultations/{open_today.pk}/comment/A1/", _form())
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.confirmed_at is None and comment.user is None
    assert mail.outbox[0].to == ["jana@example.org"]
    link = re.search(r"https?://\S+/consultations/confirm/\S+/", mail.outbox[0].body).group(0)
    assert client.get(link).status_code == 302
    comment.refresh_from_db()
    assert comment.confirmed_at is not None
    page = Client().get(f"/consultations/{open_today.pk}/").content.decode()
    assert "Doplnit Líšeň." in page and "jana@example.org" not in page


def test_a_forged_or_expired_confirmation_link_is_refused(client, open_today, monkeypatch):
    item = open_today.plan.items.get(code="A1")
    comment = services.submit_comment(
        open_today, item, text="T", author_name="X", email="x@example.org"
    )
    token = services.confirmation_token(comment)
    assert client.get(f"/consultations/confirm/{token}x/").status_code == 400
    later = time.time() + (services.CONFIRMATION_DAYS + 1) * 86400
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert client.get(f"/consultations/confirm/{token}/").status_code == 400
    comment.refresh_from_db()
    assert comment.confirmed_at is None


@pytest.mark.parametrize(
    "spam",
    [
        {"website": "http://spam.example"},  # the hidden field a robot fills in
        {"started": "just now"},  # sent back at once
        {"started": "forged"},
        {"email": ""},  # anonymous without an address to confirm
    ],
)
def test_robots_and_incomplete_comments_are_refused(client, open_today, spam):
    if spam.get("started") == "just now":
        spam = {"started": form_started_token(time.time())}
    response = client.post(f"/consultations/{open_today.pk}/comment/A1/", _form(**spam))
    assert response.status_code == 200
    assert Comment.objects.count() == 0 and not mail.outbox


def test_a_signed_in_persons_comment_counts_at_once(client, open_today):
    person = make_user(Role.PROVIDER_EDITOR)
    sign_in(client, person)
    form = _form()
    del form["email"]
    client.post(f"/consultations/{open_today.pk}/comment/A1/", form)
    comment = Comment.objects.get()
    assert comment.user == person and comment.confirmed_at is not None
    assert not mail.outbox


def test_planners_settle_and_close_through_their_pages(client, open_today):
    planner = make_user(Role.PLANNER)
    sign_in(client, planner)
    item = open_today.plan.items.get(code="A1")
    comment = services.submit_comment(open_today, item, text="T", author_name="X", user=planner)
    client.post(f"/planning/consultations/{open_today.pk}/close/")
    assert Consultation.objects.get().closed_at is None  # refused: unsettled
    client.post(
        f"/planning/comments/{comment.pk}/settle/",
        {f"{comment.pk}-decision": "noted", f"{comment.pk}-reasoning": "Bereme na vědomí."},
    )
    assert comment.settlements.get().decision == Decision.NOTED
    client.post(f"/planning/consultations/{open_today.pk}/close/")
    assert Consultation.objects.get().closed_at is not None


def test_the_demo_has_a_settled_round_with_a_changed_text_and_an_open_round(planning_demo):
    draft = Plan.objects.get(slug__startswith="demo-navrh")
    closed, open_round = draft.consultations.order_by("opens_on")
    assert closed.closed_at is not None and open_round.closed_at is None
    rows = settlement_table(closed)
    assert [(r.comment.item.code, r.settlement.decision, r.changed) for r in rows] == [
        ("A1.1.b", Decision.REJECTED, False),
        ("B2.1.c", Decision.ACCEPTED, True),
    ]
    with pytest.raises(ValidationError):
        services.close_consultation(open_round, by=None)


def test_the_link_of_a_removed_comment_is_refused(client, open_today):
    item = open_today.plan.items.get(code="A1")
    comment = services.submit_comment(
        open_today, item, text="T", author_name="X", email="x@example.org"
    )
    token = services.confirmation_token(comment)
    comment.delete()
    assert client.get(f"/consultations/confirm/{token}/").status_code == 400
