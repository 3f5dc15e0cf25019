"""Example responses shown in the document and on the docs page: shortened records of the
demo data. ``tests/api/test_openapi.py`` validates each against its schema."""

from typing import Any

SERVICE_ID = "2d5f5850-d53d-5437-998e-48b96328f8aa"
ORGANIZATION_ID = "35ab8f2b-11d6-55af-ba1d-e6fe99036d41"
LINK_ID = "f702a805-a80b-44be-bf54-2e158d0b3fcd"
LOCATION_ID = "16599373-02b2-5897-9a39-4d82f02b164d"
SERVICE_TYPES_ID = "2be5d43c-5cd3-572f-84ca-fe4163779deb"
SERVICE_TYPES = "Druhy sociálních služeb (zákon č. 108/2006 Sb.)"
TERM_ID = "e609337a-ca7d-4429-aa20-ed28a3c457f9"
TIME_ZONE = "Europe/Prague"

API_INFO: dict[str, Any] = {
    "version": "3.0",
    "profile": "https://socioinfo.example/api/hsds/profile",
    "openapi_url": "https://socioinfo.example/api/hsds/openapi.json",
}
HSDS_TAXONOMY: dict[str, Any] = {
    "id": SERVICE_TYPES_ID,
    "name": SERVICE_TYPES,
    "description": "Service types of the Czech Act 108/2006 Sb. on social services; code = "
    "the section of the Act; parents are the kinds of §32.",
    "uri": "https://www.zakonyprolidi.cz/cs/2006-108",
    "version": "2026",
}
PROFILE: dict[str, Any] = {
    "name": "socioinfo-cz",
    "title": "Socioinfo Czech social services profile of HSDS 3.0",
    "taxonomies": [HSDS_TAXONOMY],
}
HSDS_TAXONOMY_TERM: dict[str, Any] = {
    "id": TERM_ID,
    "code": "§37",
    "name": "odborné sociální poradenství",
    "description": "odborné sociální poradenství",
    "parent_id": "87a5e305-b334-5767-9a94-be721fa5f953",
    "taxonomy": SERVICE_TYPES,
    "taxonomy_id": SERVICE_TYPES_ID,
    "language": "cs",
}
HSDS_LOCATION: dict[str, Any] = {
    "id": LOCATION_ID,
    "location_type": "physical",
    "organization_id": ORGANIZATION_ID,
    "name": "Stará dálnice 78, 63500 Brno",
    "transportation": "Zastávka Rokle (autobus 303).",
    "latitude": 49.246831,
    "longitude": 16.496243,
    "addresses": [
        {
            "id": "25ff45c6-738b-5b85-b94a-2be53c0221a5",
            "location_id": LOCATION_ID,
            "address_1": "Stará dálnice 78",
            "city": "Brno",
            "region": "Brno-Bystrc",
            "state_province": "Jihomoravský kraj",
            "postal_code": "63500",
            "country": "CZ",
            "address_type": "physical",
        }
    ],
}
HSDS_SERVICE_AT_LOCATION: dict[str, Any] = {
    "id": LINK_ID,
    "service_id": SERVICE_ID,
    "location_id": LOCATION_ID,
    "schedules": [
        {
            "id": "32ee490a-754f-5de1-9c00-6a9c20e21a62",
            "service_at_location_id": LINK_ID,
            "freq": "WEEKLY",
            "byday": "MO,WE",
            "opens_at": "08:00",
            "closes_at": "17:00",
            "notes": TIME_ZONE,
        }
    ],
    "location": HSDS_LOCATION,
}
HSDS_ORGANIZATION: dict[str, Any] = {
    "id": ORGANIZATION_ID,
    "name": "Poradna Bystrc, z. s.",
    "description": "Dluhové a sociální poradenství v Bystrci.",
    "email": "info@poradnabystrc.example",
    "legal_status": "spolek (z. s.)",
    "organization_identifiers": [
        {
            "id": "c13e7722-50d1-5bef-a2a3-40c117458af5",
            "organization_id": ORGANIZATION_ID,
            "identifier_scheme": "CZ-ICO",
            "identifier_type": "IČO",
            "identifier": "69932123",
        }
    ],
}
HSDS_SERVICE: dict[str, Any] = {
    "id": SERVICE_ID,
    "organization_id": ORGANIZATION_ID,
    "name": "Dluhová poradna Brno-Bystrc",
    "description": "Dluhové poradenství zdarma: projdeme s vámi dluhy a exekuce, sestavíme "
    "rozpočet a pomůžeme podat návrh na oddlužení.",
    "status": "active",
    "fees_description": "zdarma",
    "minimum_age": 19,
    "assured_date": "2026-09-09",
    "last_modified": "2026-11-24T08:00:00+00:00",
    "phones": [
        {
            "id": "def79cb7-ec76-4ff2-9c32-2734165c1494",
            "service_id": SERVICE_ID,
            "number": "+420 527 894 994",
            "type": "voice",
        }
    ],
    "languages": [
        {
            "id": "9e3d3525-bc6f-5362-a37e-098b30879f2e",
            "service_id": SERVICE_ID,
            "name": "Czech",
            "code": "cs",
        }
    ],
    "service_at_locations": [HSDS_SERVICE_AT_LOCATION],
    "attributes": [
        {
            "id": "a5c6431f-890b-5a47-83fc-874731c14e35",
            "link_id": SERVICE_ID,
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": TERM_ID,
            "taxonomy_term": {
                key: HSDS_TAXONOMY_TERM[key]
                for key in ("id", "code", "name", "description", "taxonomy", "taxonomy_id")
            },
        }
    ],
}
HSDS_SERVICE_FULL: dict[str, Any] = {**HSDS_SERVICE, "organization": HSDS_ORGANIZATION}

