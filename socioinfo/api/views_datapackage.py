"""The open-data HSDS data package for download: what the public API serves, as one zip.

Building it reads the whole directory (about two minutes at 100,000 services), so the zip is
kept in ``SOCIOINFO_EXPORT_CACHE_DIR`` under a fingerprint of the directory tables (row count
and latest change of each, latest row of each link table) and rebuilt only when that changes;
a request never builds it twice for the same data, and never serves a stale one."""

import hashlib
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.http import FileResponse, HttpRequest
from django.views.decorators.http import require_GET

from socioinfo.api.datapackage.export import write_zip
from socioinfo.areas.models import Area
from socioinfo.core.db import table_state
from socioinfo.directory.models import (
    ContactPoint,
    Location,
    OpeningException,
    OpeningRule,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
)

CHANGING: tuple[type[Any], ...] = (
    Organisation,
    Service,
    Location,
    ServiceAtLocation,
    ContactPoint,
    OpeningRule,
    OpeningException,
    ServiceFormOffer,
    Area,
)
LINKS = (
    Service.target_groups.through,
    Service.age_groups.through,
    Service.languages.through,
    Service.areas_served.through,
    Service.accessibility_features.through,
    Location.accessibility_features.through,
)
_building = threading.Lock()


def directory_fingerprint() -> str:
    """Changes whenever a row of the directory is added, deleted or saved (or the licence
    the package names is changed)."""
    latest = [(m._meta.db_table, "updated_at") for m in CHANGING]
    latest += [(m._meta.db_table, "id") for m in LINKS]
    state = (connection.vendor, settings.SOCIOINFO_DATA_LICENCE["name"], table_state(latest))
    return hashlib.sha256(repr(state).encode()).hexdigest()[:32]


def cached_package() -> Path:
    folder = Path(settings.SOCIOINFO_EXPORT_CACHE_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"hsds-datapackage-{directory_fingerprint()}.zip"
    with _building:
        if not path.exists():
            for old in folder.glob("hsds-datapackage-*.zip"):
                old.unlink(missing_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
            with os.fdopen(handle, "wb") as out:
                write_zip(out)
            os.replace(temporary, path)
    return path


@require_GET
def hsds_datapackage(request: HttpRequest) -> FileResponse:
    """Published records only, open to everyone (no login, CORS open)."""
    response = FileResponse(
        cached_package().open("rb"),
        as_attachment=True,
        filename="socioinfo-hsds-datapackage.zip",
        content_type="application/zip",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
