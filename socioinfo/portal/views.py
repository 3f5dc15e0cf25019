"""Public pages. Views only read the request and pick a template; the reading is in
selectors, search in socioinfo.search."""

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from socioinfo.directory.models import LifeSituation
from socioinfo.directory.selectors import directory_overview
from socioinfo.planning.groups import announced_meetings
from socioinfo.portal import selectors
from socioinfo.portal.forms import SearchForm
from socioinfo.portal.jsonld import organisation_jsonld, service_jsonld
from socioinfo.portal.search_page import search_context
from socioinfo.search.query import SearchParams, search


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    overview = directory_overview()
    return render(
        request,
        "portal/home.html",
        {
            "overview": overview,
            "czech_fallback": any(
                s.localized("name").is_fallback for s in overview.life_situations
            ),
            "centre": selectors.socio_info_centre(),
            "form": SearchForm(),
            "meetings": announced_meetings()[:3],
        },
    )


@require_GET
def search_view(request: HttpRequest) -> HttpResponse:
    context = search_context(request)
    return render(request, "portal/search.html", {"nav": "search", **context})


@require_GET
def service(request: HttpRequest, pk: Any) -> HttpResponse:
    page = selectors.service_page(pk)
    return render(
        request,
        "portal/service.html",
        {
            "page": page,
            "service": page.service,
            "jsonld": service_jsonld(page, request),
            "map_points": json.dumps(map_points(page)),
        },
    )


def map_points(page: selectors.ServicePage) -> list[dict[str, Any]]:
    return [
        {
            "lat": p.link.location.latitude,
            "lon": p.link.location.longitude,
            "label": p.link.location.address,
        }
        for p in page.places
        if p.link.location.latitude is not None
    ]


@require_GET
def organisation(request: HttpRequest, pk: Any) -> HttpResponse:
    org, services = selectors.organisation_page(pk)
    return render(
        request,
        "portal/organisation.html",
        {
            "organisation": org,
            "services": services,
            "jsonld": organisation_jsonld(org, services, request),
        },
    )


@require_GET
def situations(request: HttpRequest) -> HttpResponse:
    items = list(LifeSituation.objects.filter(is_active=True))
    return render(
        request,
        "portal/situations.html",
        {
            "nav": "situations",
            "situations": items,
            "czech_fallback": any(s.localized("name").is_fallback for s in items),
        },
    )


@require_GET
def situation(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(LifeSituation, slug=slug, is_active=True)
    result = search(SearchParams(situation=item), page_size=12, with_facets=False)
    return render(
        request,
        "portal/situation.html",
        {
            "nav": "situations",
            "situation": item,
            "result": result,
            "more_url": reverse("portal:search") + f"?situation={item.slug}",
            "types": item.service_types.all(),
        },
    )


@require_GET
def centre(request: HttpRequest) -> HttpResponse:
    page = selectors.socio_info_centre()
    return render(
        request,
        "portal/centre.html",
        {"nav": "centre", "page": page, "map_points": json.dumps(map_points(page) if page else [])},
    )


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/accessibility.html")


@require_GET
def robots(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /i18n/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('portal:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/sitemap.xml",
        {"urls": selectors.sitemap_urls(request)},
        content_type="application/xml; charset=utf-8",
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "portal/404.html", {"title": _("Page not found")}, status=404)


@require_GET
def districts_geojson(request: HttpRequest) -> HttpResponse:
    """Brno's city districts, simplified, as the map's background (no tile server needed)."""
    response = HttpResponse(selectors.districts_geojson(), content_type="application/geo+json")
    response["Cache-Control"] = "public, max-age=86400"
    return response
