"""The versioned read API (/api/v1/) on the demo data: services with opening hours and
"open now" at fixed moments, city districts, life situations, published records only, and a
400 that says what to fix."""

import datetime

import pytest

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.directory.models import (
    LifeSituation,
    OpeningException,
    OpeningRule,
    Service,
    ServiceStatus,
)
from socioinfo.search.query import SearchParams, count

pytestmark = pytest.mark.django_db
BASE = "/api/v1/"
TUESDAY_MORNING = "2026-11-24T10:00:00+01:00"
TUESDAY_NIGHT = "2026-11-24T03:00:00+01:00"
CHRISTMAS_EVE = "2026-12-24T10:00:00+01:00"


def get(client, path: str, status: int = 200, **params):
    response = client.get(BASE + path, params)
    assert response.status_code == status, (path, params, response.content[:300])
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def all_items(client, path: str, **params) -> list[dict]:
    return get(client, path, per_page=500, **params)["contents"]


def single_place_service(weekday: int, opens: datetime.time, closes: datetime.time) -> Service:
    """A published service with one place, no hours of its own, and on ``weekday`` exactly
    one rule at that place, from ``opens`` to ``closes``."""
    for service in Service.objects.published().order_by("sort_name", "pk"):
        links = list(service.service_at_locations.all())
        if len(links) != 1 or service.openingrules.exists():
            continue
        rules = list(OpeningRule.objects.filter(service_at_location=links[0], weekday=weekday))
        if len(rules) == 1 and (rules[0].opens, rules[0].closes) == (opens, closes):
            return service
    raise AssertionError("the demo data has no such service")


def test_services_are_published_ones_with_places_and_hours(demo_data, client):
    items = all_items(client, "services")
    assert len(items) == Service.objects.published().count()
    draft = Service.objects.published().first()
    draft.status = ServiceStatus.DRAFT
    draft.save()
    assert str(draft.pk) not in {i["id"] for i in all_items(client, "services")}
    get(client, f"services/{draft.pk}", status=404)
    with_hours = next(i for i in items if any(p["opening_hours"]["weekly"] for p in i["places"]))
    hours = next(p for p in with_hours["places"] if p["opening_hours"]["weekly"])["opening_hours"]
    assert hours["time_zone"] == "Europe/Prague"
    assert {"day", "opens", "closes", "overnight"} <= set(hours["weekly"][0])


def test_open_now_at_a_fixed_moment_follows_the_weekly_hours(demo_data, client):
    service = single_place_service(1, datetime.time(8), datetime.time(16))  # Tuesday 8–16
    morning = get(client, f"services/{service.pk}", at=TUESDAY_MORNING)
    night = get(client, f"services/{service.pk}", at=TUESDAY_NIGHT)
    assert morning["open_now"] is True
    assert night["open_now"] is False
    tuesday = [r for r in morning["places"][0]["opening_hours"]["weekly"] if r["day"] == "TU"]
    assert [(r["opens"], r["closes"]) for r in tuesday] == [("08:00", "16:00")]


def test_each_place_says_whether_it_is_open_by_its_own_hours(demo_data, client):
    from tests.factories import OpeningRuleFactory, ServiceAtLocationFactory

    service = single_place_service(1, datetime.time(8), datetime.time(16))  # Tuesday 8–16
    first = service.service_at_locations.get()
    evening = ServiceAtLocationFactory(service=service, location__street="Cejl")
    OpeningRuleFactory(
        service_at_location=evening, weekday=1, opens=datetime.time(17), closes=datetime.time(20)
    )
    no_hours = ServiceAtLocationFactory(service=service, location__street="Zelný trh")

    def places(at: str) -> tuple[bool, dict[str, bool | None]]:
        item = get(client, f"services/{service.pk}", at=at)
        return item["open_now"], {p["id"]: p["open_now"] for p in item["places"]}

    assert places(TUESDAY_MORNING) == (
        True,
        {str(first.pk): True, str(evening.pk): False, str(no_hours.pk): None},
    )
    assert places("2026-11-24T18:00:00+01:00") == (
        True,
        {str(first.pk): False, str(evening.pk): True, str(no_hours.pk): None},
    )
    assert places(TUESDAY_NIGHT) == (
        False,
        {str(first.pk): False, str(evening.pk): False, str(no_hours.pk): None},
    )


def test_open_now_filter_keeps_exactly_the_services_open_at_that_moment(demo_data, client):
    everything = all_items(client, "services", at=TUESDAY_MORNING)
    open_ones = all_items(client, "services", open_now="true", at=TUESDAY_MORNING)
    assert {i["id"] for i in open_ones} == {i["id"] for i in everything if i["open_now"]}
    assert 0 < len(open_ones) < len(everything)
    at_night = all_items(client, "services", open_now="true", at=TUESDAY_NIGHT)
    assert 0 < len(at_night) < len(open_ones)
    assert all(i["open_now"] for i in at_night)


