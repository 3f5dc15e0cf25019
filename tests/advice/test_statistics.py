"""Statistics: counted in the database, shares of contacts, small counts hidden in public."""

import datetime
import zoneinfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from socioinfo.advice.models import Enquiry, Status, SupportType
from socioinfo.advice.selectors import enquiry_statistics
from socioinfo.advice.services import save_enquiry, submit_web_question
from socioinfo.areas.selectors import brno_city_districts

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def _log(worker, n, *, district, support, month=3):
    for i in range(n):
        save_enquiry(
            Enquiry(
                district=district,
                contacted_at=datetime.datetime(2024, month, 1 + i, 10, tzinfo=PRAGUE),
            ),
            by=worker,
            topics=[],
            support=support,
        )


def test_support_types_are_shares_of_contacts_and_sum_over_100(worker):
    districts = list(brno_city_districts()[:2])
    _log(
        worker,
        6,
        district=districts[0],
        support=[SupportType.INTERPRETING, SupportType.COUNSELLING],
    )
    _log(worker, 4, district=districts[1], support=[SupportType.COUNSELLING])
    stats = enquiry_statistics(2024)
    shares = {row.key: row.share for row in stats.table("support").rows}
    assert stats.total == 10
    assert shares == {"counselling": 100.0, "interpreting": 60.0}


def test_public_statistics_hide_counts_under_five(worker, client):
    districts = list(brno_city_districts()[:3])
    _log(worker, 12, district=districts[0], support=[SupportType.INFORMATION])
    _log(worker, 6, district=districts[1], support=[SupportType.INFORMATION])
    _log(worker, 3, district=districts[2], support=[SupportType.INFORMATION])
    rows = {r.label: r for r in enquiry_statistics(2024, public=True).table("districts").rows}
    staff = {r.label: r.count for r in enquiry_statistics(2024).table("districts").rows}
    # 3 is hidden as small; 6, the smallest shown, is hidden too, or 21 - 12 - 6 would give 3.
    assert {label: r.count for label, r in rows.items()} == {
        districts[0].name: 12,
        districts[1].name: None,
        districts[2].name: None,
    }
    assert (rows[districts[1].name].protects, rows[districts[2].name].protects) == (True, False)
    assert staff == {districts[0].name: 12, districts[1].name: 6, districts[2].name: 3}
    client.cookies["django_language"] = "en"
    csv_text = client.get(reverse("advice_public:statistics_csv"), {"year": 2024}).content.decode()
    assert f"{districts[2].name},<5," in csv_text
    assert f"{districts[1].name},hidden," in csv_text
    assert f"{districts[0].name},12," in csv_text
    months = {r.key: r.count for r in enquiry_statistics(2024, public=True).table("months").rows}
    assert (months["3"], months["4"]) == (21, 0)
    page = client.get(reverse("advice_public:statistics"), {"year": 2024}).content.decode()
    assert f'<th scope="row">{districts[2].name}</th>' in page
    assert ">hidden</td>" in page and ">fewer than 5</td>" in page


def test_a_single_small_month_is_protected_by_hiding_the_next_smallest(worker):
    district = brno_city_districts().first()
    _log(worker, 9, district=district, support=[SupportType.INFORMATION], month=3)
    _log(worker, 3, district=district, support=[SupportType.INFORMATION], month=4)
    _log(worker, 7, district=district, support=[SupportType.INFORMATION], month=5)
    stats = enquiry_statistics(2024, public=True)
    months = {r.key: (r.count, r.protects) for r in stats.table("months").rows}
    assert stats.total == 19
    assert (months["3"], months["4"], months["5"], months["6"]) == (
        (9, False),
        (None, False),
        (None, True),
        (0, False),
    )
    # Staff see every count.
    staff = {r.key: r.count for r in enquiry_statistics(2024).table("months").rows}
    assert (staff["4"], staff["5"]) == (3, 7)


def test_months_are_counted_in_prague_time(worker):
    # 31 December 23:30 in Prague is still December, though already 22:30 UTC.
    save_enquiry(
        Enquiry(contacted_at=datetime.datetime(2024, 12, 31, 23, 30, tzinfo=PRAGUE)),
        by=worker,
        topics=[],
        support=[SupportType.INFORMATION],
    )
    months = {row.key: row.count for row in enquiry_statistics(2024).table("months").rows}
    assert months["12"] == 1
    assert enquiry_statistics(2025).total == 0


def test_waiting_web_questions_are_not_counted_until_answered(worker):
    submit_web_question(question="?", name="", email="a@example.org", phone="")
    assert Enquiry.objects.filter(status=Status.WAITING).count() == 1
    assert enquiry_statistics(None).total == 0


def test_the_statistics_take_a_fixed_number_of_queries(worker):
    """Aggregated in the database: the number of queries does not grow with the rows."""
    district = brno_city_districts().first()
    _log(worker, 3, district=district, support=[SupportType.INFORMATION])
    with CaptureQueriesContext(connection) as few:
        enquiry_statistics(2024)
    _log(worker, 20, district=district, support=[SupportType.REFERRAL], month=5)
    with CaptureQueriesContext(connection) as many:
        enquiry_statistics(2024)
    assert len(many) == len(few) <= 25


def test_the_monthly_counts_follow_an_edit_to_another_month(worker):
    district = brno_city_districts().first()
    _log(worker, 2, district=district, support=[SupportType.INFORMATION], month=3)
    moved = Enquiry.objects.order_by("contacted_at").first()
    moved.contacted_at = datetime.datetime(2024, 7, 9, 9, tzinfo=PRAGUE)
    save_enquiry(moved, by=worker, topics=[], support=[SupportType.CRISIS])
    stats = enquiry_statistics(2024)
    months = {row.key: row.count for row in stats.table("months").rows}
    support = {row.key: row.count for row in stats.table("support").rows}
    assert (months["3"], months["7"]) == (1, 1)
    assert support == {"information": 1, "crisis": 1}


def test_the_monthly_counts_equal_a_count_of_the_enquiries(worker):
    """Recounting from scratch gives the same figures as the counts kept on each save."""
    from socioinfo.advice.counts import recount_months

    districts = list(brno_city_districts()[:3])
    for n, district in enumerate(districts):
        _log(worker, n + 1, district=district, support=[SupportType.COUNSELLING], month=n + 1)
    kept = enquiry_statistics(None)
    recount_months(None)
    again = enquiry_statistics(None)
    assert [(t.slug, [(r.key, r.count) for r in t.rows]) for t in kept.tables] == [
        (t.slug, [(r.key, r.count) for r in t.rows]) for t in again.tables
    ]
    assert kept.total == Enquiry.objects.filter(status=Status.DONE).count() == 6


def test_public_months_with_fewer_than_five_enquiries_are_hidden(worker):
    _log(worker, 2, district=None, support=[SupportType.INFORMATION], month=5)
    months = {r.key: r.count for r in enquiry_statistics(2024, public=True).table("months").rows}
    assert (months["5"], months["6"]) == (None, 0)
