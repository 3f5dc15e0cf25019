"""The Open Referral HSDS 3.0 read API under /api/hsds/: open to everyone (no key, CORS open),
published records only, ``Page`` envelopes, and the query parameters of the HSDS API
reference."""

import datetime
import json
import math
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
    StreamingHttpResponse,
)
from django.urls import reverse
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.http import require_GET

from socioinfo.api import hsds
from socioinfo.api.rows import service_dicts
from socioinfo.api.taxonomies import TAXONOMIES, all_terms, form_term_id, taxonomy_dict
from socioinfo.directory.models import (
    AgeGroup,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceType,
    TargetGroup,
)
from socioinfo.directory.models.taxonomy import ServiceForm

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500


class BadRequest(Exception):
    pass


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


def _flag(request: HttpRequest, name: str) -> bool:
    value = request.GET.get(name, "").lower()
    if value in ("", "false", "0", "no"):
        return False
    if value in ("true", "1", "yes"):
        return True
    raise BadRequest(f"{name} must be true or false, not {value!r}.")


def _int(request: HttpRequest, name: str, default: int, low: int, high: int) -> int:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError as error:
        raise BadRequest(f"{name} must be a whole number, not {raw!r}.") from error
    if not low <= value <= high:
        raise BadRequest(f"{name} must be between {low} and {high}.")
    return value


