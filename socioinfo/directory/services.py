"""Changing the directory. Transactions and business rules live here."""

from django.db import transaction

from socioinfo.areas.models import AreaLevel
from socioinfo.areas.selectors import area_for_point
from socioinfo.directory.models import Location


def resolve_location_areas(location: Location) -> None:
    """Set the location's city district and municipality from its point (clearing them when
    the point lies outside every known area). A location without a point keeps the areas it
    was given otherwise (the registry import places such addresses by the street register)."""
    if location.latitude is None or location.longitude is None:
        return
    district = area_for_point(location.latitude, location.longitude, AreaLevel.CITY_DISTRICT)
    location.city_district = district
    if district is not None:
        location.municipality = district.parent
    else:
        location.municipality = area_for_point(
            location.latitude, location.longitude, AreaLevel.MUNICIPALITY
        )


@transaction.atomic
def save_location(location: Location) -> Location:
    """Validate and save a location with its areas resolved from the point."""
    resolve_location_areas(location)
    location.full_clean()
    location.save()
    return location