V1_HOURS: dict[str, Any] = {
    "time_zone": TIME_ZONE,
    "weekly": [
        {
            "day": "MO",
            "opens": "08:00",
            "closes": "17:00",
            "overnight": False,
            "valid_from": None,
            "valid_to": None,
            "note": "",
        },
        {
            "day": "FR",
            "opens": "08:00",
            "closes": "13:00",
            "overnight": False,
            "valid_from": None,
            "valid_to": None,
            "note": "jen po objednání",
        },
    ],
    "exceptions": [
        {"date": "2026-12-24", "closed": True, "opens": None, "closes": None, "note": ""},
        {
            "date": "2026-12-31",
            "closed": False,
            "opens": "08:00",
            "closes": "12:00",
            "note": "zkrácená provozní doba",
        },
    ],
}
BYSTRC = {"code": "551198", "name": "Brno-Bystrc"}
V1_SERVICE: dict[str, Any] = {
    "id": SERVICE_ID,
    "name": "Dluhová poradna Brno-Bystrc",
    "description": HSDS_SERVICE["description"],
    "eligibility": "Pro: osoby v krizi, rodiny s dítětem/dětmi.",
    "fees": "",
    "free_of_charge": True,
    "organization": {"id": ORGANIZATION_ID, "name": "Poradna Bystrc, z. s.", "ico": "69932123"},
    "service_type": {
        "slug": "odborne-socialni-poradenstvi",
        "section": "§37",
        "name": "odborné sociální poradenství",
    },
    "forms": [{"form": "outpatient", "capacity": None, "capacity_unit": None, "non_stop": False}],
    "target_groups": [{"slug": "osoby-v-krizi", "name": "osoby v krizi"}],
    "languages": [{"code": "cs", "name": "čeština"}],
    "districts": [BYSTRC],
    "contacts": [{"kind": "phone", "value": "+420 527 894 994", "note": ""}],
    "last_verified": "2026-09-09",
    "open_now": False,
    "opening_hours": {"time_zone": TIME_ZONE, "weekly": [], "exceptions": []},
    "places": [
        {
            "id": LINK_ID,
            "location_id": LOCATION_ID,
            "name": "",
            "address": "Stará dálnice 78, 63500 Brno",
            "street": "Stará dálnice 78",
            "postcode": "63500",
            "city": "Brno",
            "district": BYSTRC,
            "latitude": 49.246831,
            "longitude": 16.496243,
            "note": "",
            "open_now": True,
            "opening_hours": V1_HOURS,
        }
    ],
    "links": {
        "portal": f"https://socioinfo.example/service/{SERVICE_ID}/",
        "hsds": f"https://socioinfo.example/api/hsds/services/{SERVICE_ID}",
    },
}
V1_DISTRICT: dict[str, Any] = {
    "code": "551198",
    "name": "Brno-Bystrc",
    "level": "city_district",
    "municipality": {"code": "582786", "name": "Brno"},
    "population": 23539,
    "population_year": 2018,
    "services": 9,
    "links": {
        "services": "https://socioinfo.example/api/v1/services?district=551198",
        "portal": "https://socioinfo.example/search/?district=551198",
    },
}
V1_LIFE_SITUATION: dict[str, Any] = {
    "slug": "dluhy",
    "name": "Mám dluhy a nezvládám splácet",
    "summary": "Chodí vám upomínky, hrozí exekuce nebo nevíte, jak vyjít s penězi? Dluhová "
    "poradna s vámi zdarma projde dluhy a pomůže sestavit rozpočet.",
    "service_types": [
        {
            "slug": "odborne-socialni-poradenstvi",
            "section": "§37",
            "name": "odborné sociální poradenství",
        }
    ],
    "target_groups": [{"slug": "osoby-v-krizi", "name": "osoby v krizi"}],
    "services": 22,
    "links": {
        "services": "https://socioinfo.example/api/v1/services?situation=dluhy",
        "portal": "https://socioinfo.example/situations/dluhy/",
    },
}


def page_of(item: dict[str, Any]) -> dict[str, Any]:
    """``item`` as the only one of a page."""
    return {
        "total_items": 1,
        "total_pages": 1,
        "page_number": 1,
        "size": 1,
        "first_page": True,
        "last_page": True,
        "empty": False,
        "contents": [item],
    }
