"""factory_boy factories for the directory. Code lists come from migrations, areas from
tests/conftest.py, so factories look those up instead of inventing them."""

import datetime

import factory

from socioinfo.directory.models import (
    Location,
    OpeningException,
    OpeningRule,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceStatus,
    ServiceType,
)
from socioinfo.directory.validators import ico_check_digit


def valid_ico(n: int) -> str:
    first = f"{n:07d}"
    return first + str(ico_check_digit(first))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testovací spolek {n}")
    legal_form = "spolek"
    ico = factory.Sequence(lambda n: valid_ico(2_000_000 + n))


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Testovací služba {n}")
    service_type = factory.LazyFunction(lambda: ServiceType.objects.get(paragraph="§37"))
    status = ServiceStatus.ACTIVE
    last_verified_on = factory.LazyFunction(datetime.date.today)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organisation = factory.SubFactory(OrganisationFactory)
    street = "náměstí Svobody"
    house_number = "1"
    postcode = "60200"
    latitude = 49.1951
    longitude = 16.6080


class ServiceAtLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceAtLocation

    service = factory.SubFactory(ServiceFactory)
    location = factory.SubFactory(
        LocationFactory, organisation=factory.SelfAttribute("..service.organisation")
    )


class OpeningRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningRule

    weekday = 0
    opens = datetime.time(8, 0)
    closes = datetime.time(16, 0)


class OpeningExceptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningException
