"""Reading a data package for import: the files, then every cell by the field definitions of
our descriptor (``tables.resources``), then primary and foreign keys. Every problem is kept,
with its file, row (the header is row 1, as in a spreadsheet), column and a sentence saying
what to fix; nothing stops at the first one."""

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _

from socioinfo.api.datapackage.tables import DESCRIPTOR_PATH, parse_value, resources

REQUIRED_TABLES = ("organization", "service")
# Long descriptions with their translations may pass the csv module's 128 KiB cell limit.
csv.field_size_limit(max(csv.field_size_limit(), 16 * 2**20))


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(_("row %(row)d") % {"row": self.row})
        if self.column:
            where.append(_("column %(column)s") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}"


class Problems(list[Problem]):
    def add(self, file: str, row: int | None, column: str, message: str) -> None:
        self.append(Problem(file, row, column, message))


@dataclass
class Row:
    number: int
    values: dict[str, Any]  # typed values of the non-empty cells
    failed: frozenset[str] = frozenset()  # columns whose value could not be read

    def get(self, column: str, default: Any = None) -> Any:
        return self.values.get(column, default)


@dataclass
class Table:
    name: str
    path: str
    rows: list[Row] = field(default_factory=list)
    by_id: dict[str, Row] = field(default_factory=dict)


class _Source:
    """The files of a package, from a folder or a zip."""

    def __init__(self, path: Path):
        self.path = path
        self.archive = zipfile.ZipFile(path) if path.is_file() else None
        self.prefix = ""
        if self.archive is not None:
            names = self.archive.namelist()
            if DESCRIPTOR_PATH not in names:
                # A zip of a folder: the descriptor one level down.
                nested = [
                    n for n in names if n.endswith("/" + DESCRIPTOR_PATH) and n.count("/") == 1
                ]
                if len(nested) == 1:
                    self.prefix = nested[0][: -len(DESCRIPTOR_PATH)]

    def exists(self, name: str) -> bool:
        if self.archive is not None:
            try:
                self.archive.getinfo(self.prefix + name)
            except KeyError:
                return False
            return True
        return (self.path / name).is_file()

    def open(self, name: str) -> IO[str]:
        if self.archive is not None:
            raw = self.archive.open(self.prefix + name)
            return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        return (self.path / name).open(encoding="utf-8-sig", newline="")

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()


def read_package(path: Path, problems: Problems) -> dict[str, Table]:
    """The package's tables that Socioinfo imports, read and checked. Problems go to
    ``problems``; a package that cannot be opened gives no tables."""
    name = path.name or str(path)
    if not path.exists():
        problems.add(name, None, "", _("There is no file or folder at this path."))
        return {}
    if path.is_file() and not zipfile.is_zipfile(path):
        problems.add(
            name,
            None,
            "",
            _("This is not a zip file; give the package's zip or the folder it was unpacked to."),
        )
        return {}
    source = _Source(path)
    try:
        paths = _described_paths(source, problems)
        tables = {
            table: _read_table(source, table, file, problems) for table, file in paths.items()
        }
    finally:
        source.close()
    _check_keys(tables, problems)
    return tables


def _described_paths(source: _Source, problems: Problems) -> dict[str, str]:
    """Table name → file, from the package's datapackage.json."""
    if not source.exists(DESCRIPTOR_PATH):
        problems.add(
            DESCRIPTOR_PATH,
            None,
            "",
            _(
                "The package has no datapackage.json; put the descriptor that lists every CSV "
                "file next to them (an export from Socioinfo always has one)."
            ),
        )
        return {}
    try:
        with source.open(DESCRIPTOR_PATH) as handle:
            document = json.load(handle)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        problems.add(
            DESCRIPTOR_PATH,
            getattr(error, "lineno", None),
            "",
            _("This is not valid JSON (%(error)s); correct the file.") % {"error": error},
        )
        return {}
    listed = document.get("resources") if isinstance(document, dict) else None
    if not isinstance(listed, list):
        problems.add(
            DESCRIPTOR_PATH,
            None,
            "resources",
            _("The descriptor has no list of resources; list each CSV file with its path."),
        )
        return {}
    known = resources()
    paths: dict[str, str] = {}
    for resource in listed:
        if not isinstance(resource, dict) or resource.get("name") not in known:
            continue
        file = resource.get("path")
        if not isinstance(file, str) or not file:
            problems.add(
                DESCRIPTOR_PATH,
                None,
                "resources",
                _("The resource “%(name)s” has no path; give the name of its CSV file.")
                % {"name": resource["name"]},
            )
            continue
        if not source.exists(file):
            problems.add(
                file,
                None,
                "",
                _(
                    "datapackage.json lists this file for “%(name)s”, but it is not in the "
                    "package; add the file or remove the resource from the descriptor."
                )
                % {"name": resource["name"]},
            )
            continue
        paths[resource["name"]] = file
    for table in REQUIRED_TABLES:
        if table not in paths and not any(p.file == known[table]["path"] for p in problems):
            problems.add(
                DESCRIPTOR_PATH,
                None,
                "resources",
                _(
                    "The package has no “%(name)s” resource; every import needs %(file)s "
                    "(it may hold only its header)."
                )
                % {"name": table, "file": known[table]["path"]},
            )
    return paths


