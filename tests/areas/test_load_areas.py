"""The real boundaries load into the area hierarchy with their official codes."""

import pytest

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.areas.selectors import area_for_point, brno_city_districts
from socioinfo.areas.services import load_areas

pytestmark = pytest.mark.django_db

BRNO_DISTRICT_CODES = {
    "550973",
    "550990",
    "551007",
    "551031",
    "551058",
    "551066",
    "551074",
    "551082",
    "551091",
    "551112",
    "551147",
    "551171",
    "551198",
    "551210",
    "551228",
    "551236",
    "551244",
    "551252",
    "551279",
    "551287",
    "551295",
    "551309",
    "551317",
    "551325",
    "551368",
    "551376",
    "551406",
    "551422",
    "551431",
}


def test_brno_has_its_29_city_districts_with_official_codes():
    codes = set(brno_city_districts().values_list("code", flat=True))
    assert codes == BRNO_DISTRICT_CODES


def test_freedom_square_resolves_to_brno_stred():
    area = area_for_point(49.1951, 16.6080)
    assert area is not None
    assert (area.code, area.name) == ("550973", "Brno-střed")


def test_hierarchy_runs_from_region_to_city_district():
    stred = Area.objects.get(level=AreaLevel.CITY_DISTRICT, code="550973")
    brno = stred.parent
    okres = brno.parent
    region = okres.parent
    assert (brno.code, okres.code, region.code) == ("582786", "CZ0642", "CZ064")
    assert region.parent is None
    assert brno.orp.code == "6203"


def test_south_moravian_okresy_and_orp_are_loaded():
    assert Area.objects.filter(level=AreaLevel.DISTRICT).count() == 7
    assert Area.objects.filter(level=AreaLevel.ORP).count() == 21


def test_okres_blansko_has_116_municipalities_split_between_two_orp():
    municipalities = Area.objects.filter(level=AreaLevel.MUNICIPALITY, parent__code="CZ0641")
    assert municipalities.count() == 116
    by_orp = {
        name: municipalities.filter(orp__name=name).count() for name in ("Blansko", "Boskovice")
    }
    assert by_orp == {"Blansko": 43, "Boskovice": 73}


def test_point_in_blansko_town_resolves_to_the_municipality():
    area = area_for_point(49.3631, 16.6445, AreaLevel.MUNICIPALITY)  # Blansko, town square
    assert area is not None and area.code == "581283"


def test_reloading_areas_creates_nothing_new():
    before = Area.objects.count()
    report = load_areas()
    assert report.created == 0
    assert Area.objects.count() == before


def test_district_population_comes_from_the_city_report():
    assert Area.objects.get(level=AreaLevel.CITY_DISTRICT, code="551287").population == 25002
