from django.urls import path

from socioinfo.providers.views import links, moderation, self_service

app_name = "providers"
urlpatterns = [
    path("", self_service.dashboard, name="dashboard"),
    path("organisation/<uuid:pk>/", self_service.organisation_edit, name="organisation_edit"),
    path("organisation/<uuid:pk>/new-service/", self_service.service_new, name="service_new"),
    path("organisation/<uuid:pk>/new-place/", self_service.location_new, name="location_new"),
    path("service/<uuid:pk>/", self_service.service_edit, name="service_edit"),
    path("service/<uuid:pk>/confirm/", self_service.service_confirm, name="service_confirm"),
    path("place/<uuid:pk>/", self_service.location_edit, name="location_edit"),
    path("requests/", self_service.requests, name="requests"),
    path("requests/<uuid:pk>/", self_service.change_request, name="request"),
    path("review/", moderation.queue, name="queue"),
    path("review/<uuid:pk>/", moderation.review, name="review"),
    path("stale/", moderation.stale_report, name="stale"),
    path("still-correct/<str:token>/", links.still_correct, name="still_correct"),
]
