"""Brno's street register and public-transport stops (files in data/), read once per process:
the registry import and the demo place addresses by them, search resolves "near …" with them."""

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

from socioinfo.core.text import unaccent

STREET_REGISTER = Path("admin_codes") / "brno_ulice_mestske_casti_ku_2011.csv"
STOPS = Path("transport") / "brno_mhd_zastavky_osm_stop_positions.geojson"


def street_key(street: str) -> str:
    """Streets compare without case, diacritics or extra spaces."""
    return " ".join(unaccent(street).split())


class StreetRegister:
    """Brno's street register: which city district a street lies in. A street split between
    districts answers nothing rather than a guess."""

    def __init__(self, rows: Iterable[Mapping[str, str]]):
        districts: dict[str, set[str]] = {}
        names: dict[str, str] = {}
        for row in rows:
            street = (row.get("Ulice") or "").strip()
            district = (row.get("Městská část") or "").strip()
            if street and district:
                districts.setdefault(street_key(street), set()).add(f"Brno-{district}")
                names[street_key(street)] = street
        self._districts = districts
        self._names = names

    @classmethod
    def from_file(cls, path: Path | None = None) -> "StreetRegister":
        path = path or Path(settings.DATA_DIR) / STREET_REGISTER
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return cls(csv.DictReader(fh))

    def city_district_name(self, street: str) -> str | None:
        """The official name of the street's city district ("Brno-střed"), or None."""
        found = self._districts.get(street_key(street), set())
        return next(iter(found)) if len(found) == 1 else None

    def streets_in(self, district_name: str) -> list[str]:
        """The streets that lie wholly in the district, sorted."""
        return sorted(
            self._names[key] for key, found in self._districts.items() if found == {district_name}
        )


@cache
def street_register() -> StreetRegister:
    return StreetRegister.from_file()


@dataclass(frozen=True)
class Stop:
    name: str
    lon: float
    lat: float
    lines: str
    modes: str
    district_code: str


@cache
def stops() -> tuple[Stop, ...]:
    """Brno's public-transport stop positions (OpenStreetMap) with their city district."""
    path = Path(settings.DATA_DIR) / STOPS
    found = []
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        props = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"]
        found.append(
            Stop(
                props["name"],
                lon,
                lat,
                props.get("lines") or "",
                props.get("modes") or "",
                props.get("kod_momc") or "",
            )
        )
    return tuple(found)
