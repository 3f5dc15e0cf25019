"""Changing users."""

import secrets

from django.db import transaction

from socioinfo.accounts.models import User


@transaction.atomic
def reset_staff_login(username: str = "spravce") -> tuple[User, str]:
    """Create (or reset) a staff superuser with a fresh random password; return both.

    For a developer's machine and the demo: the password is printed once, never stored.
    """
    password = secrets.token_urlsafe(12)
    user, _created = User.objects.get_or_create(username=username)
    user.is_staff = True
    user.is_superuser = True
    user.is_active = True
    user.set_password(password)
    user.save()
    return user, password
