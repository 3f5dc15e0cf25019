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


def test_staff_tables_are_refused_to_anyone_else(demo_data, client, django_user_model):
    for url in ("/api/v1/staff/services.csv", "/api/v1/staff/services.xlsx"):
        assert client.get(url).status_code == 403
    user = django_user_model.objects.create_user("obcan", password="heslo-123456")
    client.force_login(user)
    assert client.get("/api/v1/staff/services.csv").status_code == 403


def test_staff_csv_and_xlsx_list_every_service(demo_data, admin_client):
    import csv
    import io

    from openpyxl import load_workbook

    total = Service.objects.count()
    response = admin_client.get("/api/v1/staff/services.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["ID", "Název", "Poskytovatel"]
    assert len(rows) == total + 1
    draft = Service.objects.filter(status="draft").first()
    assert any(row[0] == str(draft.pk) and row[6] == "draft" for row in rows)

    response = admin_client.get("/api/v1/staff/services.xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    sheet_rows = list(workbook["Služby"].iter_rows(values_only=True))
    assert len(sheet_rows) == total + 1
    assert [str(v or "") for v in sheet_rows[1]] == rows[1]
