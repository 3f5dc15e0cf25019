"""Writing the registry into the directory: all or nothing, and idempotent.

Organisations are matched by IČO (else registry id), services by their registry identifier,
locations by the facility key within their organisation. A record is saved only when
something in it differs, so a second run of the same file writes nothing. Registry services
missing from the file (or from the region asked for) become inactive; nothing is deleted.
"""

import datetime
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from socioinfo.areas.places import StreetRegister
from socioinfo.directory.models import (
    AgeGroup,
    ContactPoint,
    Location,
    Organisation,
    RecordSource,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
    ServiceStatus,
    ServiceType,
    TargetGroup,
)
from socioinfo.directory.registry.geocode import Geocoder, read_address_points
from socioinfo.directory.registry.parser import parse_registry
from socioinfo.directory.registry.records import (
    CodedItem,
    Contact,
    Facility,
    Notice,
    Provider,
    Rejection,
    ServiceRecord,
)
from socioinfo.directory.services import resolve_location_areas
from socioinfo.search.indexer import index_services, indexing_paused

LOCATION_FIELDS = (
    "name",
    "street",
    "house_number",
    "city",
    "postcode",
    "address_point_code",
    "latitude",
    "longitude",
    "city_district_id",
    "municipality_id",
)
FORM_FIELDS = ("capacity", "capacity_unit", "capacity_note", "continuous")


@dataclass
class EntityCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def count(self, created: bool, changed: bool) -> None:
        if created:
            self.created += 1
        elif changed:
            self.updated += 1
        else:
            self.unchanged += 1


@dataclass
class ImportReport:
    """What an import did (or, in a dry run or on rejection, would have done)."""

    services: EntityCounts = field(default_factory=EntityCounts)
    organisations: EntityCounts = field(default_factory=EntityCounts)
    locations: EntityCounts = field(default_factory=EntityCounts)
    deactivated: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    skipped_other_region: int = 0
    skipped_ended: int = 0
    placements: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False

    @property
    def created(self) -> int:
        return self.services.created + self.organisations.created + self.locations.created

    @property
    def updated(self) -> int:
        return self.services.updated + self.organisations.updated + self.locations.updated

    @property
    def unchanged(self) -> int:
        return self.services.unchanged + self.organisations.unchanged + self.locations.unchanged

    @property
    def rejected(self) -> int:
        return len(self.rejections)


class ImportRejected(Exception):
    """At least one record was rejected; nothing was written. ``report.rejections`` lists them."""

    def __init__(self, report: ImportReport):
        super().__init__(
            _("%(count)d records were rejected; nothing was imported.") % {"count": report.rejected}
        )
        self.report = report


def import_rpss(
    document: Any,
    *,
    region: str | None = None,
    address_files: Sequence[Path] = (),
    street_register: StreetRegister | None = None,
    dry_run: bool = False,
    today: datetime.date | None = None,
    progress: bool = False,
) -> ImportReport:
    """Bring the registry's services (of ``region``, a NUTS 3 code, when given) into the
    directory in one transaction, placing facilities with the RÚIAN ``address_files``.

    Raises ImportRejected, having written nothing, when any record is invalid; a dry run
    rolls everything back but returns the complete report."""
    service_types = {
        t.registry_code: t for t in ServiceType.objects.exclude(registry_code="").order_by()
    }
    parsed = parse_registry(
        document, service_type_codes=service_types.keys(), region=region, today=today
    )
    report = ImportReport(
        rejections=list(parsed.rejections),
        notices=list(parsed.notices),
        skipped_other_region=parsed.skipped_other_region,
        skipped_ended=parsed.skipped_ended,
        dry_run=dry_run,
    )
    if report.rejections:
        raise ImportRejected(report)
    wanted = {
        f.address.address_point_code
        for record in parsed.services
        for f in record.facilities
        if f.address and f.address.address_point_code
    }
    address_points = read_address_points(address_files, wanted) if address_files else {}
    writer = _Writer(report, service_types, Geocoder(address_points, street_register))
    # Search terms are rebuilt once for the imported services, not on every save.
    with indexing_paused(), transaction.atomic():
        records: Iterable[ServiceRecord] = parsed.services
        if progress:
            records = tqdm(
                parsed.services, desc="RPSS", unit=" services", file=sys.stderr, disable=None
            )
        for record in records:
            try:
                with transaction.atomic():
                    writer.write(record)
            except (ValidationError, IntegrityError) as error:
                report.rejections.append(Rejection(record.registry_id, _join_messages(error)))
                writer.forget()  # rows of the rolled-back record must not be reused
        if report.rejections:
            raise ImportRejected(report)
        report.deactivated = _deactivate_missing({r.registry_id for r in parsed.services})
        writer.report_unmapped_codes()
        if dry_run:
            transaction.set_rollback(True)
        else:
            index_services(
                Service.objects.filter(source=RecordSource.REGISTRY).values_list("pk", flat=True)
            )
    return report


