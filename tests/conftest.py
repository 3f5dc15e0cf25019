"""Shared fixtures. Areas are real: loaded from data/boundaries once per test database."""

import pytest

from socioinfo.areas.selectors import clear_area_index_cache


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the real boundaries once into the test database (kept across tests, since every
    test runs in a transaction that is rolled back)."""
    from socioinfo.areas.services import load_areas

    with django_db_blocker.unblock():
        load_areas()
    clear_area_index_cache()


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    """Uploaded files of the whole session go to a temporary folder, never to var/media."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(autouse=True)
def _fresh_area_index():
    clear_area_index_cache()
    yield
    clear_area_index_cache()


@pytest.fixture(autouse=True)
def _fresh_search_engine():
    """Each test's transaction is rolled back, so no search engine may outlive it."""
    from socioinfo.search.engine import bump_version, forget_engine

    forget_engine()
    bump_version()
    yield
    forget_engine()


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, signed in with the second factor every administrator
    must confirm (socioinfo.accounts.roles.SECOND_FACTOR_ROLES)."""
    from tests.accounts.helpers import sign_in

    return sign_in(client, admin_user)


DEMO_DAY = __import__("datetime").date(2026, 11, 24)


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The demo directory loaded once for a test module, rolled back at its end."""
    from django.db import transaction

    from socioinfo.directory.demo import load_demo

    with django_db_blocker.unblock(), transaction.atomic():
        report = load_demo(today=DEMO_DAY)
        yield report
        transaction.set_rollback(True)
