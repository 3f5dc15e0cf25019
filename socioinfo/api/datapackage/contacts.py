"""Contacts in a package: ``phones.csv`` and the e-mail addresses of ``contacts.csv``, web
addresses from ``web`` attributes, and e-mail or web columns of organisations and services
that no contact row carries."""

import uuid
from collections import defaultdict

from django.utils.translation import gettext as _

from socioinfo.api.datapackage.attributes import AttributesReader
from socioinfo.api.datapackage.records import Planned
from socioinfo.api.taxonomies import stable_id
from socioinfo.directory.models import ContactPoint
from socioinfo.directory.models.contact import ContactKind


class ContactsReader(AttributesReader):
    def _contacts(self) -> None:
        owners = (
            ("organization_id", "organisation"),
            ("service_id", "service"),
            ("location_id", "location"),
        )
        given: dict[tuple[str, str], set[str]] = defaultdict(set)
        for table, kind, column in (
            ("phone", ContactKind.PHONE, "number"),
            ("contact", ContactKind.EMAIL, "email"),
        ):
            for row in self.rows(table):
                found = [(c, owner) for c, owner in owners if row.get(c)]
                if row.get("id") is None:
                    continue
                if len(found) != 1:
                    self.plan.notices.append(
                        _(
                            "%(file)s, row %(row)d: kept only for exactly one organization, "
                            "service or location; left out."
                        )
                        % {"file": self.file(table), "row": row.number}
                    )
                    continue
                if not row.get(column):
                    self.plan.notices.append(
                        _("%(file)s, row %(row)d: no %(column)s; left out.")
                        % {"file": self.file(table), "row": row.number, "column": column}
                    )
                    continue
                (owner_column, owner) = found[0]
                entity = table
                fields = self._field_values(entity, row.get("id"))
                note = row.get("description" if table == "phone" else "name", "")
                contact = ContactPoint(
                    id=uuid.UUID(row.get("id")),
                    kind=kind,
                    value=row.get(column),
                    note=note,
                    order=fields.get("order", (0, None))[0],
                    **{f"{owner}_id": uuid.UUID(row.get(owner_column))},
                )
                file = self.file(table)
                self.plan.contacts.append(
                    Planned(
                        contact, (file, row.number, column), {"value": (file, row.number, column)}
                    )
                )
                given[(owner, row.get(owner_column))].add(row.get(column))
        for entity, owner in (
            ("organization", "organisation"),
            ("service", "service"),
            ("location", "location"),
        ):
            for (link_entity, link_id), attributes in self.attributes.items():
                if link_entity != entity:
                    continue
                for attribute in attributes:
                    if attribute.kind != "field" or attribute.value[0] != "web":
                        continue
                    web = attribute.value[1]
                    contact = ContactPoint(
                        id=uuid.UUID(attribute.row.get("id")),
                        kind=ContactKind.WEB,
                        value=web["url"],
                        note=web["note"],
                        order=web["order"],
                        **{f"{owner}_id": uuid.UUID(link_id)},
                    )
                    where = (self.file("attribute"), attribute.row.number, "value")
                    self.plan.contacts.append(Planned(contact, where, {"value": where}))
                    given[(owner, link_id)].add(web["url"])
        # HSDS columns that name an e-mail or web address without a contact row of its own.
        for planned, owner in [(p, "organisation") for p in self.plan.organisations] + [
            (p, "service") for p in self.plan.services
        ]:
            key = (owner, str(planned.obj.pk))
            for kind, value in (
                (ContactKind.EMAIL, planned.relations.get("email")),
                (ContactKind.WEB, planned.relations.get("url")),
            ):
                if value and value not in given[key]:
                    contact = ContactPoint(
                        id=uuid.UUID(stable_id("contact", key[1], kind, value)),
                        kind=kind,
                        value=value,
                        order=len(given[key]),
                        **{f"{owner}_id": planned.obj.pk},
                    )
                    self.plan.contacts.append(Planned(contact, planned.where, {}))
                    given[key].add(value)
