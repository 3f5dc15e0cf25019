"""Socioinfo's own read API, versioned (HSDS lives at /api/hsds/)."""

from django.urls import path

from socioinfo.api import views

app_name = "api_v1"
urlpatterns = [
    path("services.geojson", views.services_geojson, name="services_geojson"),
    path("staff/services.csv", views.services_csv, name="services_csv"),
    path("staff/services.xlsx", views.services_xlsx, name="services_xlsx"),
]
