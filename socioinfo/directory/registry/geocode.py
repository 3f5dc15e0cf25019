"""Placing registry facilities, which come without coordinates.

First choice: the RÚIAN address point named by the facility's ``kodAdresnihoMista``, read from
ČÚZK's address-point CSV (Windows-1250, ``;``-separated, one file per municipality, also as
the ZIP of all of them). Its S-JTSK coordinates are stored as positive numbers; negated they
are EPSG:5514 and go to WGS 84 through pyproj. Where there is no point: the city district code
the registry gives, then the Brno street register (street → city district).
"""

import csv
import io
import zipfile
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _
from pyproj import Transformer
from pyproj.aoi import AreaOfInterest

from socioinfo.areas.models import Area, AreaLevel
from socioinfo.areas.places import StreetRegister
from socioinfo.areas.places import street_register as street_register_of_brno
from socioinfo.areas.selectors import BRNO_CODE
from socioinfo.directory.registry.records import Address

ENCODING = "cp1250"
COLUMNS = {
    "code": "Kód ADM",
    "municipality_code": "Kód obce",
    "municipality_name": "Název obce",
    "city_district_code": "Kód MOMC",
    "part_name": "Název části obce",
    "street": "Název ulice",
    "y": "Souřadnice Y",
    "x": "Souřadnice X",
}
# Czechia with a margin: a point outside means the file's coordinates are not what we expect.
LATITUDES = (48.4, 51.2)
LONGITUDES = (11.9, 19.0)


class AddressFileError(Exception):
    """The address-point file cannot be read; the message says what to do."""


@dataclass(frozen=True)
class AddressPoint:
    code: str
    municipality_code: str
    municipality_name: str
    city_district_code: str
    part_name: str
    street: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class Placement:
    """Where a facility is: its point if known, and areas found without a point."""

    latitude: float | None = None
    longitude: float | None = None
    street: str = ""
    municipality_name: str = ""
    city_district: Area | None = None
    municipality: Area | None = None
    # "address point", "city district code", "street register", "municipality code" or ""
    method: str = ""

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@cache
def _to_wgs84() -> Transformer:
    # The area of interest pins PROJ to the same operation for Czechia on every machine.
    return Transformer.from_crs(
        "EPSG:5514",
        "EPSG:4326",
        always_xy=True,
        # pyproj's stub names a private class for the same NamedTuple
        area_of_interest=AreaOfInterest(12.09, 48.55, 18.86, 51.06),  # type: ignore[arg-type]
    )


def sjtsk_to_wgs84(y: float, x: float) -> tuple[float, float]:
    """(latitude, longitude) of a RÚIAN point given as the file's positive Y and X."""
    lon, lat = _to_wgs84().transform(-abs(y), -abs(x))
    return lat, lon


def read_address_points(
    paths: Iterable[Path], wanted: Collection[str] | None = None
) -> dict[str, AddressPoint]:
    """Address points by their code from RÚIAN CSV files (or ZIPs of them); with ``wanted``,
    only those codes are kept, so the file of the whole country fits in memory."""
    points: dict[str, AddressPoint] = {}
    for path in paths:
        for name, text in _csv_texts(path):
            points.update(_read_csv(name, text, wanted))
    return points


def _csv_texts(path: Path) -> Iterator[tuple[str, io.TextIOBase]]:
    if not path.is_file():
        raise AddressFileError(
            _("The address-point file %(path)s does not exist; give the RÚIAN CSV or its ZIP.")
            % {"path": path}
        )
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as bundle:
            for member in bundle.namelist():
                if member.lower().endswith(".csv"):
                    with bundle.open(member) as raw:
                        yield f"{path}:{member}", io.TextIOWrapper(raw, encoding=ENCODING)
        return
    with path.open(encoding=ENCODING, newline="") as fh:
        yield str(path), fh


