from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("socioinfo.accounts.urls")),
    path("providers/", include("socioinfo.providers.urls")),
    path("api/hsds/", include("socioinfo.api.urls")),
    path("api/v1/", include("socioinfo.api.urls_v1")),
    path("api/", include("socioinfo.api.urls_docs")),
    path("", include("socioinfo.core.urls")),
    path("", include("socioinfo.planning.urls")),
    path("", include("socioinfo.advice.urls")),
    path("", include("socioinfo.portal.urls")),
]

handler404 = "socioinfo.portal.views.not_found"
