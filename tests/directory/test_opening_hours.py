"""The "open now" query, in Europe/Prague time, with overnight rules and exceptions."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from socioinfo.directory.selectors import services_open_now
from tests.factories import (
    OpeningExceptionFactory,
    OpeningRuleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db
PRAGUE = ZoneInfo("Europe/Prague")


def at(year, month, day, hour, minute=0, tz=PRAGUE):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=tz)


def open_ids(moment):
    return set(services_open_now(at=moment).values_list("pk", flat=True))


def office(weekday=0, opens=(8, 0), closes=(16, 0)):
    sal = ServiceAtLocationFactory()
    OpeningRuleFactory(
        service_at_location=sal,
        weekday=weekday,
        opens=datetime.time(*opens),
        closes=datetime.time(*closes),
    )
    return sal


def test_office_is_open_within_its_hours_on_its_weekday():
    sal = office()  # Monday 8–16
    assert sal.service_id in open_ids(at(2026, 11, 23, 9))  # Monday


def test_office_is_closed_before_opening_at_closing_and_on_other_days():
    sal = office()
    assert sal.service_id not in open_ids(at(2026, 11, 23, 7, 59))
    assert sal.service_id not in open_ids(at(2026, 11, 23, 16, 0))
    assert sal.service_id not in open_ids(at(2026, 11, 24, 9))  # Tuesday


def test_open_now_uses_prague_time_not_utc():
    sal = office()  # Monday 8:00 Prague = 7:00 UTC in winter
    utc = datetime.UTC
    assert sal.service_id in open_ids(at(2026, 11, 23, 7, 30, tz=utc))
    assert sal.service_id not in open_ids(at(2026, 11, 23, 15, 30, tz=utc))  # 16:30 in Prague


def test_overnight_rule_is_open_after_midnight_of_the_next_day():
    service = ServiceFactory()  # a night shelter: Friday 19:00 – 07:00
    OpeningRuleFactory(service=service, weekday=4, opens=datetime.time(19), closes=datetime.time(7))
    assert service.pk in open_ids(at(2026, 11, 27, 22))  # Friday night
    assert service.pk in open_ids(at(2026, 11, 28, 6, 30))  # Saturday morning
    assert service.pk not in open_ids(at(2026, 11, 28, 7, 30))
    assert service.pk not in open_ids(at(2026, 11, 27, 12))


def test_whole_day_rule_is_open_around_the_clock():
    service = ServiceFactory()
    for weekday in range(7):
        OpeningRuleFactory(
            service=service, weekday=weekday, opens=datetime.time(0), closes=datetime.time(0)
        )
    assert service.pk in open_ids(at(2026, 11, 25, 3))
    assert service.pk in open_ids(at(2026, 11, 25, 23, 59))


def test_closed_exception_overrides_the_weekly_rule():
    sal = office(weekday=3)  # Thursday 24 Dec 2026 is Christmas Eve
    christmas_eve = datetime.date(2026, 12, 24)
    OpeningExceptionFactory(service_at_location=sal, date=christmas_eve, is_closed=True)
    assert sal.service_id not in open_ids(at(2026, 12, 24, 10))
    assert sal.service_id in open_ids(at(2026, 12, 17, 10))


def test_exception_with_other_hours_replaces_the_day():
    sal = office(weekday=2)  # Wednesday 8–16
    OpeningExceptionFactory(
        service_at_location=sal,
        date=datetime.date(2026, 11, 25),
        opens=datetime.time(12),
        closes=datetime.time(14),
    )
    assert sal.service_id not in open_ids(at(2026, 11, 25, 9))
    assert sal.service_id in open_ids(at(2026, 11, 25, 13))


def test_rule_outside_its_validity_dates_does_not_count():
    sal = ServiceAtLocationFactory()
    OpeningRuleFactory(service_at_location=sal, weekday=0, valid_to=datetime.date(2026, 6, 30))
    assert sal.service_id not in open_ids(at(2026, 11, 23, 9))
    assert sal.service_id in open_ids(at(2026, 6, 29, 9))


def test_unpublished_service_is_never_open_now():
    sal = office()
    sal.service.status = "draft"
    sal.service.save()
    assert sal.service_id not in open_ids(at(2026, 11, 23, 9))
