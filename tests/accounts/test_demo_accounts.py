"""The demo's logins: the administrator printed by `make run` and one account per role."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from socioinfo.accounts.demo import DEMO_ACCOUNTS, load_demo_accounts
from socioinfo.accounts.models import User
from socioinfo.accounts.roles import Role
from socioinfo.accounts.selectors import organisations_of, roles_of

pytestmark = pytest.mark.django_db


def test_ensure_staff_login_prints_an_administrator_login_that_works(client):
    out = StringIO()
    call_command("ensure_staff_login", stdout=out)
    lines = dict(line.strip().split(":", 1) for line in out.getvalue().splitlines() if ":" in line)
    email, password = lines["e-mail"].strip(), lines["password"].strip()
    user = User.objects.get(email=email)
    assert Role.ADMINISTRATOR.value in roles_of(user)
    response = client.post(reverse("accounts:login"), {"username": email, "password": password})
    # Signed in; the administrator's second factor is set up next.
    assert response["Location"].startswith(reverse("accounts:second_factor"))
    call_command("ensure_staff_login", stdout=StringIO())  # a new password each time
    user.refresh_from_db()
    assert not user.check_password(password)


def test_load_demo_accounts_needs_the_demo_directory():
    with pytest.raises(ValueError, match="load_demo"):
        load_demo_accounts()


def test_one_demo_account_per_role_with_the_provider_in_demo_organisations(demo_data):
    demo = load_demo_accounts()
    roles = {
        role for email, _role in demo.accounts for role in roles_of(User.objects.get(email=email))
    }
    assert roles == {r.value for r in Role} - {Role.ADMINISTRATOR.value}
    assert len(demo.accounts) == len(DEMO_ACCOUNTS)
    provider = User.objects.get(email="poskytovatel@example.org")
    assert provider.check_password(demo.password)
    assert [o.name for o in organisations_of(provider)] == demo.organisations
    assert all(o.source == "demo" for o in organisations_of(provider))
    again = load_demo_accounts()  # idempotent, with a new password
    assert User.objects.filter(email__endswith="@example.org").count() == len(DEMO_ACCOUNTS)
    provider.refresh_from_db()
    assert provider.check_password(again.password)
