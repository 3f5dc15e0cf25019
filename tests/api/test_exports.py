"""Exports: GeoJSON of every published service's places, streamed."""

import json

import pytest

from socioinfo.areas.selectors import area_index
from socioinfo.directory.models import Service, ServiceAtLocation

pytestmark = pytest.mark.django_db


def test_geojson_has_every_published_place_inside_its_district(demo_data, client):
    response = client.get("/api/v1/services.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(b"".join(response.streaming_content))
    assert data["type"] == "FeatureCollection"
    expected = ServiceAtLocation.objects.filter(
        service__in=Service.objects.published(), location__latitude__isnull=False
    ).count()
    assert len(data["features"]) == expected
    published = {str(pk) for pk in Service.objects.published().values_list("pk", flat=True)}
    index = area_index("city_district")
    for feature in data["features"]:
        assert feature["properties"]["service_id"] in published
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        if feature["properties"]["city_district"]:
            assert index.locate(lon, lat) is not None
        assert feature["properties"]["url"].startswith("http://testserver/service/")
