"""Turning what people type into "near …" into a point, without any online geocoder.

Tried in order: a city district or municipality name ("Bystrc", "Brno-Líšeň", "Blansko"), a
public-transport stop ("Mendlovo náměstí"), a street with services on it, and a street of
the city's street register (placed at its district). Each answer says what it matched, so
the page can tell people where "near" is.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Avg

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.areas.places import Stop, stops, street_register
from socioinfo.areas.selectors import area_index
from socioinfo.core.text import unaccent
from socioinfo.directory.models import Location
from socioinfo.search.engine import PerVersion


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
    """Stop name → (name, latitude, longitude), averaged over the stop's positions."""
    grouped: dict[str, list[Stop]] = {}
    for stop in stops():
        grouped.setdefault(_key(stop.name), []).append(stop)
    return {
        key: (
            found[0].name,
            sum(s.lat for s in found) / len(found),
            sum(s.lon for s in found) / len(found),
        )
        for key, found in grouped.items()
    }


_resolved = PerVersion(limit=2000)


def resolve_place(text: str) -> Place | None:
    """The place for what was typed; answers are kept until the directory changes."""
    return _resolved.get(_key(text or ""), lambda: _resolve(text))  # type: ignore[no-any-return]


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
    district_name = street_register().city_district_name(key)
    if district_name:
        district = Area.objects.filter(name=district_name, level=AreaLevel.CITY_DISTRICT).first()
        if district is not None:
            place = _area_point(district)
            return Place(f"{text.strip()} ({district.name})", place.latitude, place.longitude)
    return None
