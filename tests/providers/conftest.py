"""Two providers, each with a service at a place with hours and a phone; an editor for
each, a city editor. Mail goes to the locmem outbox."""

import datetime

import pytest

from socioinfo.accounts.roles import Role
from socioinfo.directory.models import ContactPoint
from tests.accounts.helpers import make_user, sign_in
from tests.factories import (
    LocationFactory,
    OpeningRuleFactory,
    OrganisationFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _provider(name: str):
    organisation = OrganisationFactory(name=name)
    service = ServiceFactory(organisation=organisation, name=f"Poradna {name}")
    location = LocationFactory(organisation=organisation)
    link = ServiceAtLocationFactory(service=service, location=location)
    OpeningRuleFactory(service_at_location=link, weekday=0)
    ContactPoint.objects.create(service=service, kind="phone", value="+420 541 000 111")
    ContactPoint.objects.create(organisation=organisation, kind="email", value=f"info@{name}.cz")
    return organisation


@pytest.fixture
def mine(db):
    return _provider("nasespolek")


@pytest.fixture
def theirs(db):
    return _provider("cizispolek")


@pytest.fixture
def editor(mine):
    return make_user(Role.PROVIDER_EDITOR, organisations=[mine], email="editor@nasespolek.cz")


@pytest.fixture
def other_editor(theirs):
    return make_user(Role.PROVIDER_EDITOR, organisations=[theirs], email="editor@cizispolek.cz")


@pytest.fixture
def city_editor(db):
    return make_user(Role.CITY_EDITOR, email="redakce@brno.cz")


@pytest.fixture
def editor_client(client, editor):
    return sign_in(client, editor, verified=False)


@pytest.fixture
def city_client(client, city_editor):
    return sign_in(client, city_editor)


LONG_AGO = datetime.date(2020, 1, 1)
