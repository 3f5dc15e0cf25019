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
