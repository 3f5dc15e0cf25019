"""Phones, e-mails and web addresses of an organisation, a service or a location."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from socioinfo.core.models import BaseModel
from socioinfo.directory.models.location import Location
from socioinfo.directory.models.organisation import Organisation
from socioinfo.directory.models.service import Service
from socioinfo.directory.validators import validate_phone


class ContactKind(models.TextChoices):
    PHONE = "phone", _("phone")
    EMAIL = "email", _("e-mail")
    WEB = "web", _("web")


def _exactly_one_owner() -> models.Q:
    org, svc, loc = (
        models.Q(**{f"{f}__isnull": False}) for f in ("organisation", "service", "location")
    )
    no_org, no_svc, no_loc = (
        models.Q(**{f"{f}__isnull": True}) for f in ("organisation", "service", "location")
    )
    return (org & no_svc & no_loc) | (no_org & svc & no_loc) | (no_org & no_svc & loc)


class ContactPoint(BaseModel):
    """One way to reach someone, with a note ("crisis line, non-stop")."""

    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("organisation"),
    )
    service = models.ForeignKey(
        Service,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("service"),
    )
    location = models.ForeignKey(
        Location,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("location"),
    )
    kind = models.CharField(_("kind"), max_length=5, choices=ContactKind.choices)
    value = models.CharField(_("value"), max_length=300)
    note = models.CharField(_("note"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["order", "kind"]
        constraints = [
            models.CheckConstraint(condition=_exactly_one_owner(), name="contact_exactly_one_owner")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    def clean(self) -> None:
        validators: dict[str, Callable[[str], None]] = {
            ContactKind.PHONE: validate_phone,
            ContactKind.EMAIL: validate_email,
            ContactKind.WEB: URLValidator(schemes=["http", "https"]),
        }
        validator = validators.get(self.kind)
        if validator and self.value:
            try:
                validator(self.value.strip())
            except ValidationError as error:
                raise ValidationError({"value": error.messages}) from None
