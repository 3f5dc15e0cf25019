"""Changing areas: loading the real boundaries shipped in data/boundaries."""

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from django.conf import settings
from django.db import transaction
from shapely.geometry import mapping

from socioinfo.areas.geometry import geometry_from_geojson
from socioinfo.areas.models import Area, AreaLevel

REGION_JMK: dict[str, Any] = {
    "code": "CZ064",
    "name": "Jihomoravský kraj",
    "other_codes": {"kraj": "3115"},
}
BRNO = {"code": "582786", "name": "Brno", "okres": "CZ0642", "orp": "6203"}


@dataclass
class AreaLoadReport:
    created: int = 0
    updated: int = 0

    def count(self, created: bool) -> None:
        if created:
            self.created += 1
        else:
            self.updated += 1


def _features(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)["features"]


def _union(geojsons: list[dict[str, Any]]) -> dict[str, Any]:
    merged = shapely.union_all([geometry_from_geojson(g) for g in geojsons])
    return mapping(merged)


def _save(report: AreaLoadReport, level: str, code: str, **fields: Any) -> Area:
    area, created = Area.objects.update_or_create(level=level, code=code, defaults=fields)
    report.count(created)
    return area


@transaction.atomic
def load_areas(data_dir: Path | None = None) -> AreaLoadReport:
    """Create or update the South Moravian region, its okresy and ORP, Brno with its 29 city
    districts and okres Blansko's 116 municipalities from the shipped files.

    Idempotent: areas are matched by level and official code; nothing is deleted.
    """
    base = (data_dir or settings.DATA_DIR) / "boundaries"
    report = AreaLoadReport()
    okresy = _features(base / "jmk_okresy_7.geojson")
    region = _save(
        report,
        AreaLevel.REGION,
        REGION_JMK["code"],
        name=REGION_JMK["name"],
        other_codes=REGION_JMK["other_codes"],
        parent=None,
        geometry=_union([f["geometry"] for f in okresy]),
    )
    okres_by_lau = {}
    for f in okresy:
        p = f["properties"]
        okres_by_lau[p["KOD_LAU1"]] = _save(
            report,
            AreaLevel.DISTRICT,
            p["KOD_LAU1"],
            name=p["NAZ_LAU1"],
            parent=region,
            other_codes={"okres": p["KOD_OKRES"]},
            geometry=f["geometry"],
        )
    orp_by_code = {}
    for f in _features(base / "jmk_orp_21.geojson"):
        p = f["properties"]
        orp_by_code[p["KOD_ORP"]] = _save(
            report,
            AreaLevel.ORP,
            p["KOD_ORP"],
            name=p["NAZ_ORP"],
            parent=region,
            other_codes={"ruian": p["KOD_RUIAN"], "okres_lau1": p["KOD_LAU1"]},
            geometry=f["geometry"],
        )
    _load_brno(report, base.parent, okres_by_lau, orp_by_code)
    _load_blansko(report, base, okres_by_lau, orp_by_code)
    return report


def _load_brno(report, data_dir, okres_by_lau, orp_by_code) -> None:
    districts = _features(data_dir / "boundaries" / "brno_mestske_casti_29_arccr500.geojson")
    population = {}
    with (data_dir / "population" / "brno_mc_obyvatele_2018.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            population[row["kod_momc"]] = int(row["obyvatele"])
    brno = _save(
        report,
        AreaLevel.MUNICIPALITY,
        BRNO["code"],
        name=BRNO["name"],
        parent=okres_by_lau[BRNO["okres"]],
        orp=orp_by_code.get(BRNO["orp"]),
        geometry=_union([f["geometry"] for f in districts]),
        population=sum(population.values()) or None,
        population_year=2018,
    )
    for f in districts:
        p = f["properties"]
        _save(
            report,
            AreaLevel.CITY_DISTRICT,
            p["KOD_MOaMC"],
            name=p["NAZ_MOaMC"],
            parent=brno,
            other_codes={"zuj": p["KOD_ZUJ"]},
            geometry=f["geometry"],
            population=population.get(p["KOD_MOaMC"]),
            population_year=2018,
        )


def _load_blansko(report, base, okres_by_lau, orp_by_code) -> None:
    for f in _features(base / "blansko_okres_obce_116_osm.geojson"):
        p = f["properties"]
        pop = p.get("population_osm")
        _save(
            report,
            AreaLevel.MUNICIPALITY,
            p["kod_obce"],
            name=p["name"],
            parent=okres_by_lau[p["kod_okresu_lau1"]],
            orp=orp_by_code.get(p["kod_orp"]),
            other_codes={"osm": p["id"], "wikidata": p.get("wikidata", "")},
            geometry=f["geometry"],
            population=int(pop) if pop else None,
            population_year=2019 if pop else None,
        )
