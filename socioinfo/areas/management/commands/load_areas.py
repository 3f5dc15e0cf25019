from django.core.management.base import BaseCommand

from socioinfo.areas.services import load_areas


class Command(BaseCommand):
    help = "Load or update the region, okresy, ORP, Brno's city districts and okres Blansko."

    def handle(self, *args, **options):
        report = load_areas()
        self.stdout.write(
            self.style.SUCCESS(f"Areas: {report.created} created, {report.updated} updated.")
        )
