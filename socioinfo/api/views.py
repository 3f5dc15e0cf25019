"""The Open Referral HSDS 3.0 read API under /api/hsds/: open to everyone (no key, CORS open),
published records only, ``Page`` envelopes, and the query parameters of the HSDS API
reference."""

import datetime
import math
import uuid
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any

import orjson
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
    StreamingHttpResponse,
)
from django.urls import reverse
from django.views.decorators.http import require_GET

from socioinfo.api import hsds
from socioinfo.api import profile as hsds_profile
from socioinfo.api.filters import (
    BadRequest,
    flag,
    integer,
    service_at_location_ids,
    service_ids,
    wants_ndjson,
)
from socioinfo.api.rows import service_dicts
from socioinfo.api.taxonomies import TAXONOMIES, all_terms, taxonomy_dict
from socioinfo.directory.models import Organisation, Service, ServiceAtLocation

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500


def api(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """GET only, CORS open, and a 400 with a clear message for bad parameters."""

    @require_GET
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response: HttpResponseBase
        try:
            response = view(request, *args, **kwargs)
        except BadRequest as error:
            response = JsonResponse({"error": str(error)}, status=400)
        except Http404:
            response = JsonResponse({"error": "Not found."}, status=404)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapped


def page(
    request: HttpRequest, items: list[Any], render: Callable[[list[Any]], list[Any]]
) -> HttpResponseBase:
    """The HSDS ``Page`` envelope around one page of ``items``, or with ``format=ndjson``
    every item, one JSON object a line, rendered a batch at a time."""
    if wants_ndjson(request):
        return StreamingHttpResponse(ndjson(items, render), content_type="application/x-ndjson")
    per_page = integer(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    total = len(items)
    pages = max(1, math.ceil(total / per_page))
    number = integer(request, "page", 1, 1, 10**9)
    chunk = items[(number - 1) * per_page : number * per_page]
    return JsonResponse(
        {
            "total_items": total,
            "total_pages": pages,
            "page_number": number,
            "size": len(chunk),
            "first_page": number == 1,
            "last_page": number >= pages,
            "empty": not chunk,
            "contents": render(chunk),
        },
        json_dumps_params={"ensure_ascii": False},
    )


def ndjson(
    items: list[Any], render: Callable[[list[Any]], list[Any]], batch: int = 2000
) -> Iterator[bytes]:
    """One JSON object a line (UTF-8, compact), ``batch`` items rendered at a time: memory
    stays flat."""
    for start in range(0, len(items), batch):
        yield b"".join(orjson.dumps(item) + b"\n" for item in render(items[start : start + batch]))


@api
def root(request: HttpRequest) -> HttpResponse:
    return JsonResponse(
        {
            "version": hsds.HSDS_VERSION,
            "profile": request.build_absolute_uri(reverse("api:profile")),
            "openapi_url": request.build_absolute_uri(reverse("api:openapi")),
        }
    )


@api
def profile(request: HttpRequest) -> HttpResponse:
    """The Czech profile: what it is based on, its patches and compiled schemas (links), its
    taxonomies and identifier scheme."""
    manifest = hsds_profile.manifest()

    def links(kind: str, names: list[str]) -> dict[str, str]:
        return {
            name: request.build_absolute_uri(
                reverse("api:profile_file", kwargs={"kind": kind, "name": name})
            )
            for name in names
        }

    return JsonResponse(
        {
            **manifest,
            "patches": links("patches", hsds_profile.patch_names()),
            "schemas": links("schemas", sorted(hsds_profile.compiled_schemas())),
            "taxonomies": [taxonomy_dict(t) for t in TAXONOMIES],
            "organization_identifier_scheme": "CZ-ICO (IČO, 8 digits, the last a check digit)",
            "documentation": "docs/hsds_profile.md in the Socioinfo source",
        },
        json_dumps_params={"ensure_ascii": False},
    )


@api
def profile_file(request: HttpRequest, kind: str, name: str) -> HttpResponse:
    """One patch file of the profile as published, or one compiled schema."""
    try:
        data = (
            hsds_profile.patch(name) if kind == "patches" else hsds_profile.compiled_schemas()[name]
        )
    except KeyError:
        raise Http404 from None
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def _render_services(full: bool) -> Callable[[list[Any]], list[dict[str, Any]]]:
    def render(ids: list[Any]) -> list[dict[str, Any]]:
        items = service_dicts(ids)
        if not full:
            for item in items:
                item.pop("organization", None)
        return items

    return render


@api
def services(request: HttpRequest) -> HttpResponseBase:
    ids = service_ids(request)
    if flag(request, "minimal"):
        return page(request, ids, _minimal)
    return page(request, ids, _render_services(flag(request, "full")))


def _minimal(ids: list[Any]) -> list[dict[str, Any]]:
    updated = dict(Service.objects.filter(pk__in=ids).values_list("pk", "updated_at"))
    return [
        {"id": str(pk), "last_modified": updated[pk].astimezone(datetime.UTC).isoformat()}
        for pk in ids
    ]


@api
def service(request: HttpRequest, pk: Any) -> HttpResponse:
    if not Service.objects.published().filter(pk=pk).exists():
        raise Http404
    return JsonResponse(service_dicts([pk])[0], json_dumps_params={"ensure_ascii": False})


def _published_organisations() -> Any:
    return (
        Organisation.objects.filter(is_active=True, services__in=Service.objects.published())
        .distinct()
        .order_by("name", "pk")
        .prefetch_related("contacts")
    )


def _organisation_services(organisation_ids: list[Any]) -> dict[Any, list[dict[str, Any]]]:
    """Each organisation's published services, fully nested but without the organisation."""
    ids = list(
        Service.objects.published()
        .filter(organisation_id__in=organisation_ids)
        .order_by("sort_name", "pk")
        .values_list("pk", flat=True)
    )
    found: dict[Any, list[dict[str, Any]]] = {pk: [] for pk in organisation_ids}
    for item in _render_services(False)(ids):
        found[uuid.UUID(item["organization_id"])].append(item)
    return found


@api
def organizations(request: HttpRequest) -> HttpResponseBase:
    queryset = _published_organisations()
    if text := request.GET.get("search", "").strip():
        queryset = queryset.filter(name__icontains=text)
    flag(request, "full")  # organisations are always complete; the flag is only checked
    with_services = flag(request, "full_service")

    def render(chunk: list[Organisation]) -> list[dict[str, Any]]:
        services = _organisation_services([o.pk for o in chunk]) if with_services else {}
        return [hsds.organization_dict(o, services.get(o.pk)) for o in chunk]

    return page(request, list(queryset), render)


@api
def organization(request: HttpRequest, pk: Any) -> HttpResponse:
    flag(request, "full_service")  # the detail always lists its services, fully nested
    found = _published_organisations().filter(pk=pk).first()
    if found is None:
        raise Http404
    services = _organisation_services([found.pk])[found.pk]
    return JsonResponse(
        hsds.organization_dict(found, services), json_dumps_params={"ensure_ascii": False}
    )


def _links() -> Any:
    return (
        ServiceAtLocation.objects.filter(service__in=Service.objects.published())
        .select_related("location", "location__city_district")
        .defer("location__city_district__geometry")
        .prefetch_related("openingrules", "location__accessibility_features")
    )


@api
def service_at_locations(request: HttpRequest) -> HttpResponseBase:
    ids = service_at_location_ids(request)
    full = flag(request, "full")

    def render(chunk: list[Any]) -> list[dict[str, Any]]:
        links = _links().in_bulk(chunk)
        items = [hsds.service_at_location_dict(links[pk]) for pk in chunk]
        if full:
            services = {s["id"]: s for s in service_dicts([links[pk].service_id for pk in chunk])}
            for item in items:
                item["service"] = services[item["service_id"]]
        return items

    return page(request, ids, render)


@api
def service_at_location(request: HttpRequest, pk: Any) -> HttpResponse:
    found = _links().filter(pk=pk).first()
    if found is None:
        raise Http404
    return JsonResponse(
        hsds.service_at_location_dict(found), json_dumps_params={"ensure_ascii": False}
    )


@api
def taxonomies(request: HttpRequest) -> HttpResponseBase:
    return page(request, list(TAXONOMIES), lambda chunk: [taxonomy_dict(t) for t in chunk])


@api
def taxonomy(request: HttpRequest, pk: str) -> HttpResponse:
    for item in TAXONOMIES:
        if item.id == pk:
            return JsonResponse(taxonomy_dict(item), json_dumps_params={"ensure_ascii": False})
    raise Http404


@api
def taxonomy_terms(request: HttpRequest) -> HttpResponseBase:
    terms = all_terms()
    if taxonomy_id := request.GET.get("taxonomy_id"):
        terms = [t for t in terms if t["taxonomy_id"] == taxonomy_id]
    if parent_id := request.GET.get("parent_id"):
        terms = [t for t in terms if t["parent_id"] == parent_id]
    if flag(request, "top_only"):
        terms = [t for t in terms if t["parent_id"] is None]
    if text := request.GET.get("search", "").strip().lower():
        terms = [t for t in terms if text in t["name"].lower() or text in t["code"].lower()]
    return page(request, terms, lambda chunk: [_without_nulls(t) for t in chunk])


def _without_nulls(term: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in term.items() if v is not None}


@api
def taxonomy_term(request: HttpRequest, pk: str) -> HttpResponse:
    for term in all_terms():
        if term["id"] == pk:
            return JsonResponse(_without_nulls(term), json_dumps_params={"ensure_ascii": False})
    raise Http404


@api
def services_geojson(request: HttpRequest) -> HttpResponseBase:
    from socioinfo.api.exports import services_geojson as export

    return export(request)


def _staff_only(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Staff tables hold unpublished records: the ``directory.export_services`` permission
    (docs/permissions.md), with a confirmed second factor; others get a 403 saying why."""
    from socioinfo.accounts.permissions import api_permission_required

    return require_GET(api_permission_required("directory.export_services")(view))


@_staff_only
def services_csv(request: HttpRequest) -> HttpResponseBase:
    from socioinfo.api.exports import services_csv as export

    return export(request)


@_staff_only
def services_xlsx(request: HttpRequest) -> HttpResponseBase:
    from socioinfo.api.exports import services_xlsx as export

    return export(request)
