from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "socioinfo.providers"
    verbose_name = _("Provider self-service")

    def ready(self) -> None:
        # A change request belongs to its organisation: the permission predicates and
        # visible_to() answer for it like for any directory record.
        from socioinfo.directory.ownership import ORGANISATION_PATHS
        from socioinfo.providers.models import ChangeRequest, FreshnessReminder

        ORGANISATION_PATHS[ChangeRequest] = ("organisation",)
        ORGANISATION_PATHS[FreshnessReminder] = ("service__organisation",)
