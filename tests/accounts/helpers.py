"""People with roles, and signing them in (second factor included) for tests."""

import itertools

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from socioinfo.accounts import services
from socioinfo.accounts.models import User
from socioinfo.accounts.roles import Role

PASSWORD = "Kvetinova-louka-2026"
_numbers = itertools.count(1)


def make_user(
    *roles: Role, organisations=(), email: str | None = None, password=None, **fields
) -> User:
    """A user with these roles (a provider editor of ``organisations``)."""
    email = email or f"osoba{next(_numbers)}@example.org"
    user = User.objects.create_user(email, password, **fields)
    services.set_roles(user, roles)
    for organisation in organisations:
        services.add_membership(user, organisation, by=None)
    return User.objects.get(pk=user.pk)  # fresh, without cached roles


def add_device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(client, user: User, *, verified: bool = True):
    """Sign in without the login form; ``verified`` also confirms a second factor, as the
    second-factor page does after a right code."""
    client.force_login(user, backend="socioinfo.accounts.backends.EmailPasswordBackend")
    if verified:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or add_device(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
