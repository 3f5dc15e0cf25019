"""The staff tables of the API ask the same permission model as every page."""

import pytest

from socioinfo.accounts.roles import Role
from tests.accounts.helpers import make_user, sign_in

pytestmark = pytest.mark.django_db

CSV = "/api/v1/staff/services.csv"
XLSX = "/api/v1/staff/services.xlsx"


@pytest.mark.parametrize(
    "role", [Role.ADMINISTRATOR, Role.CITY_EDITOR, Role.PLANNER, Role.SUBSIDY_EVALUATOR]
)
def test_city_staff_with_a_confirmed_second_factor_get_the_tables(client, role):
    sign_in(client, make_user(role))
    assert client.get(CSV).status_code == 200
    assert client.get(XLSX).status_code == 200


@pytest.mark.parametrize("role", [Role.PROVIDER_EDITOR, Role.WORKING_GROUP_MEMBER])
def test_provider_editors_and_working_groups_are_refused(client, role):
    sign_in(client, make_user(role))
    response = client.get(CSV)
    assert response.status_code == 403
    assert response.json()["error"]


def test_the_refusal_says_what_to_do(client):
    assert "/accounts/login/" in client.get(CSV).json()["error"]
    sign_in(client, make_user(Role.PLANNER), verified=False)
    assert "/accounts/second-factor/" in client.get(XLSX).json()["error"]


def test_the_staff_flag_alone_opens_nothing(client):
    """Before the permission model, is_staff was the key; now only a role is."""
    sign_in(client, make_user(is_staff=True))
    assert client.get(CSV).status_code == 403
