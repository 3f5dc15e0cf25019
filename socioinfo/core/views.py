"""The start page (the portal grows here in its own app) and a health check."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from socioinfo.directory.selectors import directory_overview


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"overview": directory_overview()})


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