def _join_messages(error: ValidationError | IntegrityError) -> str:
    if isinstance(error, IntegrityError):
        return _("The database refused the record: %(error)s") % {"error": error}
    if hasattr(error, "error_dict"):
        return " ".join(f"{name}: {' '.join(msgs)}" for name, msgs in error.message_dict.items())
    return " ".join(error.messages)


def _deactivate_missing(imported: set[str]) -> int:
    """Registry services no longer in the import become inactive, with a history row each."""
    stale = Service.objects.filter(source=RecordSource.REGISTRY).exclude(
        status=ServiceStatus.INACTIVE
    )
    count = 0
    for service in stale.iterator():
        if service.registry_id in imported:
            continue
        service.status = ServiceStatus.INACTIVE
        service.save(update_fields=["status", "updated_at"])
        count += 1
    return count


def _assign(obj: models.Model, values: dict[str, Any]) -> bool:
    """Set the attributes that differ; True when any did."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


class _Writer:
    def __init__(
        self, report: ImportReport, service_types: dict[str, ServiceType], geocoder: Geocoder
    ):
        self.report = report
        self.service_types = service_types
        self.geocoder = geocoder
        self.organisations: dict[str, Organisation] = {}
        self.locations: dict[tuple[Any, str], Location] = {}
        self.target_groups = list(TargetGroup.objects.all())
        self.age_groups = list(AgeGroup.objects.all())
        self.unmapped: dict[tuple[str, CodedItem], set[str]] = {}

    def forget(self) -> None:
        self.organisations.clear()
        self.locations.clear()

    def write(self, record: ServiceRecord) -> None:
        organisation = self.organisation(record.provider)
        service = Service.objects.filter(registry_id=record.registry_id).first()
        created = service is None
        service_type = self.service_types[record.service_type_code]
        if service is None:
            service = Service(
                registry_id=record.registry_id,
                source=RecordSource.REGISTRY,
                status=ServiceStatus.ACTIVE,
                name=record.name or f"{service_type.name} – {record.provider.name}"[:300],
            )
        changed = _assign(
            service,
            {
                "organisation_id": organisation.pk,
                "service_type_id": service_type.pk,
                "valid_from": record.valid_from,
                "valid_to": record.valid_to,
            },
        )
        if not service.name:
            service.name = record.name or service_type.name
            changed = True
        if service.status == ServiceStatus.INACTIVE:
            service.status = ServiceStatus.ACTIVE
            changed = True
        if created or changed:
            service.full_clean()
            service.save()
        changed |= self._groups(service, "target_groups", record, record.target_groups)
        changed |= self._groups(service, "age_groups", record, record.age_groups)
        changed |= self._forms(service, record)
        changed |= self._service_locations(service, organisation, record.facilities)
        changed |= _add_contacts(service.contacts.all(), record.contacts, service=service)
        self.report.services.count(created, changed)

    def organisation(self, provider: Provider) -> Organisation:
        if provider.key in self.organisations:
            return self.organisations[provider.key]
        organisation = None
        if provider.ico:
            organisation = Organisation.objects.filter(ico=provider.ico).first()
        if organisation is None and provider.registry_id:
            organisation = Organisation.objects.filter(registry_id=provider.registry_id).first()
        created = organisation is None
        if organisation is None:
            organisation = Organisation(source=RecordSource.REGISTRY)
        values: dict[str, Any] = {"ico": provider.ico or organisation.ico}
        if organisation.source == RecordSource.REGISTRY:
            values.update(name=provider.name, registry_id=provider.registry_id)
            if provider.website:
                values["website"] = provider.website
        else:  # entered by staff: only fill what they left empty
            if not organisation.registry_id:
                values["registry_id"] = provider.registry_id
            if not organisation.website:
                values["website"] = provider.website
        changed = _assign(organisation, values)
        if created or changed:
            organisation.full_clean()
            organisation.save()
        changed |= _add_contacts(
            organisation.contacts.all(), provider.contacts, organisation=organisation
        )
        self.report.organisations.count(created, changed)
        self.organisations[provider.key] = organisation
        return organisation

    def location(self, organisation: Organisation, facility: Facility, record_id: str) -> Location:
        cache_key = (organisation.pk, facility.key)
        if cache_key in self.locations:
            return self.locations[cache_key]
        location = Location.objects.filter(
            organisation=organisation, registry_id=facility.key
        ).first()
        created = location is None
        if location is None:
            location = Location(
                organisation=organisation, registry_id=facility.key, source=RecordSource.REGISTRY
            )
        before = {name: getattr(location, name) for name in LOCATION_FIELDS}
        address = facility.address
        assert address is not None  # the parser keeps only facilities with an address
        placement = self.geocoder.place(address)
        location.name = facility.name
        location.street = placement.street
        location.house_number = address.house_number
        location.postcode = address.postcode
        location.city = placement.municipality_name or (location.city if not created else "")
        if not location.city:  # content is Czech, like every text field of the directory
            location.city = f"obec {address.municipality_code or '?'}"
            self.report.notices.append(
                Notice(
                    record_id,
                    _(
                        "The name of municipality %(code)s is unknown; pass --addresses with "
                        "the RÚIAN address points of that municipality to fill it in."
                    )
                    % {"code": address.municipality_code or "?"},
                )
            )
        if placement.has_point:
            location.latitude, location.longitude = placement.latitude, placement.longitude
        elif location.address_point_code != address.address_point_code:
            location.latitude = location.longitude = None  # the facility moved; old point is wrong
        location.address_point_code = address.address_point_code
        if location.latitude is not None and location.longitude is not None:
            resolve_location_areas(location)
            self.report.placements["address point" if placement.has_point else "kept point"] += 1
        else:
            location.city_district = placement.city_district
            location.municipality = placement.municipality
            self.report.placements[placement.method or "not placed"] += 1
        if location.city_district is None and placement.city_district is not None:
            location.city_district = placement.city_district
        if location.municipality is None and placement.municipality is not None:
            location.municipality = placement.municipality
        changed = before != {name: getattr(location, name) for name in LOCATION_FIELDS}
        if created or changed:
            location.full_clean()
            location.save()
        self.report.locations.count(created, changed)
        self.locations[cache_key] = location
        return location

    def _service_locations(
        self, service: Service, organisation: Organisation, facilities: Iterable[Facility]
    ) -> bool:
        record_id = service.registry_id
        wanted: dict[Any, str] = {}
        for facility in facilities:
            location = self.location(organisation, facility, record_id)
            wanted.setdefault(location.pk, facility.name if facility.name != location.name else "")
        changed = False
        existing = service.service_at_locations.select_related("location")
        for link in existing:
            if link.location_id in wanted:
                note = wanted.pop(link.location_id)
                if link.note != note:
                    link.note = note
                    link.save()
                    changed = True
            elif link.location.source == RecordSource.REGISTRY:
                link.delete()
                changed = True
        for location_id, note in wanted.items():
            ServiceAtLocation.objects.create(service=service, location_id=location_id, note=note)
            changed = True
        return changed

    def _forms(self, service: Service, record: ServiceRecord) -> bool:
        existing = {offer.form: offer for offer in service.forms.all()}
        changed = False
        for offer in record.forms:
            values = {name: getattr(offer, name) for name in FORM_FIELDS}
            current = existing.pop(offer.form, None)
            if current is None:
                ServiceFormOffer.objects.create(service=service, form=offer.form, **values)
                changed = True
            elif _assign(current, values):
                current.save()
                changed = True
        for stale in existing.values():
            stale.delete()
            changed = True
        return changed

    def _groups(
        self, service: Service, name: str, record: ServiceRecord, items: Iterable[CodedItem]
    ) -> bool:
        """Set target or age groups to the registry's, when at least one of them is in our
        code list; otherwise leave what staff entered."""
        choices: list[Any] = self.target_groups if name == "target_groups" else self.age_groups
        wanted = set()
        for item in items:
            match = _match_group(choices, item)
            if match is None:
                self.unmapped.setdefault((name, item), set()).add(record.registry_id)
            else:
                wanted.add(match.pk)
        manager = getattr(service, name)
        if not wanted or wanted == set(manager.values_list("pk", flat=True)):
            return False
        manager.set(wanted)
        return True

    def report_unmapped_codes(self) -> None:
        messages = {
            "target_groups": _(
                "The target group “%(code)s” is not in our code list and was left out; give "
                "the target group this registry code to import it."
            ),
            "age_groups": _(
                "The age group “%(code)s” is not in our code list and was left out; add it to "
                "import it."
            ),
        }
        for (name, item), services in sorted(self.unmapped.items(), key=lambda e: str(e[0])):
            code = " ".join(part for part in (item.code, item.name) if part)
            self.report.notices.append(
                Notice(", ".join(sorted(services)), messages[name] % {"code": code})
            )


def _match_group(choices: list[Any], item: CodedItem) -> Any:
    for choice in choices:
        if item.code and getattr(choice, "registry_code", "") == item.code:
            return choice
    if item.name:
        for choice in choices:
            if choice.name.casefold() == item.name.casefold():
                return choice
    return None


def _add_contacts(
    existing: Iterable[ContactPoint], contacts: Iterable[Contact], **owner: Any
) -> bool:
    """Add the registry's contacts that are missing. Contacts are never removed or edited
    here, since nothing tells a registry contact from one staff added."""
    known = {(c.kind, c.value.strip().casefold()) for c in existing}
    added = False
    for order, contact in enumerate(contacts):
        if (contact.kind, contact.value.casefold()) in known:
            continue
        point = ContactPoint(
            kind=contact.kind, value=contact.value, note=contact.note, order=order, **owner
        )
        point.full_clean()
        point.save()
        known.add((contact.kind, contact.value.casefold()))
        added = True
    return added
