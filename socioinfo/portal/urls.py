from django.urls import path

from socioinfo.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_view, name="search"),
    path("service/<uuid:pk>/", views.service, name="service"),
    path("organisation/<uuid:pk>/", views.organisation, name="organisation"),
    path("situations/", views.situations, name="situations"),
    path("situations/<slug:slug>/", views.situation, name="situation"),
    path("socio-info-centre/", views.centre, name="centre"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("robots.txt", views.robots, name="robots"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("map/districts.geojson", views.districts_geojson, name="districts_geojson"),
]
