from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "socioinfo.search"
    verbose_name = _("Search and thesaurus")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from socioinfo.search import signals  # noqa: F401
