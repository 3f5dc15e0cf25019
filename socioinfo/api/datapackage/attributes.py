"""Attributes of a package, read once: each linked to its record (``link_entity`` and
``link_id``), its taxonomy term resolved to our code lists or record fields, its value parsed.
Planners ask for a record's code-list links and field values from here."""

from collections import defaultdict
from typing import Any

from django.utils.translation import gettext as _

from socioinfo.api.datapackage.reader import Problems, Row, Table
from socioinfo.api.datapackage.records import Attribute, Planned, TablesReader
from socioinfo.api.datapackage.values import CODE_LISTS_OF, FIELDS_OF, CodeLists, capacity


class AttributesReader(TablesReader):
    def __init__(self, tables: dict[str, Table], problems: Problems):
        super().__init__(tables, problems)
        self.codes = CodeLists()
        self.attributes: dict[tuple[str, str], list[Attribute]] = defaultdict(list)

    def _attributes(self) -> None:
        terms = self.tables["taxonomy_term"].by_id if "taxonomy_term" in self.tables else {}
        for row in self.rows("attribute"):
            entity = row.get("link_entity")
            link_id = row.get("link_id")
            if entity not in FIELDS_OF:
                self.problem(
                    "attribute",
                    row,
                    "link_entity",
                    _(
                        "Socioinfo keeps attributes of organization, service, location, phone "
                        "and contact; “%(entity)s” is none of them."
                    )
                    % {"entity": entity},
                )
                continue
            if entity not in self.tables or link_id not in self.tables[entity].by_id:
                self.problem(
                    "attribute",
                    row,
                    "link_id",
                    _("No %(entity)s in the package has the id %(value)s; correct link_id.")
                    % {"entity": entity, "value": link_id},
                )
                continue
            term_row = terms.get(row.get("taxonomy_term_id"))
            if term_row is None:
                continue  # the foreign key check has said so
            resolved = self.codes.resolve(term_row)
            if resolved is None:
                self.problem(
                    "attribute",
                    row,
                    "taxonomy_term_id",
                    _(
                        "The term “%(name)s” (code %(code)s) is not in Socioinfo's code lists; "
                        "use a term of the service types, forms, target groups, age groups, "
                        "accessibility features or record fields (docs/datapackage.md)."
                    )
                    % {"name": term_row.get("name", ""), "code": term_row.get("code", "")},
                )
                continue
            kind, value = resolved
            if kind == "field":
                allowed = value in FIELDS_OF[entity]
            else:
                allowed = kind in CODE_LISTS_OF.get(entity, set())
            if not allowed:
                self.problem(
                    "attribute",
                    row,
                    "taxonomy_term_id",
                    _("The term “%(name)s” cannot describe a %(entity)s.")
                    % {"name": term_row.get("name", ""), "entity": entity},
                )
                continue
            try:
                if kind == "form":
                    value = (value, capacity(row.get("value", "")))
                elif kind == "field":
                    value = (value, self.codes.field(value, row.get("value", "")))
            except ValueError as error:
                self.problem("attribute", row, "value", str(error))
                continue
            self.attributes[(entity, link_id)].append(Attribute(kind, value, row))

    def _field_values(self, entity: str, link_id: str) -> dict[str, tuple[Any, Row]]:
        found: dict[str, tuple[Any, Row]] = {}
        for attribute in self.attributes.get((entity, link_id), []):
            if attribute.kind != "field" or attribute.value[0] == "web":
                continue
            code, value = attribute.value
            if code in found:
                self.problem(
                    "attribute",
                    attribute.row,
                    "taxonomy_term_id",
                    _("The field %(code)s is already given in row %(row)d; keep one.")
                    % {"code": code, "row": found[code][1].number},
                )
            found[code] = (value, attribute.row)
        return found

    def _translated(self, planned: Planned, fields: dict[str, tuple[Any, Row]]) -> None:
        if "translations" not in fields:
            return
        value, row = fields["translations"]
        unknown = set().union(*(t.keys() for t in value.values())) - set(
            planned.obj.translated_fields
        )
        if unknown:
            self.problem(
                "attribute",
                row,
                "value",
                _("Texts of %(fields)s cannot be translated here; translate only %(allowed)s.")
                % {
                    "fields": ", ".join(sorted(unknown)),
                    "allowed": ", ".join(planned.obj.translated_fields),
                },
            )
        planned.obj.translations = value
        planned.fields_from["translations"] = (self.file("attribute"), row.number, "value")

    def _set_field(
        self,
        planned: Planned,
        fields: dict[str, tuple[Any, Row]],
        code: str,
        attr: str | None = None,
    ) -> None:
        if code in fields:
            value, row = fields[code]
            setattr(planned.obj, attr or code, value)
            planned.fields_from[attr or code] = (self.file("attribute"), row.number, "value")

    def _code_list(self, entity: str, link_id: str, kind: str) -> list[Any]:
        found = []
        for attribute in self.attributes.get((entity, link_id), []):
            if attribute.kind == kind:
                found.append(attribute.value)
        return found