def _read_csv(
    name: str, text: io.TextIOBase, wanted: Collection[str] | None
) -> Iterator[tuple[str, AddressPoint]]:
    try:
        reader = csv.DictReader(text, delimiter=";")
        missing = [c for c in COLUMNS.values() if c not in (reader.fieldnames or [])]
        if missing:
            raise AddressFileError(
                _(
                    "%(file)s lacks the columns %(columns)s; give ČÚZK's RÚIAN address-point "
                    "CSV (Windows-1250, separated by semicolons)."
                )
                % {"file": name, "columns": ", ".join(missing)}
            )
        for row in reader:
            code = (row[COLUMNS["code"]] or "").strip()
            if not code or (wanted is not None and code not in wanted):
                continue
            latitude, longitude = _point(row)
            yield (
                code,
                AddressPoint(
                    code=code,
                    municipality_code=(row[COLUMNS["municipality_code"]] or "").strip(),
                    municipality_name=(row[COLUMNS["municipality_name"]] or "").strip(),
                    city_district_code=(row[COLUMNS["city_district_code"]] or "").strip(),
                    part_name=(row[COLUMNS["part_name"]] or "").strip(),
                    street=(row[COLUMNS["street"]] or "").strip(),
                    latitude=latitude,
                    longitude=longitude,
                ),
            )
    except UnicodeDecodeError as exc:
        raise AddressFileError(
            _("%(file)s is not Windows-1250 text; give the RÚIAN CSV as ČÚZK publishes it.")
            % {"file": name}
        ) from exc


def _point(row: dict[str, str]) -> tuple[float | None, float | None]:
    try:
        y = float((row[COLUMNS["y"]] or "").replace(",", ".").strip())
        x = float((row[COLUMNS["x"]] or "").replace(",", ".").strip())
    except ValueError:
        return None, None
    latitude, longitude = sjtsk_to_wgs84(y, x)
    if not (
        LATITUDES[0] <= latitude <= LATITUDES[1] and LONGITUDES[0] <= longitude <= LONGITUDES[1]
    ):
        return None, None
    return latitude, longitude


class Geocoder:
    """Places registry addresses using the areas in the database."""

    def __init__(
        self,
        address_points: Mapping[str, AddressPoint] | None = None,
        street_register: StreetRegister | None = None,
    ):
        self.address_points = address_points or {}
        self.street_register = street_register or street_register_of_brno()
        districts = list(Area.objects.filter(level=AreaLevel.CITY_DISTRICT))
        self._district_by_code = {a.code: a for a in districts}
        self._district_by_name = {a.name.casefold(): a for a in districts}
        self._municipality_by_code = {
            a.code: a for a in Area.objects.filter(level=AreaLevel.MUNICIPALITY)
        }

    def place(self, address: Address) -> Placement:
        point = self.address_points.get(address.address_point_code)
        municipality_code = address.municipality_code or (point.municipality_code if point else "")
        municipality = self._municipality_by_code.get(municipality_code)
        municipality_name = (
            (municipality.name if municipality else "")
            or (point.municipality_name if point else "")
            or address.municipality_name
        )
        street = address.street or (point.street or point.part_name if point else "")
        if point and point.latitude is not None and point.longitude is not None:
            return Placement(
                latitude=point.latitude,
                longitude=point.longitude,
                street=street,
                municipality_name=municipality_name,
                municipality=municipality,
                method="address point",
            )
        district_code = address.city_district_code or (point.city_district_code if point else "")
        district = self._district_by_code.get(district_code)
        method = "city district code" if district else ""
        if district is None and street and municipality_code == BRNO_CODE:
            name = self.street_register.city_district_name(street)
            district = self._district_by_name.get(name.casefold()) if name else None
            method = "street register" if district else ""
        municipality = municipality or (district.parent if district else None)
        if not method and municipality:
            method = "municipality code"
        return Placement(
            street=street,
            municipality_name=municipality_name,
            city_district=district,
            municipality=municipality,
            method=method,
        )
