"""The open-data HSDS data package for download: what the public API serves, as one zip."""

import tempfile

from django.http import FileResponse, HttpRequest
from django.views.decorators.http import require_GET

from socioinfo.api.datapackage.export import write_zip


@require_GET
def hsds_datapackage(request: HttpRequest) -> FileResponse:
    """Published records only, open to everyone (no login, CORS open). The zip is written to
    a temporary file in constant memory, then streamed from it."""
    handle = tempfile.TemporaryFile(suffix=".zip")  # noqa: SIM115 - FileResponse closes it
    write_zip(handle)
    handle.seek(0)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename="socioinfo-hsds-datapackage.zip",
        content_type="application/zip",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
