from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "socioinfo.core"
    label = "core"
