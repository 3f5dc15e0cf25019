"""schema.org structured data for service and organisation pages (JSON-LD), so search
engines and other systems can read what a service is, where, when and for whom."""

import json
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from socioinfo.directory.models import Organisation, Service
from socioinfo.portal.selectors import ServicePage

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _dump(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # "</" must not close the script element the data sits in.
    return mark_safe(text.replace("</", "<\\/"))  # noqa: S308 - escaped above


def _organisation(org: Organisation, request: HttpRequest) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "NGO"
        if org.legal_form in ("spolek", "ops", "ustav", "cirkevni")
        else "Organization",
        "name": org.name,
        "url": request.build_absolute_uri(reverse("portal:organisation", args=[org.pk])),
    }
    if org.ico:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "IČO", "value": org.ico}
    if org.website:
        data["sameAs"] = org.website
    return data


def _contacts(contacts: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for contact in contacts:
        if contact.kind == "phone":
            data.setdefault("telephone", contact.value)
        elif contact.kind == "email":
            data.setdefault("email", contact.value)
    return data


def service_jsonld(page: ServicePage, request: HttpRequest) -> SafeString:
    service: Service = page.service
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Service",
        "@id": request.build_absolute_uri(),
        "name": service.localized("name").text,
        "description": service.localized("description").text,
        "provider": _organisation(service.organisation, request),
        "isAccessibleForFree": service.is_free,
        "audience": [
            {"@type": "Audience", "audienceType": g.localized("name").text}
            for g in service.target_groups.all()
        ],
        "availableLanguage": [lang.code for lang in service.languages.all()],
        "dateModified": service.updated_at.date().isoformat(),
    }
    if service.service_type is not None:
        data["serviceType"] = service.service_type.localized("name").text
    if service.last_verified_on:
        data["lastReviewed"] = service.last_verified_on.isoformat()
    channels = []
    for place in page.places:
        location = place.link.location
        point: dict[str, Any] = {
            "@type": "Place",
            "name": location.name or location.address,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": f"{location.street} {location.house_number}".strip(),
                "postalCode": location.postcode,
                "addressLocality": location.city,
                "addressCountry": "CZ",
            },
        }
        if location.latitude is not None:
            point["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": location.latitude,
                "longitude": location.longitude,
            }
        specs = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{DAYS[rule.weekday]}",
                "opens": f"{rule.opens:%H:%M}",
                "closes": "23:59" if rule.closes == rule.opens else f"{rule.closes:%H:%M}",
            }
            for rule in place.link.openingrules.all()
        ]
        if specs:
            point["openingHoursSpecification"] = specs
        channel: dict[str, Any] = {"@type": "ServiceChannel", "serviceLocation": point}
        channel.update(_contacts(service.contacts.all()))
        channels.append(channel)
    if channels:
        data["availableChannel"] = channels
    served = [a.name for a in service.areas_served.all()]
    if served:
        data["areaServed"] = served
    return _dump(data)


def organisation_jsonld(
    org: Organisation, services: list[Service], request: HttpRequest
) -> SafeString:
    data = {"@context": "https://schema.org", **_organisation(org, request)}
    data["description"] = org.localized("description").text
    data.update(_contacts(org.contacts.all()))
    data["makesOffer"] = [
        {
            "@type": "Offer",
            "itemOffered": {
                "@type": "Service",
                "name": s.localized("name").text,
                "url": request.build_absolute_uri(reverse("portal:service", args=[s.pk])),
            },
        }
        for s in services
    ]
    return _dump(data)
