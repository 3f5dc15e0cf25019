"""Exports for maps and other systems, streamed so memory stays flat whatever the size."""

import json
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse
from django.urls import reverse

from socioinfo.directory.models import Service, ServiceAtLocation

BATCH = 2000


def _features(request: HttpRequest) -> Iterator[bytes]:
    links = (
        ServiceAtLocation.objects.filter(
            service__in=Service.objects.published(), location__latitude__isnull=False
        )
        .order_by("service__sort_name", "pk")
        .values_list(
            "pk",
            "service_id",
            "service__name",
            "service__service_type__name",
            "service__service_type__paragraph",
            "service__organisation__name",
            "location__street",
            "location__house_number",
            "location__city",
            "location__city_district__name",
            "location__latitude",
            "location__longitude",
        )
    )
    yield b'{"type":"FeatureCollection","features":['
    first = True
    for row in links.iterator(chunk_size=BATCH):
        (
            pk,
            service_id,
            name,
            type_name,
            paragraph,
            organisation,
            street,
            number,
            city,
            district,
            lat,
            lon,
        ) = row
        feature: dict[str, Any] = {
            "type": "Feature",
            "id": str(pk),
            "geometry": {"type": "Point", "coordinates": [round(lon or 0, 6), round(lat or 0, 6)]},
            "properties": {
                "service_id": str(service_id),
                "name": name,
                "service_type": type_name or "",
                "paragraph": paragraph or "",
                "organization": organisation,
                "address": f"{street} {number}, {city}".strip(", "),
                "city_district": district or "",
                "url": request.build_absolute_uri(reverse("portal:service", args=[service_id])),
            },
        }
        yield (b"" if first else b",") + json.dumps(feature, ensure_ascii=False).encode()
        first = False
    yield b"]}"


def services_geojson(request: HttpRequest) -> StreamingHttpResponse:
    """Every place of every published service as a GeoJSON point (RFC 7946, WGS 84)."""
    response = StreamingHttpResponse(_features(request), content_type="application/geo+json")
    response["Content-Disposition"] = 'inline; filename="socioinfo-services.geojson"'
    return response


# --------------------------------------------------------------------------- staff tables

COLUMNS = [
    ("id", "ID"),
    ("name", "Název"),
    ("organisation", "Poskytovatel"),
    ("ico", "IČO"),
    ("paragraph", "§"),
    ("service_type", "Druh služby"),
    ("status", "Stav"),
    ("forms", "Formy a kapacity"),
    ("target_groups", "Cílové skupiny"),
    ("districts", "Městské části"),
    ("addresses", "Adresy"),
    ("phones", "Telefony"),
    ("languages", "Jazyky"),
    ("last_verified_on", "Naposledy ověřeno"),
    ("registry_id", "ID v registru"),
    ("source", "Zdroj"),
]


def service_rows(batch: int = BATCH) -> Iterator[list[str]]:
    """One row per service (every service, published or not: this is for staff), read in
    batches so memory stays flat."""
    ids = list(Service.objects.order_by("sort_name", "pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        services = (
            Service.objects.filter(pk__in=ids[start : start + batch])
            .order_by("sort_name", "pk")
            .select_related("organisation", "service_type")
            .prefetch_related(
                "forms",
                "target_groups",
                "languages",
                "contacts",
                "service_at_locations__location__city_district",
            )
        )
        for s in services:
            locations = [link.location for link in s.service_at_locations.all()]
            yield [
                str(s.pk),
                s.name,
                s.organisation.name,
                s.organisation.ico,
                s.service_type.paragraph if s.service_type else "",
                s.service_type.name if s.service_type else "",
                s.status,
                "; ".join(
                    f"{f.form} {f.capacity} {f.capacity_unit}".strip()
                    if f.capacity is not None
                    else f.form
                    for f in s.forms.all()
                ),
                "; ".join(g.name for g in s.target_groups.all()),
                "; ".join(
                    sorted({loc.city_district.name for loc in locations if loc.city_district})
                ),
                "; ".join(loc.address for loc in locations),
                "; ".join(c.value for c in s.contacts.all() if c.kind == "phone"),
                ", ".join(lang.code for lang in s.languages.all()),
                s.last_verified_on.isoformat() if s.last_verified_on else "",
                s.registry_id,
                s.source,
            ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def services_csv(request: HttpRequest) -> StreamingHttpResponse:
    import csv

    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"  # so spreadsheet programs read UTF-8
        yield writer.writerow([label for _key, label in COLUMNS])
        for row in service_rows():
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="socioinfo-services.csv"'
    return response


def services_xlsx(request: HttpRequest) -> Any:
    """An XLSX workbook written in openpyxl's write-only mode (rows go straight to a
    temporary file, not to memory)."""
    import tempfile

    from django.http import FileResponse
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Služby")
    sheet.append([label for _key, label in COLUMNS])
    for row in service_rows():
        sheet.append(row)
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename="socioinfo-services.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