def page(request: HttpRequest, items: list[Any], render: Callable[[Any], Any]) -> JsonResponse:
    """The HSDS ``Page`` envelope around one page of ``items``."""
    per_page = _int(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    total = len(items)
    pages = max(1, math.ceil(total / per_page))
    number = _int(request, "page", 1, 1, 10**9)
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
def openapi(request: HttpRequest) -> HttpResponseBase:
    path = settings.DATA_DIR / "hsds" / "3.0" / "schema" / "openapi.json"
    return FileResponse(path.open("rb"), content_type="application/json")


@api
def profile(request: HttpRequest) -> HttpResponse:
    return JsonResponse(
        {
            "name": "Socioinfo Czech social services profile of HSDS 3.0",
            "base": "https://docs.openreferral.org/en/latest/hsds/",
            "taxonomies": [taxonomy_dict(t) for t in TAXONOMIES],
            "organization_identifier_scheme": "CZ-ICO (IČO, 8 digits with a checksum)",
            "documentation": "docs/hsds_profile.md in the Socioinfo source",
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _term_kind(term_id: str) -> tuple[str, Any]:
    """Which code list a taxonomy term id belongs to, and its value there."""
    if ServiceType.objects.filter(pk=term_id).exists():
        return "service_type", term_id
    if TargetGroup.objects.filter(pk=term_id).exists():
        return "target_group", term_id
    if AgeGroup.objects.filter(pk=term_id).exists():
        return "age_group", term_id
    for value, _label in ServiceForm.choices:
        if form_term_id(value) == term_id:
            return "form", value
    for term in all_terms():
        if term["id"] == term_id and term["code"] == "§32":
            return "group", term["name"]
    raise BadRequest(f"No taxonomy term has the id {term_id!r}.")


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def filtered_services(request: HttpRequest) -> list[Any]:
    """Ids of published services matching the HSDS query parameters (AND), in the API's
    order: relevance for a search, else name. Words and the code-list filters run on the
    search engine; the rest (organisation, modification time, postcode, age group) on the
    database."""
    import numpy as np

    from socioinfo.search.query import SearchParams, select

    selection = select(SearchParams(text=request.GET.get("search", "").strip()))
    engine = selection.engine
    mask = selection.mask()
    database = Service.objects.published()
    narrowed = False
    if term_id := request.GET.get("taxonomy_term_id"):
        if not _is_uuid(term_id):
            raise BadRequest("taxonomy_term_id must be a UUID.")
        kind, value = _term_kind(term_id)
        if kind == "group":
            types = ServiceType.objects.filter(group=value).values_list("pk", flat=True)
            mask &= engine.members("service_type", types)
        elif kind == "age_group":
            database, narrowed = database.filter(age_groups=value), True
        else:
            mask &= engine.members(kind, [value])
    if taxonomy_id := request.GET.get("taxonomy_id"):
        known = {t.id: t for t in TAXONOMIES}
        if taxonomy_id not in known:
            raise BadRequest(f"No taxonomy has the id {taxonomy_id!r}.")
        slug = known[taxonomy_id].slug
        if slug == "cz-age-groups":
            database, narrowed = database.filter(age_groups__isnull=False).distinct(), True
        else:
            facet = {
                "cz-social-service-types": "service_type",
                "cz-target-groups": "target_group",
                "cz-service-forms": "form",
            }[slug]
            mask &= engine.members(facet, list(engine.postings[facet]))
    if organization_id := request.GET.get("organization_id"):
        if not _is_uuid(organization_id):
            raise BadRequest("organization_id must be a UUID.")
        database, narrowed = database.filter(organisation_id=organization_id), True
    if modified_after := request.GET.get("modified_after"):
        moment = parse_datetime(modified_after)
        if moment is None:
            day = parse_date(modified_after)
            if day is None:
                raise BadRequest("modified_after must be an ISO 8601 date or date-time.")
            moment = datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
        elif moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        database, narrowed = database.filter(updated_at__gte=moment), True
    if postcode := request.GET.get("postcode"):
        database = database.filter(
            service_at_locations__location__postcode=postcode.replace(" ", "")
        ).distinct()
        narrowed = True
    if narrowed:
        mask &= engine.mask_of(database.values_list("pk", flat=True))
    candidates = np.flatnonzero(mask)
    ranks = engine.rank[candidates]
    if selection.words:
        order = np.lexsort((ranks, -selection.scores[candidates]))
    else:
        order = np.argsort(ranks, kind="stable")
    return [engine.ids[int(candidates[i])] for i in order]


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
    ids = filtered_services(request)
    if request.GET.get("format") == "ndjson":
        return StreamingHttpResponse(_ndjson(ids), content_type="application/x-ndjson")
    if request.GET.get("format") not in (None, "", "json"):
        raise BadRequest("format must be json or ndjson.")
    if _flag(request, "minimal"):
        updated = dict(Service.objects.filter(pk__in=ids).values_list("pk", "updated_at"))
        return page(
            request,
            ids,
            lambda chunk: [
                {"id": str(pk), "last_modified": updated[pk].astimezone(datetime.UTC).isoformat()}
                for pk in chunk
            ],
        )
    return page(request, ids, _render_services(_flag(request, "full")))


def _ndjson(ids: list[Any], batch: int = 2000) -> Iterator[bytes]:
    """Every matching service, one JSON object a line, read 2,000 at a time: memory stays
    flat."""
    render = _render_services(True)
    for start in range(0, len(ids), batch):
        for item in render(ids[start : start + batch]):
            yield (json.dumps(item, ensure_ascii=False) + "\n").encode()


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


@api
def organizations(request: HttpRequest) -> HttpResponse:
    queryset = _published_organisations()
    if text := request.GET.get("search", "").strip():
        queryset = queryset.filter(name__icontains=text)
    organisations = list(queryset)
    return page(request, organisations, lambda chunk: [hsds.organization_dict(o) for o in chunk])


@api
def organization(request: HttpRequest, pk: Any) -> HttpResponse:
    found = _published_organisations().filter(pk=pk).first()
    if found is None:
        raise Http404
    ids = list(
        Service.objects.published()
        .filter(organisation=found)
        .order_by("sort_name", "pk")
        .values_list("pk", flat=True)
    )
    services = _render_services(False)(ids)
    return JsonResponse(
        hsds.organization_dict(found, services), json_dumps_params={"ensure_ascii": False}
    )


def _links() -> Any:
    return (
        ServiceAtLocation.objects.filter(service__in=Service.objects.published())
        .select_related("location", "location__city_district")
        .defer("location__city_district__geometry")
        .prefetch_related("openingrules", "location__accessibility_features")
        .order_by("service__sort_name", "pk")
    )


@api
def service_at_locations(request: HttpRequest) -> HttpResponse:
    links = _links()
    if organization_id := request.GET.get("organization_id"):
        links = links.filter(service__organisation_id=organization_id)
    items = list(links)
    return page(request, items, lambda chunk: [hsds.service_at_location_dict(x) for x in chunk])


@api
def service_at_location(request: HttpRequest, pk: Any) -> HttpResponse:
    found = _links().filter(pk=pk).first()
    if found is None:
        raise Http404
    return JsonResponse(
        hsds.service_at_location_dict(found), json_dumps_params={"ensure_ascii": False}
    )


@api
def taxonomies(request: HttpRequest) -> HttpResponse:
    return page(request, list(TAXONOMIES), lambda chunk: [taxonomy_dict(t) for t in chunk])


@api
def taxonomy(request: HttpRequest, pk: str) -> HttpResponse:
    for item in TAXONOMIES:
        if item.id == pk:
            return JsonResponse(taxonomy_dict(item), json_dumps_params={"ensure_ascii": False})
    raise Http404


@api
def taxonomy_terms(request: HttpRequest) -> HttpResponse:
    terms = all_terms()
    if taxonomy_id := request.GET.get("taxonomy_id"):
        terms = [t for t in terms if t["taxonomy_id"] == taxonomy_id]
    if parent_id := request.GET.get("parent_id"):
        terms = [t for t in terms if t["parent_id"] == parent_id]
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
    """Staff tables hold unpublished records: logged-in staff only (others get a 403)."""

    @require_GET
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not (request.user.is_authenticated and request.user.is_staff):
            return JsonResponse({"error": "Staff only: log in at /admin/ first."}, status=403)
        return view(request, *args, **kwargs)

    return wrapped


@_staff_only
def services_csv(request: HttpRequest) -> HttpResponseBase:
    from socioinfo.api.exports import services_csv as export

    return export(request)


@_staff_only
def services_xlsx(request: HttpRequest) -> HttpResponseBase:
    from socioinfo.api.exports import services_xlsx as export

    return export(request)
