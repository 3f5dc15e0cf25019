"""Point → area lookup on plain GeoJSON geometries (no ORM), so it is unit-tested and
benchmarked on its own.

Polygons go into a shapely STRtree; a query first narrows candidates by bounding box in the
tree, then tests exact containment against the prepared polygons (prepared geometries make
the point-in-polygon test an order of magnitude faster; see docs/benchmarks.md). A point on
a shared border belongs to the first area given (callers pass areas in a stable order).
"""

from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.validation import make_valid


def geometry_from_geojson(geojson: dict[str, Any]) -> shapely.Geometry:
    """A valid shapely geometry from a GeoJSON geometry (or Feature) dict."""
    if geojson.get("type") == "Feature":
        geojson = geojson["geometry"]
    geom = shape(geojson)
    if not geom.is_valid:
        geom = make_valid(geom)
    return geom


class AreaIndex:
    """Answers "which area holds this point?" for a fixed set of areas."""

    def __init__(self, areas: Iterable[tuple[Hashable, dict[str, Any]]]):
        keys: list[Hashable] = []
        geoms: list[shapely.Geometry] = []
        for key, geojson in areas:
            keys.append(key)
            geoms.append(geometry_from_geojson(geojson))
        self._keys = keys
        self._geoms = np.array(geoms, dtype=object)
        shapely.prepare(self._geoms)
        self._tree = shapely.STRtree(self._geoms)

    def __len__(self) -> int:
        return len(self._keys)

    def locate(self, lon: float, lat: float) -> Hashable | None:
        """The key of the area containing the point (WGS 84 lon/lat), or None."""
        point = shapely.Point(lon, lat)
        # The tree narrows by bounding box; the exact test then runs on the prepared polygon
        # (a tree predicate would test the point against the polygon, unprepared).
        for index in sorted(self._tree.query(point)):
            if shapely.intersects(self._geoms[index], point):
                return self._keys[int(index)]
        return None

    def locate_many(
        self, lons: Sequence[float] | np.ndarray, lats: Sequence[float] | np.ndarray
    ) -> list[Hashable | None]:
        """Keys for many points at once (vectorised; much faster than a loop of locate())."""
        points = shapely.points(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
        point_idx, area_idx = self._tree.query(points)
        inside = shapely.intersects(self._geoms[area_idx], points[point_idx])
        point_idx, area_idx = point_idx[inside], area_idx[inside]
        first = np.full(len(points), len(self._keys), dtype=np.int64)
        np.minimum.at(first, point_idx, area_idx)
        return [self._keys[i] if i < len(self._keys) else None for i in first.tolist()]

    def representative_point(self, key: Hashable) -> tuple[float, float]:
        """A (lon, lat) point guaranteed to lie inside the area."""
        point = self._geoms[self._keys.index(key)].representative_point()
        return point.x, point.y

    def contains(self, key: Hashable, lon: float, lat: float) -> bool:
        """Whether the area with this key holds the point."""
        geom = self._geoms[self._keys.index(key)]
        return bool(shapely.intersects(geom, shapely.Point(lon, lat)))


EARTH_RADIUS_M = 6_371_000.0


def great_circle_m(
    latitude: float, longitude: float, latitudes: np.ndarray, longitudes: np.ndarray
) -> np.ndarray:
    """Metres from one point to each of many (haversine on a sphere of the Earth's mean
    radius): what "near" means for search and the API."""
    lat = np.radians(latitudes)
    p = np.radians(latitude)
    a = (
        np.sin((lat - p) / 2) ** 2
        + np.cos(p) * np.cos(lat) * np.sin(np.radians(longitudes - longitude) / 2) ** 2
    )
    result: np.ndarray = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(a))
    return result
