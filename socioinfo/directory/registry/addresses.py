"""Where a registry record is: facility addresses, facility keys and regions (no database).

Only named address keys are copied; a facility's head (a person) is never read.
"""

import datetime
import hashlib
import re
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from socioinfo.directory.registry.records import (
    EVIDENCE_NUMBER_TYPE,
    FACILITY_KEY_LENGTH,
    NUTS3_BY_REGION_CODE,
    Address,
    Facility,
    code_of,
    lenient_date,
    text_of,
)


def nuts3_of(region_ref: Any) -> str | None:
    """NUTS 3 of a registry region reference ({"id": "Kraj/116"} → "CZ064")."""
    code = code_of(region_ref)
    return NUTS3_BY_REGION_CODE.get(code.rpartition("/")[2]) if code else None


def address_dicts(value: Any) -> Iterable[dict[str, Any]]:
    """Addresses found under a key that holds an address, a wrapper or a list of them."""
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, dict):
            yield item["adresa"] if isinstance(item.get("adresa"), dict) else item


def regions_of(value: Any) -> set[str]:
    return {r for address in address_dicts(value) if (r := nuts3_of(address.get("kraj")))}


def raw_record_regions(raw: dict[str, Any]) -> set[str]:
    """Regions of a record before it is validated: of its facilities, else of the provider's
    and the contact addresses. Lenient, so records of other regions are left out unread."""
    facilities = raw.get("zarizeni")
    found = set()
    for facility in facilities if isinstance(facilities, list) else []:
        if isinstance(facility, dict):
            found |= regions_of(facility.get("adresa"))
    if not found:
        provider = raw.get("poskytovatel")
        if isinstance(provider, dict):
            found |= regions_of(provider.get("adresa"))
        found |= regions_of(raw.get("kontaktniAdresy"))
    return found


def read_facilities(
    value: Any, *, today: datetime.date, region: str | None, notices: list[str]
) -> tuple[Facility, ...]:
    """The record's current facilities with an address (of ``region`` when given), one per
    facility key; a facility without a public address is noted and left out."""
    facilities: dict[str, Facility] = {}
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        start = lenient_date(item.get("poskytujeOd"))
        end = lenient_date(item.get("poskytujeDo"))
        if (end and end < today) or (start and start > today):
            continue
        name = text_of(item.get("nazev"))
        address = read_address(item.get("adresa"))
        if address is None:
            notices.append(
                _("The facility “%(name)s” has no public address, so no location is made for it.")
                % {"name": name or "—"}
            )
            continue
        if region and address.region and address.region != region:
            continue
        key = facility_key(item, name, address)
        facilities.setdefault(key, Facility(key=key, name=name[:300], address=address))
    return tuple(facilities.values())


def read_address(value: Any) -> Address | None:
    if not isinstance(value, dict):
        return None
    street_ref = value.get("ulice")
    street = text_of(street_ref.get("nazev") if isinstance(street_ref, dict) else street_ref)
    municipality = value.get("obec")
    code = code_of(municipality).rpartition("/")[2]
    house = house_number(value)
    if not (street or house or code):
        return None
    address_point = code_of(value.get("kodAdresnihoMista"))
    return Address(
        street=street[:200],
        house_number=house[:20],
        postcode=re.sub(r"\s+", "", text_of(value.get("psc")))[:6],
        municipality_code=code,
        municipality_name=text_of(municipality.get("nazev"))
        if isinstance(municipality, dict)
        else "",
        address_point_code=address_point if address_point.isdigit() else "",
        city_district_code=code_of(value.get("mestskyObvodMestskaCast")).rpartition("/")[2],
        region=nuts3_of(value.get("kraj")),
    )


def house_number(address: dict[str, Any]) -> str:
    """ "1035/12a" from the house number, the orientation number and its letter."""
    house = text_of(address.get("cisloDomovni"))
    if house and code_of(address.get("typCislaDomovniho")) == EVIDENCE_NUMBER_TYPE:
        house = f"ev. č. {house}"
    orientation = text_of(address.get("cisloOrientacni")) + text_of(
        address.get("znakCislaOrientacniho")
    )
    return "/".join(part for part in (house, orientation) if part)


def facility_key(item: dict[str, Any], name: str, address: Address) -> str:
    """A stable key for a facility within its provider: the registry's own id when the file
    has one, else the RÚIAN address point, else a digest of the name and the address."""
    own = code_of(item.get("id"))
    if own:
        return own[:FACILITY_KEY_LENGTH]
    if address.address_point_code:
        return f"ADM/{address.address_point_code}"
    text = "|".join(
        (name.lower(), address.street.lower(), address.house_number, address.municipality_code)
    )
    return "NOADM/" + hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:16]