def _read_table(source: _Source, table: str, file: str, problems: Problems) -> Table:
    result = Table(table, file)
    definitions = {f["name"]: f for f in resources()[table]["schema"]["fields"]}
    unique = [name for name, f in definitions.items() if f["constraints"].get("unique")]
    seen: dict[str, dict[Any, int]] = {name: {} for name in unique}
    with source.open(file) as handle:
        try:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                problems.add(file, None, "", _("The file is empty; it needs at least its header."))
                return result
            _check_header(file, table, header, definitions, problems)
            positions = [(i, name) for i, name in enumerate(header) if name in definitions]
            for number, cells in enumerate(reader, start=2):
                if len(cells) != len(header):
                    problems.add(
                        file,
                        number,
                        "",
                        _("The row has %(cells)d cells but the header has %(columns)d.")
                        % {"cells": len(cells), "columns": len(header)},
                    )
                    continue
                values, failed = _read_row(file, number, cells, positions, definitions, problems)
                for name in unique:
                    value = values.get(name)
                    if value is None:
                        continue
                    if value in seen[name]:
                        problems.add(
                            file,
                            number,
                            name,
                            _("“%(value)s” is already used in row %(row)d; each row needs its own.")
                            % {"value": value, "row": seen[name][value]},
                        )
                    else:
                        seen[name][value] = number
                row = Row(number, values, frozenset(failed))
                result.rows.append(row)
                if "id" in values:
                    result.by_id.setdefault(values["id"], row)
        except (csv.Error, UnicodeDecodeError) as error:
            problems.add(
                file,
                None,
                "",
                _("The file cannot be read as UTF-8 CSV (%(error)s).") % {"error": error},
            )
    return result


def _check_header(
    file: str, table: str, header: list[str], definitions: dict[str, Any], problems: Problems
) -> None:
    for name in sorted({n for n in header if header.count(n) > 1}):
        problems.add(file, 1, name, _("The column appears twice in the header; keep one."))
    for name, definition in definitions.items():
        if name not in header and (definition["constraints"].get("required") or name == "id"):
            problems.add(
                file,
                1,
                name,
                _("The header lacks this column, which HSDS requires in the %(table)s table.")
                % {"table": table},
            )


def _read_row(
    file: str,
    number: int,
    cells: list[str],
    positions: list[tuple[int, str]],
    definitions: dict[str, Any],
    problems: Problems,
) -> tuple[dict[str, Any], set[str]]:
    values: dict[str, Any] = {}
    failed: set[str] = set()
    for index, name in positions:
        text = cells[index]
        if text == "":
            if definitions[name]["constraints"].get("required"):
                problems.add(file, number, name, _("The value is missing; HSDS requires one here."))
            continue
        try:
            values[name] = parse_value(definitions[name], text)
        except ValueError as error:
            problems.add(file, number, name, str(error))
            failed.add(name)
    return values, failed


def _check_keys(tables: dict[str, Table], problems: Problems) -> None:
    """Every foreign key of our descriptor points to a row of the package."""
    for table in tables.values():
        keys = resources()[table.name]["schema"].get("foreignKeys", [])
        for key in keys:
            column = key["fields"]
            target = key["reference"]["resource"]
            ids = tables[target].by_id if target in tables else {}
            for row in table.rows:
                value = row.get(column)
                if value is not None and value not in ids:
                    problems.add(
                        table.path,
                        row.number,
                        column,
                        _(
                            "No %(target)s in the package has the id %(value)s; add it to "
                            "%(file)s or correct the id."
                        )
                        % {
                            "target": target,
                            "value": value,
                            "file": resources()[target]["path"],
                        },
                    )
