"""Export the directory as an HSDS 3.0 data package, in constant memory.

Three passes read the database in batches of ``BATCH`` records by primary key
(organisations, locations, services) and append rows to one CSV file per table. Services go
through the API's own builder (``rows.service_dicts``), so ``services.json`` holds exactly the
objects ``/api/hsds/services`` serves and the CSV rows carry the same ids and values. Nothing
depends on the time of the export or on the database's collation: two exports of the same
data are byte-identical, on SQLite and PostgreSQL alike.
"""

import shutil
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import translation

from socioinfo.api.datapackage.tables import (
    DESCRIPTOR_PATH,
    JSON_PATH,
    WRITTEN,
    descriptor_bytes,
    path_of,
)
from socioinfo.api.datapackage.writer import PackageWriter
from socioinfo.directory.models import Location, Organisation, Service

BATCH = 2000
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries carry no export time


@dataclass
class ExportReport:
    include_all: bool
    rows: Counter[str] = field(default_factory=Counter)

    @property
    def services(self) -> int:
        return self.rows["service"]


def package_files() -> list[str]:
    """Every file of a package, in the order they are written to a zip."""
    return [DESCRIPTOR_PATH, *(path_of(name) for name in WRITTEN), JSON_PATH]


def scope(include_all: bool) -> tuple[QuerySet[Any], QuerySet[Any], QuerySet[Any]]:
    """Services, organisations and locations of the export. Published: what the public API
    serves, with the organisations and places of those services. All: every record."""
    if include_all:
        return Service.objects.all(), Organisation.objects.all(), Location.objects.all()
    # Correlated EXISTS, not IN (subquery): each batch then costs an index lookup per row
    # instead of the whole published set again.
    services = Service.objects.published()
    locations = Location.objects.filter(
        Exists(services.filter(service_at_locations__location=OuterRef("pk")))
    )
    organisations = Organisation.objects.filter(
        Exists(services.filter(organisation=OuterRef("pk")))
        | Exists(services.filter(service_at_locations__location__organisation=OuterRef("pk")))
    )
    return services, organisations, locations


def batches(queryset: QuerySet[Any], size: int = BATCH) -> Iterator[list[Any]]:
    """Primary keys in order, ``size`` at a time (keyset paging: no offsets, no id list)."""
    last = None
    while True:
        page = queryset.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        ids = list(page.values_list("pk", flat=True)[:size])
        if not ids:
            return
        yield ids
        last = ids[-1]


def write_directory(folder: Path, *, include_all: bool = False, batch: int = BATCH) -> ExportReport:
    """Write the package's files into ``folder`` (created if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    report = ExportReport(include_all)
    services, organisations, locations = scope(include_all)
    with translation.override("cs"), PackageWriter(folder, report.rows) as tables:
        for ids in batches(organisations, batch):
            tables.organisations(ids)
        for ids in batches(locations, batch):
            tables.locations(ids)
        for ids in batches(services, batch):
            tables.services(ids)
        tables.code_lists()
    (folder / DESCRIPTOR_PATH).write_bytes(descriptor_bytes())
    return report


def write_zip(target: IO[bytes], *, include_all: bool = False, batch: int = BATCH) -> ExportReport:
    """Write the package as a zip to ``target`` (files are staged in a temporary folder, so
    memory stays flat; entries have fixed dates, so the same data gives the same bytes)."""
    with tempfile.TemporaryDirectory(prefix="hsds-") as staging:
        folder = Path(staging)
        report = write_directory(folder, include_all=include_all, batch=batch)
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name in package_files():
                path = folder / name
                info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                large = path.stat().st_size >= zipfile.ZIP64_LIMIT
                with path.open("rb") as source, archive.open(info, "w", force_zip64=large) as out:
                    shutil.copyfileobj(source, out, 1 << 20)
    return report