def test_a_moment_without_offset_is_prague_time(demo_data, client):
    def open_ids(at: str) -> set[str]:
        return {i["id"] for i in all_items(client, "services", open_now="true", at=at)}

    expected = open_ids(TUESDAY_MORNING)
    assert open_ids("2026-11-24T10:00") == expected
    assert open_ids("2026-11-24T09:00:00Z") == expected
    assert open_ids("2026-11-24T03:00:00Z") != expected


def test_a_closed_day_exception_wins_over_the_weekly_hours(demo_data, client):
    closed = OpeningException.objects.filter(
        date=datetime.date(2026, 12, 24), is_closed=True, service_at_location__isnull=False
    ).values_list("service_at_location__service", flat=True)
    service = next(
        s
        for s in Service.objects.published().filter(pk__in=closed).order_by("sort_name", "pk")
        if s.service_at_locations.count() == 1
        and not s.openingrules.exists()
        and s.service_at_locations.get().openingrules.filter(
            weekday=3, opens__lte=datetime.time(10), closes__gt=datetime.time(10)
        )
    )
    assert get(client, f"services/{service.pk}", at="2026-12-17T10:00:00+01:00")["open_now"]
    assert not get(client, f"services/{service.pk}", at=CHRISTMAS_EVE)["open_now"]


def test_service_filters_match_the_portals_search(demo_data, client):
    situation = LifeSituation.objects.get(slug="dluhy")
    found = 0
    for district in Area.objects.filter(level=AreaLevel.CITY_DISTRICT).order_by("code"):
        result = get(client, "services", district=district.code, situation="dluhy")
        assert result["total_items"] == count(SearchParams(district=district, situation=situation))
        found += result["total_items"]
    assert found > 0


def test_texts_come_in_the_language_asked_for(demo_data, client):
    situation = get(client, "life_situations/dluhy", lang="en")
    assert situation["name"] == "I have debts I cannot repay"
    assert get(client, "life_situations/dluhy")["name"] == "Mám dluhy a nezvládám splácet"


def test_districts_with_population_counts_and_optional_outline(demo_data, client):
    districts = all_items(client, "districts")
    areas = Area.objects.filter(level=AreaLevel.CITY_DISTRICT)
    assert {d["code"] for d in districts} == set(areas.values_list("code", flat=True))
    assert all("geometry" not in d for d in districts)
    for item in districts[:5]:
        area = areas.get(code=item["code"])
        assert item["population"] == area.population
        assert item["services"] == get(client, "services", district=item["code"])["total_items"]
    assert sum(d["services"] for d in districts) >= Service.objects.published().count() - 5
    outlined = get(client, f"districts/{districts[0]['code']}", geometry="true")
    assert outlined["geometry"]["type"] in ("Polygon", "MultiPolygon")
    get(client, "districts/999999", status=404)


def test_life_situations_are_the_active_ones_with_what_helps(demo_data, client):
    items = all_items(client, "life_situations")
    assert [i["slug"] for i in items] == list(
        LifeSituation.objects.filter(is_active=True).values_list("slug", flat=True)
    )
    debts = next(i for i in items if i["slug"] == "dluhy")
    assert "§37" in {t["section"] for t in debts["service_types"]}
    assert debts["services"] == get(client, "services", situation="dluhy")["total_items"] > 0
    assert debts["links"]["services"].endswith("/api/v1/services?situation=dluhy")
    LifeSituation.objects.filter(slug="dluhy").update(is_active=False)
    assert "dluhy" not in {i["slug"] for i in all_items(client, "life_situations")}
    get(client, "life_situations/dluhy", status=404)


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"per_page": "0"}, "per_page must be between 1 and 500"),
        ({"page": "first"}, "page must be a whole number"),
        ({"open_now": "maybe"}, "open_now must be true or false"),
        ({"at": "tomorrow"}, "at must be an ISO 8601 date-time"),
        ({"at": "1800-01-01T10:00"}, "between the years 1900 and 2100"),
        ({"district": "999999"}, "No district has the code '999999'"),
        ({"situation": "xyz"}, "No situation has the slug 'xyz'"),
        ({"form": "online"}, "form must be one of residential, outpatient, field"),
        ({"lang": "de"}, "lang must be one of cs, en, uk, ru, vi, ar"),
        ({"format": "xml"}, "format must be json or ndjson"),
    ],
)
def test_a_bad_parameter_gets_a_400_that_says_what_to_fix(demo_data, client, params, words):
    assert words in get(client, "services", status=400, **params)["error"]


def test_lists_stream_as_ndjson(demo_data, client):
    response = client.get(BASE + "life_situations", {"format": "ndjson"})
    assert response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == LifeSituation.objects.filter(is_active=True).count()
