from django.urls import path, re_path

from socioinfo.api import views, views_docs

app_name = "api"
urlpatterns = [
    path("", views.root, name="root"),
    path("openapi.json", views_docs.openapi_hsds, name="openapi"),
    path("profile", views.profile, name="profile"),
    re_path(
        r"^profile/(?P<kind>patches|schemas)/(?P<name>[a-z_]+)\.json$",
        views.profile_file,
        name="profile_file",
    ),
    path("services", views.services, name="services"),
    path("services/<uuid:pk>", views.service, name="service"),
    path("organizations", views.organizations, name="organizations"),
    path("organizations/<uuid:pk>", views.organization, name="organization"),
    path("service_at_locations", views.service_at_locations, name="service_at_locations"),
    path("service_at_locations/<uuid:pk>", views.service_at_location, name="service_at_location"),
    path("taxonomies", views.taxonomies, name="taxonomies"),
    path("taxonomies/<str:pk>", views.taxonomy, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<str:pk>", views.taxonomy_term, name="taxonomy_term"),
]
