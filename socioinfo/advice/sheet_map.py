"""A small map for the referral sheet, drawn on the server as SVG: the outlines of the city
districts where the services are and a numbered point for each place. No tiles, no script,
so it prints and travels by e-mail."""

import math
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SIZE = 320
PAD = 12


def _rings(geometry: dict[str, Any]) -> list[list[tuple[float, float]]]:
    kind = geometry.get("type")
    if kind == "Polygon":
        return [list(map(tuple, ring)) for ring in geometry["coordinates"]]
    if kind == "MultiPolygon":
        return [list(map(tuple, ring)) for polygon in geometry["coordinates"] for ring in polygon]
    return []


def district_map_svg(
    outlines: Iterable[dict[str, Any]], points: Sequence[tuple[float, float, str]], title: str
) -> SafeString:
    """SVG of the outlines (GeoJSON geometries, WGS 84) and the points (lat, lon, label)."""
    rings = [ring for geometry in outlines for ring in _rings(geometry)]
    lons = [x for ring in rings for x, _y in ring] + [lon for _lat, lon, _l in points]
    lats = [y for ring in rings for _x, y in ring] + [lat for lat, _lon, _l in points]
    if not lons:
        return mark_safe("")  # noqa: S308 - empty
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    squeeze = math.cos(math.radians((north + south) / 2))
    span_x = max((east - west) * squeeze, 1e-4)
    span_y = max(north - south, 1e-4)
    # The longer side gets SIZE units; the view box follows the shape of what is drawn.
    scale = (SIZE - 2 * PAD) / max(span_x, span_y)
    width = span_x * scale + 2 * PAD
    height = span_y * scale + 2 * PAD

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return PAD + (lon - west) * squeeze * scale, height - PAD - (lat - south) * scale

    paths = []
    for ring in rings:
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(lon, lat) for lon, lat in ring))
        paths.append(f'<polygon points="{coords}" class="district"></polygon>')
    marks = []
    for lat, lon, label in points:
        x, y = xy(lon, lat)
        marks.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="9" class="place"></circle>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" class="place-label">'
            f"{escape(label)}</text>"
        )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'class="sheet-map" role="img" aria-labelledby="sheet-map-title">'
        f'<title id="sheet-map-title">{escape(title)}</title>'
        "<style>.district{fill:#eef3f8;stroke:#44546a;stroke-width:1}"
        ".place{fill:#b3261e;stroke:#fff;stroke-width:2}"
        ".place-label{fill:#fff;font:bold 11px sans-serif}</style>"
        + "".join(paths)
        + "".join(marks)
        + "</svg>"
    )
    return mark_safe(svg)  # noqa: S308 - labels and title are escaped
