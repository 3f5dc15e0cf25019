"""Socioinfo's own read API, version 1 (/api/v1/): services with opening hours and "open now",
city districts and life situations. Open to everyone like the HSDS API (CORS open, GET only,
published records only, the same ``Page`` envelope, a 400 that says what to fix)."""

import datetime
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from socioinfo.api import v1_data
from socioinfo.api.filters import BadRequest, flag
from socioinfo.api.views import api, page
from socioinfo.directory.models import Service
from socioinfo.directory.models.taxonomy import ServiceForm
from socioinfo.search.query import SearchParams

LANGUAGES = [code for code, _name in settings.LANGUAGES]
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _json(data: Any) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def _lang(request: HttpRequest) -> str:
    lang = request.GET.get("lang") or settings.LANGUAGE_CODE
    if lang not in LANGUAGES:
        raise BadRequest(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}.")
    return lang


def _at(request: HttpRequest) -> datetime.datetime:
    """``at`` (an ISO 8601 date-time; without an offset it is Prague time), default now."""
    raw = request.GET.get("at")
    if raw in (None, ""):
        return timezone.now()
    try:
        moment = parse_datetime(raw)
    except ValueError:
        moment = None
    if moment is None:
        raise BadRequest(f"at must be an ISO 8601 date-time such as 2026-11-24T10:30, not {raw!r}.")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.get_default_timezone())
    try:
        year = timezone.localtime(moment).year
    except OverflowError:
        year = 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise BadRequest(f"at must fall between the years {FIRST_YEAR} and {LAST_YEAR}.")
    return moment


def _search_params(request: HttpRequest) -> SearchParams:
    params = SearchParams(text=request.GET.get("search", "").strip())
    for name, (field, _queryset, key) in v1_data.FILTERS.items():
        if value := request.GET.get(name):
            found = v1_data.filter_value(name, value)
            if found is None:
                raise BadRequest(f"No {name.replace('_', ' ')} has the {key} {value!r}.")
            setattr(params, field, found)
    if form := request.GET.get("form"):
        if form not in ServiceForm.values:
            raise BadRequest(f"form must be one of {', '.join(ServiceForm.values)}, not {form!r}.")
        params.form = form
    return params


def _absolute(request: HttpRequest) -> v1_data.Url:
    return request.build_absolute_uri


@api
def services(request: HttpRequest) -> HttpResponseBase:
    params, lang, at = _search_params(request), _lang(request), _at(request)
    ids = v1_data.ranked_service_ids(params, at if flag(request, "open_now") else None)
    return page(
        request, ids, lambda chunk: v1_data.service_items(chunk, at, lang, _absolute(request))
    )


@api
def service(request: HttpRequest, pk: Any) -> HttpResponse:
    lang, at = _lang(request), _at(request)
    if not Service.objects.published().filter(pk=pk).exists():
        raise Http404
    return _json(v1_data.service_items([pk], at, lang, _absolute(request))[0])


@api
def districts(request: HttpRequest) -> HttpResponseBase:
    geometry = flag(request, "geometry")
    return page(
        request,
        v1_data.districts(geometry),
        lambda chunk: v1_data.district_items(chunk, geometry, _absolute(request)),
    )


@api
def district(request: HttpRequest, code: str) -> HttpResponse:
    geometry = flag(request, "geometry")
    found = v1_data.districts(geometry, code)
    if not found:
        raise Http404
    return _json(v1_data.district_items(found, geometry, _absolute(request))[0])


@api
def life_situations(request: HttpRequest) -> HttpResponseBase:
    lang = _lang(request)
    return page(
        request,
        v1_data.life_situations(),
        lambda chunk: v1_data.life_situation_items(chunk, lang, _absolute(request)),
    )


@api
def life_situation(request: HttpRequest, slug: str) -> HttpResponse:
    lang = _lang(request)
    found = [item for item in v1_data.life_situations() if item.slug == slug]
    if not found:
        raise Http404
    return _json(v1_data.life_situation_items(found, lang, _absolute(request))[0])
