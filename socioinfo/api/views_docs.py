"""The OpenAPI documents (/api/openapi.json for the whole API, /api/hsds/openapi.json and
/api/v1/openapi.json for each part) and the browsable docs page (/api/) read from them."""

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from socioinfo.api import docs
from socioinfo.api.openapi import Part, openapi_document
from socioinfo.api.views import api


def _document(request: HttpRequest, part: Part, name: str) -> JsonResponse:
    server = request.build_absolute_uri(reverse(name)).removesuffix("/openapi.json")
    return JsonResponse(openapi_document(server, part), json_dumps_params={"ensure_ascii": False})


@api
def openapi_all(request: HttpRequest) -> HttpResponse:
    return _document(request, "all", "api_docs:openapi")


@api
def openapi_hsds(request: HttpRequest) -> HttpResponse:
    return _document(request, "hsds", "api:openapi")


@api
def openapi_v1(request: HttpRequest) -> HttpResponse:
    return _document(request, "v1", "api_v1:openapi")


@api
def not_found(request: HttpRequest) -> HttpResponse:
    raise Http404


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    base = reverse("api_docs:openapi").removesuffix("/openapi.json")
    document = openapi_document(request.build_absolute_uri(base))
    return render(
        request,
        "api/docs.html",
        {
            "nav": "api",
            "sections": docs.sections(document, base, docs.example_ids()),
            "documents": [
                reverse("api_docs:openapi"),
                reverse("api:openapi"),
                reverse("api_v1:openapi"),
            ],
            "info": document["info"],
        },
    )
