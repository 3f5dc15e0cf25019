"""Read rpss.json into plain, validated records (no database access).

Every record that cannot be imported faithfully becomes a ``Rejection`` naming the record and
saying, in one plain sentence per problem, what to fix. Smaller gaps that do not make the
record wrong (an unusable phone number, a facility without an address) are ``Notice``s: the
record is imported without that piece.

Personal data is never read: the provider's statutory bodies (``statutarniOrgany``) and the
heads of facilities are skipped by construction, because only named keys are copied.
"""

import datetime
import json
import re
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from socioinfo.directory.models import CapacityUnit
from socioinfo.directory.registry.addresses import (
    raw_record_regions,
    read_facilities,
    regions_of,
)
from socioinfo.directory.registry.records import (
    CAPACITY_LABEL_CS,
    CAPACITY_PRIORITY,
    CAPACITY_UNIT_BY_CODE,
    FORM_BY_CODE,
    NOTE_LENGTH,
    SERVICE_ID_LENGTH,
    CodedItem,
    Contact,
    FormOffer,
    Notice,
    ParseResult,
    Provider,
    Rejection,
    ServiceRecord,
    code_of,
    lenient_date,
    text_of,
)
from socioinfo.directory.validators import is_valid_ico, normalize_ico, validate_phone


class RegistryFileError(Exception):
    """The file cannot be read as a registry file at all (missing, not JSON, wrong shape)."""


def load_registry_file(path: Path) -> Any:
    """The decoded JSON of ``path``; RegistryFileError says what is wrong with the file."""
    try:
        with path.open(encoding="utf-8-sig") as fh:
            document = json.load(fh)
    except FileNotFoundError as exc:
        raise RegistryFileError(
            _("The file %(path)s does not exist; give the path of the downloaded rpss.json.")
            % {"path": path}
        ) from exc
    except IsADirectoryError as exc:
        raise RegistryFileError(
            _("%(path)s is a directory; give the path of the rpss.json file.") % {"path": path}
        ) from exc
    except UnicodeDecodeError as exc:
        raise RegistryFileError(
            _("The file %(path)s is not UTF-8 text; download rpss.json again.") % {"path": path}
        ) from exc
    except json.JSONDecodeError as exc:
        raise RegistryFileError(
            _(
                "The file %(path)s is not valid JSON: %(error)s at line %(line)d, column "
                "%(column)d. The download is probably incomplete; download it again."
            )
            % {"path": path, "error": exc.msg, "line": exc.lineno, "column": exc.colno}
        ) from exc
    check_structure(document)
    return document


def check_structure(document: Any) -> None:
    """Raise RegistryFileError unless the document is {"polozky": [...]}."""
    if not isinstance(document, dict) or not isinstance(document.get("polozky"), list):
        raise RegistryFileError(
            _(
                "The file is JSON but not the registry of social services: it must be an "
                "object whose key “polozky” holds the list of services."
            )
        )


def parse_registry(
    document: Any,
    *,
    service_type_codes: Collection[str],
    region: str | None = None,
    today: datetime.date | None = None,
) -> ParseResult:
    """Validate every record of the registry document.

    Records of other regions (when ``region`` is given) and services that ended before
    ``today`` are counted and left out; every other record is either a ServiceRecord or a
    Rejection.
    """
    check_structure(document)
    today = today or datetime.date.today()
    result = ParseResult()
    seen: set[str] = set()
    type_codes = set(service_type_codes)
    for index, raw in enumerate(document["polozky"]):
        label = record_label(raw, index)
        if not isinstance(raw, dict):
            result.rejections.append(
                Rejection(
                    label,
                    _(
                        "The record is not a JSON object; each item of “polozky” must be an "
                        "object describing one service."
                    ),
                )
            )
            continue
        if region and (found := raw_record_regions(raw)) and region not in found:
            result.skipped_other_region += 1
            continue
        end = lenient_date(raw.get("datumPoskytovaniDo"))
        if end is not None and end < today:
            result.skipped_ended += 1
            continue
        reader = _RecordReader(today, type_codes, region)
        record = reader.read(raw)
        result.notices.extend(Notice(label, message) for message in reader.notices)
        if record is not None and record.registry_id in seen:
            reader.problems.append(
                _(
                    "The identifier “%(value)s” is also used by an earlier record; each "
                    "service needs its own identifier, so correct one of them."
                )
                % {"value": record.registry_id}
            )
            record = None
        if record is None:
            result.rejections.append(Rejection(label, " ".join(reader.problems)))
            continue
        seen.add(record.registry_id)
        if region and region not in record.regions:
            result.skipped_other_region += 1
        else:
            result.services.append(record)
    return result


def record_label(raw: Any, index: int) -> str:
    """How messages name a record: its registry identifier, else its id, else its position."""
    if isinstance(raw, dict):
        for key in ("identifikator", "id", "portalId"):
            value = raw.get(key)
            if isinstance(value, str | int) and str(value).strip():
                return str(value).strip()
    return _("record no. %(number)d") % {"number": index + 1}


