"""Users. Roles and provider membership grow here (see docs/architecture.md)."""

from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in: city staff, advice staff or a provider's editor."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
