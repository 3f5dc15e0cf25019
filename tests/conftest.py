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


@pytest.fixture(autouse=True)
def _fresh_area_index():
    clear_area_index_cache()
    yield
    clear_area_index_cache()
