"""Everything the search results page shows besides the hits: the active filters with links
to remove them, facet links with counts, pages, and what to do when nothing was found."""

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from socioinfo.portal.forms import SearchForm
from socioinfo.search.places import resolve_place
from socioinfo.search.query import SearchParams, count, nearest_services, search

# Query parameter of each SearchParams filter, and the facet that shows it.
PARAMETERS = {
    "situation": "situation",
    "service_type": "type",
    "target_group": "group",
    "district": "district",
    "form": "form",
    "language": "lang",
    "feature": "access",
    "open_now": "open",
}
FACET_TITLES = {
    "target_group": "For whom",
    "service_type": "Type of service",
    "district": "City district",
    "form": "Form",
    "language": "Language spoken",
    "feature": "Accessibility",
}


@dataclass
class Link:
    label: str
    url: str
    count: int | None = None
    selected: bool = False


def _url(query: QueryDict, **changes: Any) -> str:
    data = query.copy()
    data.pop("page", None)
    for key, value in changes.items():
        if value in (None, ""):
            data.pop(key, None)
        else:
            data[key] = value
    encoded = urlencode(sorted((k, v) for k, values in data.lists() for v in values if v))
    return "?" + encoded if encoded else "?"


def _label(params: SearchParams, name: str) -> str:
    value = getattr(params, name)
    if name == "open_now":
        return _("Open now")
    if name == "form":
        from socioinfo.directory.models.taxonomy import ServiceForm

        return str(ServiceForm(value).label)
    if name == "district":
        return value.name
    return value.localized("name").text


def search_context(request: HttpRequest) -> dict[str, Any]:
    form = SearchForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    params = form.params()
    try:
        page_number = int(request.GET.get("page", "1"))
    except ValueError:
        page_number = 1
    result = search(params, page=page_number)
    query = request.GET

    active = [
        Link(_label(params, name), _url(query, **{PARAMETERS[name]: None}))
        for name in PARAMETERS
        if getattr(params, name)
    ]
    if params.near is not None:
        active.append(
            Link(
                _("near %(place)s") % {"place": params.near.label},
                _url(query, near=None, lat=None, lon=None),
            )
        )
    facets = []
    for name, title in FACET_TITLES.items():
        values = result.facets.get(name, [])
        if not values:
            continue
        parameter = PARAMETERS[name]
        links = [
            Link(
                v.label,
                _url(query, **{parameter: None if v.selected else v.key}),
                v.count,
                v.selected,
            )
            for v in values
        ]
        facets.append({"title": _(title), "name": parameter, "links": links})

    loosen: list[Link] = []
    nearest = []
    if result.total == 0:
        for name in params.active_filters():
            n = count(params.without(name))
            if n:
                parameter = {"near": "near"}.get(name, PARAMETERS.get(name, name))
                changes = {parameter: None}
                if name == "near":
                    changes.update(lat=None, lon=None)
                label = (
                    _("near %(place)s") % {"place": params.near.label}
                    if name == "near" and params.near
                    else _label(params, name)
                )
                loosen.append(Link(label, _url(query, **changes), n))
        if params.text and params.active_filters():
            n = count(SearchParams(text=params.text))
            if n:
                loosen.append(Link(_("all filters"), "?" + urlencode({"q": params.text}), n))
        place = params.near or resolve_place("náměstí Svobody")
        if place is not None:
            nearest = nearest_services(place, 5)

    pages = [
        Link(str(n), _url(query, page=n if n > 1 else None), selected=n == result.page)
        for n in range(1, result.pages + 1)
        if n in (1, result.pages) or abs(n - result.page) <= 2
    ]
    points = [
        {
            "lat": loc.latitude,
            "lon": loc.longitude,
            "label": hit.service.localized("name").text,
            "url": reverse("portal:service", args=[hit.service.pk]),
        }
        for hit in result.hits
        for loc in hit.service.locations.all()
        if loc.latitude is not None
    ]
    czech_fallback = any(hit.service.localized("description").is_fallback for hit in result.hits)
    return {
        "czech_fallback": czech_fallback,
        "form": form,
        # Selects rendered straight from their choices (Django's widget templates cost a
        # millisecond per dozen options, and these have 150 between them).
        "select_fields": ("situation", "type", "group", "district", "form", "lang", "access"),
        "params": params,
        "result": result,
        "active": active,
        "facets": facets,
        "loosen": loosen,
        "nearest": nearest,
        "pages": pages,
        "previous_url": _url(query, page=result.page - 1) if result.page > 1 else "",
        "next_url": _url(query, page=result.page + 1) if result.page < result.pages else "",
        "ignored": form.ignored_fields() if form.is_bound else [],
        "place_not_found": form.place_not_found,
        "map_points": json.dumps(points),
    }
