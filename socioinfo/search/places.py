"""Turning what people type into "near …" into a point, without any online geocoder.

Tried in order: a city district or municipality name ("Bystrc", "Brno-Líšeň", "Blansko"), a
public-transport stop ("Mendlovo náměstí"), a street with services on it, and a street of
the city's street register (placed at its district). Each answer says what it matched, so
the page can tell people where "near" is.
"""

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db.models import Avg

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.areas.selectors import area_index
from socioinfo.core.text import unaccent
from socioinfo.directory.models import Location


@dataclass(frozen=True)
class Place:
    label: str
    latitude: float
    longitude: float


def _key(text: str) -> str:
    text = unaccent(text).strip()
    text = re.sub(r"\s+\d+[a-z]?(/\d+[a-z]?)?$", "", text)  # drop a house number
    return re.sub(r"^brno[\s-]+", "", re.sub(r"\s+", " ", text))


def _area_point(area: Area) -> Place:
    lon, lat = area_index(area.level).representative_point(area.pk)
    return Place(area.name, lat, lon)


@lru_cache(maxsize=1)
def _stops() -> dict[str, tuple[str, float, float]]:
    path = Path(settings.DATA_DIR) / "transport" / "brno_mhd_zastavky_osm_stop_positions.geojson"
    grouped: dict[str, list[tuple[str, float, float]]] = {}
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        name = feature["properties"]["name"]
        lon, lat = feature["geometry"]["coordinates"]
        grouped.setdefault(_key(name), []).append((name, lat, lon))
    return {
        key: (rows[0][0], sum(r[1] for r in rows) / len(rows), sum(r[2] for r in rows) / len(rows))
        for key, rows in grouped.items()
    }


@lru_cache(maxsize=1)
def _register() -> dict[str, str]:
    """Street → city district name, for streets wholly in one district."""
    path = Path(settings.DATA_DIR) / "admin_codes" / "brno_ulice_mestske_casti_ku_2011.csv"
    with path.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    districts: dict[str, set[str]] = {}
    for row in rows:
        districts.setdefault(_key(row["Ulice"]), set()).add("Brno-" + row["Městská část"])
    return {street: next(iter(names)) for street, names in districts.items() if len(names) == 1}


_resolved: dict[tuple[str, int], Place | None] = {}


def resolve_place(text: str) -> Place | None:
    """The place for what was typed; answers are kept until the directory changes."""
    from socioinfo.search.engine import current_version

    cache_key = (_key(text or ""), current_version())
    if cache_key not in _resolved:
        if len(_resolved) > 2000:
            _resolved.clear()
        _resolved[cache_key] = _resolve(text)
    return _resolved[cache_key]


def _resolve(text: str) -> Place | None:
    key = _key(text or "")
    if len(key) < 2:
        return None
    for area in Area.objects.filter(
        level__in=[AreaLevel.CITY_DISTRICT, AreaLevel.MUNICIPALITY]
    ).defer("geometry"):
        if _key(area.name) == key:
            return _area_point(area)
    stop = _stops().get(key)
    if stop is not None:
        return Place(stop[0], stop[1], stop[2])
    for location in Location.objects.filter(latitude__isnull=False).values("street").distinct():
        if location["street"] and _key(location["street"]) == key:
            point = Location.objects.filter(street=location["street"]).aggregate(
                lat=Avg("latitude"), lon=Avg("longitude")
            )
            return Place(location["street"], point["lat"], point["lon"])
    district_name = _register().get(key)
    if district_name:
        district = Area.objects.filter(name=district_name, level=AreaLevel.CITY_DISTRICT).first()
        if district is not None:
            place = _area_point(district)
            return Place(f"{text.strip()} ({district.name})", place.latitude, place.longitude)
    return None
