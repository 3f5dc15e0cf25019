"""Point → area lookup on plain geometries (no database)."""

import json

from django.conf import settings

from socioinfo.areas.geometry import AreaIndex


def brno_index() -> AreaIndex:
    path = settings.DATA_DIR / "boundaries" / "brno_mestske_casti_29_arccr500.geojson"
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return AreaIndex((f["properties"]["KOD_MOaMC"], f["geometry"]) for f in features)


def test_freedom_square_is_in_brno_stred():
    assert brno_index().locate(16.6080, 49.1951) == "550973"


def test_known_points_resolve_to_their_districts():
    index = brno_index()
    known = {
        (16.5790, 49.2263): "551007",  # Královo Pole, Palackého třída near the tram depot
        (16.6838, 49.2093): "551287",  # Líšeň, Jírova
        (16.5017, 49.2270): "551198",  # Bystrc, Brno Dam area
        (16.5690, 49.1773): "551082",  # Bohunice, university campus
    }
    for (lon, lat), code in known.items():
        assert index.locate(lon, lat) == code, (lon, lat)


def test_point_outside_brno_resolves_to_nothing():
    assert brno_index().locate(14.4213, 50.0875) is None  # Prague, Old Town Square


def test_locate_many_matches_locate_one_by_one():
    index = brno_index()
    lons = [16.6080, 16.6838, 14.4213, 16.5690]
    lats = [49.1951, 49.2093, 50.0875, 49.1773]
    assert index.locate_many(lons, lats) == [
        index.locate(x, y) for x, y in zip(lons, lats, strict=True)
    ]


def test_representative_point_lies_inside_its_area():
    index = brno_index()
    lon, lat = index.representative_point("551422")
    assert index.locate(lon, lat) == "551422"
