"""What an import plans to write: unsaved directory records, each with the file, row and
column its values came from (so a model's complaint lands on the right cell)."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from socioinfo.api.datapackage.reader import Problems, Row, Table
from socioinfo.api.datapackage.tables import path_of

Where = tuple[str, int | None, str]  # file, row, column


@dataclass
class Planned:
    """An unsaved record, where its values came from, and its relations by name."""

    obj: Any
    where: Where
    fields_from: dict[str, Where] = field(default_factory=dict)
    relations: dict[str, Any] = field(default_factory=dict)


@dataclass
class Plan:
    organisations: list[Planned] = field(default_factory=list)
    locations: list[Planned] = field(default_factory=list)
    services: list[Planned] = field(default_factory=list)
    links: list[Planned] = field(default_factory=list)
    contacts: list[Planned] = field(default_factory=list)
    forms: list[Planned] = field(default_factory=list)
    rules: list[Planned] = field(default_factory=list)
    exceptions: list[Planned] = field(default_factory=list)
    last_modified: dict[Any, datetime.datetime] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)

    def records(self) -> list[Planned]:
        return [
            *self.organisations,
            *self.locations,
            *self.services,
            *self.links,
            *self.contacts,
            *self.forms,
            *self.rules,
            *self.exceptions,
        ]


@dataclass
class Attribute:
    kind: str
    value: Any
    row: Row


class TablesReader:
    """Access to the package's tables and its list of problems."""

    def __init__(self, tables: dict[str, Table], problems: Problems):
        self.tables = tables
        self.problems = problems
        self.plan = Plan()

    def rows(self, table: str) -> list[Row]:
        return self.tables[table].rows if table in self.tables else []

    def file(self, table: str) -> str:
        return self.tables[table].path if table in self.tables else path_of(table)

    def problem(self, table: str, row: Row | None, column: str, message: str) -> None:
        self.problems.add(self.file(table), row.number if row else None, column, message)


def model_fields(obj: models.Model) -> dict[str, Any]:
    """The concrete field values of a record (by attribute name), ids and timestamps aside."""
    return {
        f.attname: getattr(obj, f.attname)
        for f in obj._meta.concrete_fields
        if f.attname not in ("id", "created_at", "updated_at", "sort_name")
    }