class _RecordReader:
    """Reads one record, collecting every problem so one run reports all of them."""

    def __init__(self, today: datetime.date, service_types: set[str], region: str | None):
        self.today = today
        self.service_types = service_types
        self.region = region
        self.problems: list[str] = []
        self.notices: list[str] = []

    def read(self, raw: dict[str, Any]) -> ServiceRecord | None:
        registry_id = text_of(raw.get("identifikator"))
        if not registry_id:
            self.problems.append(
                _(
                    "The record has no “identifikator” (the registry identifier of the "
                    "service); add it, since the next import matches the service by it."
                )
            )
        elif len(registry_id) > SERVICE_ID_LENGTH:
            self.problems.append(
                _("The identifier “%(value)s” is longer than %(max)d characters; check it.")
                % {"value": registry_id, "max": SERVICE_ID_LENGTH}
            )
        service_type = self._service_type(raw.get("druhSocialniSluzby"))
        provider = self._provider(raw.get("poskytovatel"))
        valid_from = self._date(raw, "datumPoskytovaniOd")
        valid_to = self._date(raw, "datumPoskytovaniDo")
        if valid_from and valid_to and valid_to < valid_from:
            self.problems.append(
                _(
                    "The service ends (“datumPoskytovaniDo” %(end)s) before it starts "
                    "(“datumPoskytovaniOd” %(start)s); correct one of the dates."
                )
                % {"end": valid_to, "start": valid_from}
            )
        forms = self._forms(raw.get("formy"))
        facilities = read_facilities(
            raw.get("zarizeni"), today=self.today, region=self.region, notices=self.notices
        )
        target_groups = self._coded_items(raw.get("ciloveSkupiny"), "cilovaSkupina")
        age_groups = self._coded_items(raw.get("vekoveSkupiny"), "vekovaSkupina")
        contacts = self._contacts(raw)
        if self.problems or provider is None:
            return None
        name = text_of(raw.get("nazev")) or next((f.name for f in facilities if f.name), "")
        return ServiceRecord(
            registry_id=registry_id,
            name=name[:300],
            service_type_code=service_type,
            provider=provider,
            valid_from=valid_from,
            valid_to=valid_to,
            forms=forms,
            facilities=facilities,
            target_groups=target_groups,
            age_groups=age_groups,
            contacts=contacts,
            contact_regions=frozenset(regions_of(raw.get("kontaktniAdresy"))),
        )

    def _service_type(self, value: Any) -> str:
        code = code_of(value)
        if not code:
            self.problems.append(
                _(
                    "The record has no service type (“druhSocialniSluzby.id”, e.g. "
                    "DruhSocialniSluzby/1); add it."
                )
            )
        elif code not in self.service_types:
            self.problems.append(
                _(
                    "The service type “%(code)s” is not in our code list of service types; "
                    "correct the code, or add the type with this registry code to "
                    "data/social_services/druhy_socialnich_sluzeb.csv."
                )
                % {"code": code}
            )
        return code

    def _provider(self, value: Any) -> Provider | None:
        if not isinstance(value, dict):
            self.problems.append(
                _("The record has no provider (“poskytovatel”); add the provider's IČO and name.")
            )
            return None
        name = text_of(value.get("nazev"))
        if not name:
            self.problems.append(
                _("The provider has no name (“poskytovatel.nazev”); add the provider's name.")
            )
        registry_id = code_of(value.get("id"))[:50]
        raw_ico = text_of(value.get("ico"))
        ico = normalize_ico(raw_ico)
        if not ico and not registry_id:
            self.problems.append(
                _(
                    "The provider has neither an IČO (“poskytovatel.ico”) nor a registry id; "
                    "add the IČO so the provider can be matched on the next import."
                )
            )
        elif ico and not (len(ico) == 8 and ico.isdigit()):
            self.problems.append(
                _("The provider's IČO “%(value)s” must be 8 digits; correct it.")
                % {"value": raw_ico}
            )
        elif ico and not is_valid_ico(ico):
            self.problems.append(
                _(
                    "The provider's IČO “%(value)s” fails the checksum; check it for a "
                    "mistyped digit."
                )
                % {"value": raw_ico}
            )
        if self.problems:
            return None
        regions = regions_of(value.get("adresa"))
        return Provider(
            ico=ico,
            registry_id=registry_id,
            name=name[:300],
            contacts=self._contacts(value),
            region=min(regions) if regions else None,
        )

    def _date(self, raw: dict[str, Any], key: str) -> datetime.date | None:
        value = raw.get(key)
        if value in (None, ""):
            return None
        parsed = lenient_date(value)
        if parsed is None:
            self.problems.append(
                _("“%(field)s” is “%(value)s”, which is not a date; write it as YYYY-MM-DD.")
                % {"field": key, "value": value}
            )
        return parsed

    def _forms(self, value: Any) -> tuple[FormOffer, ...]:
        if value in (None, []):
            return ()
        if not isinstance(value, list):
            self.problems.append(_("“formy” must be a list of forms of provision; correct it."))
            return ()
        offers: dict[str, FormOffer] = {}
        for item in value:
            code = code_of(item.get("forma")) if isinstance(item, dict) else ""
            form = FORM_BY_CODE.get(code)
            if form is None:
                self.problems.append(
                    _(
                        "The form of provision “%(code)s” is unknown; use "
                        "FormaSocialniSluzby/pob, /amb or /ter."
                    )
                    % {"code": code or "—"}
                )
                continue
            if form in offers:
                self.problems.append(
                    _("The form “%(code)s” is listed twice; merge the two entries.")
                    % {"code": code}
                )
                continue
            offers[form] = self._form_offer(form, item)
        return tuple(offers[f] for f in sorted(offers))

    def _form_offer(self, form: str, item: dict[str, Any]) -> FormOffer:
        capacities: list[tuple[str, int, str]] = []
        raw_capacities = item.get("kapacity") or []
        if not isinstance(raw_capacities, list):
            raw_capacities = [raw_capacities]
        for capacity in raw_capacities:
            code = code_of(capacity.get("typ")) if isinstance(capacity, dict) else ""
            unit = CAPACITY_UNIT_BY_CODE.get(code)
            if unit is None:
                self.problems.append(
                    _(
                        "The capacity type “%(code)s” is unknown; use one of "
                        "TypKapacitySocialniSluzby/klient, kontakt, interv, luzka or hovor."
                    )
                    % {"code": code or "—"}
                )
                continue
            count = capacity.get("pocet")
            if count is None:
                continue
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                self.problems.append(
                    _("The capacity “%(value)s” is not a whole number of 0 or more; correct it.")
                    % {"value": count}
                )
                continue
            capacities.append((unit, count, text_of(capacity.get("popis"))))
        capacities.sort(key=lambda c: CAPACITY_PRIORITY.index(CapacityUnit(c[0])))
        notes = [
            description or f"{CAPACITY_LABEL_CS[CapacityUnit(unit)]}: {count}"
            for position, (unit, count, description) in enumerate(capacities)
            if description or position > 0
        ]
        note = " ".join(notes)
        if len(note) > NOTE_LENGTH:
            note = note[: NOTE_LENGTH - 1].rstrip() + "…"
        primary = capacities[0] if capacities else None
        return FormOffer(
            form=form,
            continuous=item.get("nepretrzitePoskytovani") is True,
            capacity=primary[1] if primary else None,
            capacity_unit=primary[0] if primary else "",
            capacity_note=note,
        )

    def _coded_items(self, value: Any, inner_key: str) -> tuple[CodedItem, ...]:
        items = []
        for item in value if isinstance(value, list) else []:
            ref = item.get(inner_key, item) if isinstance(item, dict) else item
            code = code_of(ref)
            name = text_of(ref.get("nazev")) if isinstance(ref, dict) else ""
            if code or name:
                items.append(CodedItem(code=code, name=name))
        return tuple(dict.fromkeys(items))

    def _contacts(self, owner: dict[str, Any]) -> tuple[Contact, ...]:
        contacts: list[Contact] = []
        for key, inner, kind, notice in (
            (
                "telefony",
                "telefon",
                "phone",
                _("The phone number “%(value)s” is not valid and was left out."),
            ),
            (
                "emaily",
                "email",
                "email",
                _("The e-mail address “%(value)s” is not valid and was left out."),
            ),
            ("weby", "web", "web", _("The web address “%(value)s” is not valid and was left out.")),
        ):
            for item in owner.get(key) or []:
                value = text_of(item.get(inner)) if isinstance(item, dict) else ""
                if not value:
                    continue
                cleaned = _clean_contact(kind, value)
                if cleaned is None:
                    self.notices.append(notice % {"value": value})
                    continue
                contact = Contact(kind, cleaned, text_of(item.get("poznamka"))[:NOTE_LENGTH])
                if all((c.kind, c.value.lower()) != (kind, cleaned.lower()) for c in contacts):
                    contacts.append(contact)
        return tuple(contacts)


def _clean_contact(kind: str, value: str) -> str | None:
    if kind == "web" and not re.match(r"^https?://", value, re.IGNORECASE):
        value = f"http://{value}"
    validators: dict[str, Callable[[str], None]] = {
        "phone": validate_phone,
        "email": validate_email,
        "web": URLValidator(schemes=["http", "https"]),
    }
    validator = validators[kind]
    if len(value) > NOTE_LENGTH:
        return None
    try:
        validator(value)
    except ValidationError:
        return None
    return value
