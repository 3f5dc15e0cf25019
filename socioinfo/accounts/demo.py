"""Demo accounts: one person per role, so each role's view can be tried (never in production:
``load_demo_accounts`` refuses to run without demo data)."""

import secrets
from dataclasses import dataclass

from django.db import transaction

from socioinfo.accounts import services
from socioinfo.accounts.models import Membership, User
from socioinfo.accounts.roles import Role
from socioinfo.directory.models import Organisation, RecordSource

DEMO_DOMAIN = "example.org"

# E-mail local part → role. The administrator is ensure_staff_login's spravce@example.org.
DEMO_ACCOUNTS: dict[str, Role] = {
    "redakce": Role.CITY_EDITOR,
    "planovani": Role.PLANNER,
    "poradna": Role.ADVICE_WORKER,
    "asistentka": Role.INTERCULTURAL_ASSISTANT,
    "poskytovatel": Role.PROVIDER_EDITOR,
    "skupina": Role.WORKING_GROUP_MEMBER,
    "hodnotitel": Role.SUBSIDY_EVALUATOR,
}


@dataclass
class DemoAccounts:
    password: str
    accounts: list[tuple[str, Role]]
    organisations: list[str]


@transaction.atomic
def load_demo_accounts() -> DemoAccounts:
    """Create (or reset) one account per role with one fresh shared password; the provider
    editor edits for two demo organisations."""
    demo_organisations = list(
        Organisation.objects.filter(source=RecordSource.DEMO).order_by("name")[:2]
    )
    if not demo_organisations:
        raise ValueError("Load the demo directory first (manage.py load_demo).")
    password = secrets.token_urlsafe(9)
    created = []
    for local, role in DEMO_ACCOUNTS.items():
        email = f"{local}@{DEMO_DOMAIN}"
        user = User.objects.filter(email=email).first() or User(email=email)
        user.first_name, user.last_name = "Demo", str(role.label).capitalize()
        user.is_active = True
        user.set_password(password)
        user.save()
        services.set_roles(user, [role])
        created.append((email, role))
        if role is Role.PROVIDER_EDITOR:
            Membership.objects.filter(user=user).exclude(
                organisation__in=demo_organisations
            ).delete()
            for organisation in demo_organisations:
                services.add_membership(user, organisation, by=None)
    return DemoAccounts(password, created, [o.name for o in demo_organisations])
