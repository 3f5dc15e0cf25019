"""The plain records the registry file is read into, the registry's code tables and the
small readers of its values."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from socioinfo.directory.models import CapacityUnit, ServiceForm

# The registry's region code ("Kraj/116", the RÚIAN code of the region) → NUTS 3.
NUTS3_BY_REGION_CODE = {
    "19": "CZ010",  # Hlavní město Praha
    "27": "CZ020",  # Středočeský
    "35": "CZ031",  # Jihočeský
    "43": "CZ032",  # Plzeňský
    "51": "CZ041",  # Karlovarský
    "60": "CZ042",  # Ústecký
    "78": "CZ051",  # Liberecký
    "86": "CZ052",  # Královéhradecký
    "94": "CZ053",  # Pardubický
    "108": "CZ063",  # Vysočina
    "116": "CZ064",  # Jihomoravský
    "124": "CZ071",  # Olomoucký
    "132": "CZ080",  # Moravskoslezský
    "141": "CZ072",  # Zlínský
}
NUTS3_CODES = frozenset(NUTS3_BY_REGION_CODE.values())

FORM_BY_CODE = {
    "FormaSocialniSluzby/pob": ServiceForm.RESIDENTIAL,
    "FormaSocialniSluzby/amb": ServiceForm.OUTPATIENT,
    "FormaSocialniSluzby/ter": ServiceForm.FIELD,
}
CAPACITY_UNIT_BY_CODE = {
    "TypKapacitySocialniSluzby/klient": CapacityUnit.CLIENTS,
    "TypKapacitySocialniSluzby/kontakt": CapacityUnit.CONTACTS,
    "TypKapacitySocialniSluzby/interv": CapacityUnit.INTERVENTIONS,
    "TypKapacitySocialniSluzby/luzka": CapacityUnit.BEDS,
    "TypKapacitySocialniSluzby/hovor": CapacityUnit.CALLS,
}
# A form has one capacity in our model; when the registry gives several, the first unit in
# this order is kept as the number and the others go into the note.
CAPACITY_PRIORITY = (
    CapacityUnit.BEDS,
    CapacityUnit.CLIENTS,
    CapacityUnit.INTERVENTIONS,
    CapacityUnit.CONTACTS,
    CapacityUnit.CALLS,
)
# Czech names from data/social_services/typy_kapacity.csv, for notes (content is Czech).
CAPACITY_LABEL_CS = {
    CapacityUnit.CLIENTS: "Počet klientů",
    CapacityUnit.CONTACTS: "Počet kontaktů (10 min. jednání)",
    CapacityUnit.INTERVENTIONS: "Počet intervencí (30 min. jednání)",
    CapacityUnit.BEDS: "Počet lůžek",
    CapacityUnit.CALLS: "Počet hovorů",
}
EVIDENCE_NUMBER_TYPE = "TypStavebnihoObjektu/2"  # číslo evidenční, written "ev. č."
NOTE_LENGTH = 300
SERVICE_ID_LENGTH = 20
FACILITY_KEY_LENGTH = 50


@dataclass(frozen=True)
class Rejection:
    record_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.record_id}: {self.reason}"


@dataclass(frozen=True)
class Notice:
    """Something left out of an otherwise valid record."""

    record_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.record_id}: {self.message}"


@dataclass(frozen=True)
class Contact:
    kind: str  # a ContactKind value
    value: str
    note: str = ""


@dataclass(frozen=True)
class Provider:
    ico: str
    registry_id: str
    name: str
    contacts: tuple[Contact, ...] = ()
    region: str | None = None

    @property
    def key(self) -> str:
        return f"ico:{self.ico}" if self.ico else f"id:{self.registry_id}"

    @property
    def website(self) -> str:
        return next((c.value for c in self.contacts if c.kind == "web"), "")


@dataclass(frozen=True)
class FormOffer:
    form: str  # a ServiceForm value
    continuous: bool
    capacity: int | None
    capacity_unit: str  # a CapacityUnit value or ""
    capacity_note: str


@dataclass(frozen=True)
class Address:
    street: str
    house_number: str
    postcode: str
    municipality_code: str
    municipality_name: str
    address_point_code: str
    city_district_code: str
    region: str | None


@dataclass(frozen=True)
class Facility:
    key: str
    name: str
    address: Address | None


@dataclass(frozen=True)
class CodedItem:
    """A code-list entry as the registry gives it: its code and, when present, its name."""

    code: str
    name: str


@dataclass(frozen=True)
class ServiceRecord:
    registry_id: str
    name: str
    service_type_code: str
    provider: Provider
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    forms: tuple[FormOffer, ...]
    facilities: tuple[Facility, ...]
    target_groups: tuple[CodedItem, ...]
    age_groups: tuple[CodedItem, ...]
    contacts: tuple[Contact, ...]
    contact_regions: frozenset[str] = frozenset()

    @property
    def regions(self) -> set[str]:
        """Regions of the facilities; without facilities, of the provider's address, else of
        the contact addresses."""
        found = {f.address.region for f in self.facilities if f.address and f.address.region}
        if not found and self.provider.region:
            found.add(self.provider.region)
        return found or set(self.contact_regions)


@dataclass
class ParseResult:
    services: list[ServiceRecord] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    skipped_other_region: int = 0
    skipped_ended: int = 0


def code_of(value: Any) -> str:
    """The code of a code-list reference ({"id": "Kraj/116"} or "Kraj/116"), or ""."""
    if isinstance(value, dict):
        value = value.get("id")
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value).strip()
    return ""


def text_of(value: Any) -> str:
    """Text given as a string, a number or {"cs": "…"}, with spaces tidied; "" otherwise."""
    if isinstance(value, dict):
        value = value.get("cs")
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return ""


def lenient_date(value: Any) -> datetime.date | None:
    """A date from "2016-09-01" (a time after it is ignored); None when it is not one."""
    try:
        return datetime.date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None
