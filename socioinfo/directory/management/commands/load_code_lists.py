from django.apps import apps
from django.core.management.base import BaseCommand

from socioinfo.directory.codelists import load_code_lists


class Command(BaseCommand):
    help = (
        "Create or update service types, target groups, age groups, languages and "
        "accessibility features from data/social_services (migrate does this once)."
    )

    def handle(self, *args, **options):
        load_code_lists(apps)
        self.stdout.write(self.style.SUCCESS("Code lists are up to date."))
