from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "socioinfo.planning"
    verbose_name = _("Community planning")

    def ready(self) -> None:
        from socioinfo.planning import signals  # noqa: F401  (connects the receivers)
