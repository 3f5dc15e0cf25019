"""Reading areas: lookups by code and point → area."""

from functools import lru_cache

from django.db.models import QuerySet

from socioinfo.areas.geometry import AreaIndex
from socioinfo.areas.models import Area, AreaLevel

BRNO_CODE = "582786"


def areas_at_level(level: str) -> QuerySet[Area]:
    """All areas of one level, in a stable order."""
    return Area.objects.filter(level=level).order_by("code")


def brno_city_districts() -> QuerySet[Area]:
    """Brno's 29 city districts (městské části)."""
    return areas_at_level(AreaLevel.CITY_DISTRICT).filter(parent__code=BRNO_CODE)


@lru_cache(maxsize=16)
def area_index(level: str) -> AreaIndex:
    """A cached spatial index of one level's areas, keyed by area id.

    Cleared by ``clear_area_index_cache()`` whenever an area is saved or deleted.
    """
    rows = areas_at_level(level).exclude(geometry=None).values_list("id", "geometry")
    return AreaIndex((area_id, geometry) for area_id, geometry in rows if geometry)


def clear_area_index_cache() -> None:
    area_index.cache_clear()


def area_for_point(lat: float, lon: float, level: str = AreaLevel.CITY_DISTRICT) -> Area | None:
    """The area of ``level`` holding the point, or None when it lies outside all of them."""
    area_id = area_index(level).locate(lon, lat)
    if area_id is None:
        return None
    return Area.objects.defer("geometry").get(pk=str(area_id))
