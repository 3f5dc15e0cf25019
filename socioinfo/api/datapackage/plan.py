"""From checked tables to the directory records an import will write (unsaved), with every
problem those records would have: unknown taxonomy terms, areas or languages, hours we cannot
keep, values a model refuses. The database is only read: code lists, areas, and the IČO and
registry ids already taken."""

import uuid
from collections import defaultdict
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from socioinfo.api.datapackage import profile
from socioinfo.api.datapackage.checks import check_records, check_unique
from socioinfo.api.datapackage.contacts import ContactsReader
from socioinfo.api.datapackage.reader import Problems, Row, Table
from socioinfo.api.datapackage.records import Plan, Planned
from socioinfo.api.datapackage.schedules import HoursReader
from socioinfo.api.datapackage.writer import RPSS_SCHEME
from socioinfo.areas.models import Area
from socioinfo.directory.models import (
    Language,
    LegalForm,
    Location,
    Organisation,
    RecordSource,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
    ServiceStatus,
)

FREE = "zdarma"  # what the API writes as fees_description of a free service without fees


class Planner(ContactsReader, HoursReader):
    """Builds the plan of an import: ``Planner(tables, problems).build()``."""

    def __init__(self, tables: dict[str, Table], problems: Problems):
        super().__init__(tables, problems)
        self.legal_forms = {value: value for value in LegalForm.values}
        for language in ("en", "cs"):
            with translation.override(language):
                self.legal_forms.update({str(label): value for value, label in LegalForm.choices})

    def build(self) -> Plan:
        self._attributes()
        self._organisations()
        self._locations()
        self._services()
        self._contacts()
        check_records(self.plan.records(), self.problems)
        check_unique(self.plan.organisations, self.plan.services, self.problems)
        return self.plan

    # ------------------------------------------------------------------ organisations

    def _organisations(self) -> None:
        identifiers: dict[str, list[Row]] = defaultdict(list)
        for row in self.rows("organization_identifier"):
            identifiers[row.get("organization_id")].append(row)
        for row in self.rows("organization"):
            oid = row.get("id")
            if oid is None:
                continue
            obj = Organisation(
                id=uuid.UUID(oid),
                name=row.get("name", ""),
                description=row.get("description", ""),
                website=row.get("website", ""),
                source=RecordSource.MANUAL,
                is_active=True,
            )
            planned = Planned(obj, (self.file("organization"), row.number, ""))
            planned.fields_from.update(
                {
                    name: (self.file("organization"), row.number, column)
                    for name, column in (
                        ("name", "name"),
                        ("description", "description"),
                        ("website", "website"),
                        ("legal_form", "legal_status"),
                    )
                }
            )
            status = row.get("legal_status")
            if status:
                if status in self.legal_forms:
                    obj.legal_form = self.legal_forms[status]
                else:
                    self.problem(
                        "organization",
                        row,
                        "legal_status",
                        _("“%(value)s” is not a legal form Socioinfo knows; write one of: %(all)s.")
                        % {
                            "value": status,
                            "all": ", ".join(str(label) for _v, label in LegalForm.choices),
                        },
                    )
            for identifier in identifiers.get(oid, []):
                self._identifier(planned, identifier)
            fields = self._field_values("organization", oid)
            self._set_field(planned, fields, "source")
            self._set_field(planned, fields, "is_active")
            self._translated(planned, fields)
            planned.relations["email"] = row.get("email")
            self.plan.organisations.append(planned)

    def _identifier(self, planned: Planned, row: Row) -> None:
        scheme = row.get("identifier_scheme", "")
        where = (self.file("organization_identifier"), row.number, "identifier")
        if scheme == "CZ-ICO" or row.get("identifier_type") == "IČO":
            target = "ico"
        elif scheme == RPSS_SCHEME:
            target = "registry_id"
        else:
            self.plan.notices.append(
                _("%(file)s, row %(row)d: identifier scheme “%(scheme)s” is not kept.")
                % {"file": where[0], "row": row.number, "scheme": scheme}
            )
            return
        if target in planned.fields_from and planned.fields_from[target][0] == where[0]:
            self.problem(
                "organization_identifier",
                row,
                "identifier",
                _("The organisation already has this kind of identifier in row %(row)d.")
                % {"row": planned.fields_from[target][1]},
            )
            return
        setattr(planned.obj, target, row.get("identifier", ""))
        planned.fields_from[target] = where

    # ------------------------------------------------------------------ locations

    def _locations(self) -> None:
        addresses: dict[str, list[Row]] = defaultdict(list)
        for row in self.rows("address"):
            if row.get("location_id"):
                addresses[row.get("location_id")].append(row)
        accessibility: dict[str, Row] = {}
        for row in self.rows("accessibility"):
            accessibility.setdefault(row.get("location_id"), row)
        for row in self.rows("location"):
            lid = row.get("id")
            if lid is None:
                continue
            if row.get("organization_id") is None:
                if "organization_id" in row.failed:
                    continue
                self.problem(
                    "location",
                    row,
                    "organization_id",
                    _(
                        "Socioinfo keeps every location under an organisation; give the id of "
                        "the organisation it belongs to."
                    ),
                )
                continue
            file = self.file("location")
            obj = Location(
                id=uuid.UUID(lid),
                organisation_id=uuid.UUID(row.get("organization_id")),
                transport_notes=row.get("transportation", ""),
                latitude=row.get("latitude"),
                longitude=row.get("longitude"),
                source=RecordSource.MANUAL,
                city="",
            )
            planned = Planned(obj, (file, row.number, ""))
            planned.fields_from.update(
                {
                    "name": (file, row.number, "name"),
                    "transport_notes": (file, row.number, "transportation"),
                    "latitude": (file, row.number, "latitude"),
                    "longitude": (file, row.number, "longitude"),
                    "address_point_code": (file, row.number, "external_identifier"),
                }
            )
            if row.get("external_identifier") and row.get("external_identifier_type") == "RÚIAN":
                obj.address_point_code = row.get("external_identifier")
            own = addresses.get(lid, [])
            if own:
                self._address(planned, own[0])
                if len(own) > 1:
                    self.plan.notices.append(
                        _("%(file)s: location %(id)s has %(count)d addresses; the first is kept.")
                        % {"file": self.file("address"), "id": lid, "count": len(own)}
                    )
            fields = self._field_values("location", lid)
            for code in ("street", "house_number", "registry_id", "source"):
                self._set_field(planned, fields, code)
            self._set_field(planned, fields, "city_district")
            self._set_field(planned, fields, "municipality")
            planned.relations["areas_given"] = "city_district" in fields or "municipality" in fields
            self._translated(planned, fields)
            features = self._code_list("location", lid, "feature")
            planned.relations["accessibility_features"] = features
            notes = accessibility.get(lid)
            if notes is not None:
                obj.accessibility_notes = notes.get(
                    "details", "" if features else notes.get("description", "")
                )
                planned.fields_from["accessibility_notes"] = (
                    self.file("accessibility"),
                    notes.number,
                    "details",
                )
            label = ", ".join(
                part
                for part in (
                    f"{obj.street} {obj.house_number}".strip(),
                    f"{obj.postcode} {obj.city}".strip(),
                )
                if part
            )
            name = row.get("name", "")
            obj.name = "" if name == label else name
            self.plan.locations.append(planned)

    def _address(self, planned: Planned, row: Row) -> None:
        obj = planned.obj
        file = self.file("address")
        obj.street, obj.house_number = profile.split_address(row.get("address_1", ""))
        obj.city = row.get("city", "")
        obj.postcode = row.get("postal_code", "")
        for name, column in (
            ("street", "address_1"),
            ("house_number", "address_1"),
            ("city", "city"),
            ("postcode", "postal_code"),
        ):
            planned.fields_from[name] = (file, row.number, column)
        planned.relations["region"] = row.get("region", "")

    # ------------------------------------------------------------------ services

    def _services(self) -> None:
        languages = self._by_service("language")
        areas = self._by_service("service_area")
        schedules = self._schedules()
        links: dict[str, list[Row]] = defaultdict(list)
        for row in self.rows("service_at_location"):
            links[row.get("service_id")].append(row)
        for row in self.rows("service"):
            sid = row.get("id")
            if sid is None or row.get("organization_id") is None:
                continue
            file = self.file("service")
            fields = self._field_values("service", sid)
            is_free = fields.get("is_free", (False, None))[0]
            fees = row.get("fees_description", "")
            obj = Service(
                id=uuid.UUID(sid),
                organisation_id=uuid.UUID(row.get("organization_id")),
                name=row.get("name", ""),
                description=row.get("description", ""),
                eligibility=row.get("eligibility_description", ""),
                fees="" if is_free and fees == FREE else fees,
                is_free=is_free,
                status=ServiceStatus.ACTIVE
                if row.get("status") == "active"
                else ServiceStatus.INACTIVE,
                last_verified_on=row.get("assured_date"),
                source=RecordSource.MANUAL,
            )
            planned = Planned(obj, (file, row.number, ""))
            for name, column in (
                ("name", "name"),
                ("description", "description"),
                ("eligibility", "eligibility_description"),
                ("fees", "fees_description"),
                ("status", "status"),
                ("last_verified_on", "assured_date"),
            ):
                planned.fields_from[name] = (file, row.number, column)
            for code in ("status", "valid_from", "valid_to", "registry_id", "source"):
                self._set_field(planned, fields, code)
            self._translated(planned, fields)
            if row.get("last_modified"):
                self.plan.last_modified[obj.pk] = row.get("last_modified")
            types = self._code_list("service", sid, "service_type")
            if len(types) > 1:
                self.problem(
                    "service",
                    row,
                    "id",
                    _(
                        "The service has %(count)d service types in attributes.csv; a service "
                        "has one type."
                    )
                    % {"count": len(types)},
                )
            obj.service_type = types[0] if types else None
            planned.relations.update(
                target_groups=self._code_list("service", sid, "target_group"),
                age_groups=self._code_list("service", sid, "age_group"),
                accessibility_features=self._code_list("service", sid, "feature"),
                languages=self._languages(languages.get(sid, [])),
                areas_served=self._areas(areas.get(sid, [])),
                email=row.get("email"),
                url=row.get("url"),
            )
            self._forms(planned, sid)
            self._owned_schedules(schedules, "service", sid, service=obj)
            for link in links.get(sid, []):
                self._link(link, obj, schedules)
            self.plan.services.append(planned)

    def _by_service(self, table: str) -> dict[str, list[Row]]:
        found: dict[str, list[Row]] = defaultdict(list)
        for row in self.rows(table):
            if row.get("service_id"):
                found[row.get("service_id")].append(row)
            else:
                self.plan.notices.append(
                    _("%(file)s, row %(row)d: only rows of a service are kept.")
                    % {"file": self.file(table), "row": row.number}
                )
        return found

    def _languages(self, rows: list[Row]) -> list[Language]:
        found = []
        for row in rows:
            code = row.get("code", "")
            language = self.codes.languages.get(code)
            if language is None:
                self.problem(
                    "language",
                    row,
                    "code",
                    _("“%(code)s” is not a language code Socioinfo knows; use one of: %(all)s.")
                    % {"code": code, "all": ", ".join(sorted(self.codes.languages))},
                )
            else:
                found.append(language)
        return found

    def _areas(self, rows: list[Row]) -> list[Area]:
        found = []
        for row in rows:
            try:
                found.append(self.codes.area(row.get("uri", "")))
            except ValueError as error:
                self.problem("service_area", row, "uri", str(error))
        return found

    def _forms(self, planned: Planned, sid: str) -> None:
        for form, offered in self._code_list("service", sid, "form"):
            offer = ServiceFormOffer(service=planned.obj, form=form, **offered)
            where = next(
                a.row
                for a in self.attributes[("service", sid)]
                if a.kind == "form" and a.value[0] == form
            )
            self.plan.forms.append(Planned(offer, (self.file("attribute"), where.number, "value")))

    def _link(self, row: Row, service: Service, schedules: Any) -> None:
        if row.get("id") is None or row.get("location_id") is None:
            return
        link = ServiceAtLocation(
            id=uuid.UUID(row.get("id")),
            service=service,
            location_id=uuid.UUID(row.get("location_id")),
            note=row.get("description", ""),
        )
        file = self.file("service_at_location")
        planned = Planned(link, (file, row.number, ""), {"note": (file, row.number, "description")})
        self.plan.links.append(planned)
        self._owned_schedules(
            schedules, "service_at_location", row.get("id"), service_at_location=link
        )
