"""Socioinfo's own read API, versioned (HSDS lives at /api/hsds/)."""

from django.urls import path

from socioinfo.api import v1, views, views_docs
from socioinfo.api.views_datapackage import hsds_datapackage

app_name = "api_v1"
urlpatterns = [
    path("openapi.json", views_docs.openapi_v1, name="openapi"),
    path("services", v1.services, name="services"),
    path("services/<uuid:pk>", v1.service, name="service"),
    path("districts", v1.districts, name="districts"),
    path("districts/<str:code>", v1.district, name="district"),
    path("life_situations", v1.life_situations, name="life_situations"),
    path("life_situations/<slug:slug>", v1.life_situation, name="life_situation"),
    path("services.geojson", views.services_geojson, name="services_geojson"),
    path("hsds-datapackage.zip", hsds_datapackage, name="hsds_datapackage"),
    path("staff/services.csv", views.services_csv, name="services_csv"),
    path("staff/services.xlsx", views.services_xlsx, name="services_xlsx"),
]
