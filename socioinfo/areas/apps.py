from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    name = "socioinfo.areas"
    label = "areas"
    verbose_name = _("Areas")

    def ready(self) -> None:
        from socioinfo.areas import signals  # noqa: F401
