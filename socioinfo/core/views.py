"""A health check for load balancers and monitoring, and helpers every app's views use."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404


def object_or_404(queryset: Any, pk: Any) -> Any:
    """``get_object_or_404`` by key that also answers 404 when the key is not a valid id
    at all (a value a form sends back, e.g. the row of a remove button)."""
    try:
        return get_object_or_404(queryset, pk=pk)
    except (ValidationError, ValueError) as exc:
        raise Http404 from exc


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
