"""The advice centre's pages: staff under /advice/, public under /socio-info-centre/."""

from django.urls import include, path

from socioinfo.advice.views import public, staff

staff_patterns = (
    [
        path("", staff.queue, name="queue"),
        path("enquiries/new/", staff.enquiry_new, name="enquiry_new"),
        path("enquiries/<uuid:pk>/", staff.enquiry_detail, name="enquiry"),
        path("enquiries/<uuid:pk>/edit/", staff.enquiry_edit, name="enquiry_edit"),
        path("enquiries/<uuid:pk>/referral-sheet/", staff.referral_sheet, name="referral_sheet"),
        path("clients/", staff.clients, name="clients"),
        path("clients/<uuid:pk>/", staff.client_detail, name="client"),
        path("clients/<uuid:pk>/export/", staff.client_export, name="client_export"),
        path("clients/<uuid:pk>/erase/", staff.client_erase, name="client_erase"),
        path("statistics/", staff.statistics, name="statistics"),
        path("statistics.<str:fmt>", staff.statistics_file, name="statistics_file"),
    ],
    "advice",
)

public_patterns = (
    [
        path("ask/", public.ask, name="ask"),
        path("ask/sent/", public.ask_sent, name="ask_sent"),
        path("statistics/", public.statistics, name="statistics"),
        path("statistics.csv", public.statistics_csv, name="statistics_csv"),
    ],
    "advice_public",
)

urlpatterns = [
    path("advice/", include(staff_patterns)),
    path("socio-info-centre/", include(public_patterns)),
]
