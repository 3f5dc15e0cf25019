"""/api/: the browsable docs page and the OpenAPI document of the whole API. Included after
/api/hsds/ and /api/v1/, so what they do not match (an id that is not a UUID, a slug with
other characters) gets the API's JSON 404 rather than the portal's page."""

from django.urls import path, re_path

from socioinfo.api import views_docs

app_name = "api_docs"
urlpatterns = [
    path("", views_docs.index, name="index"),
    path("openapi.json", views_docs.openapi_all, name="openapi"),
    re_path(r"^(?:hsds|v1)/", views_docs.not_found),
]
