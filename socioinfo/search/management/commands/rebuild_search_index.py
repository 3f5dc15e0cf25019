import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from socioinfo.search.indexer import index_services


class Command(BaseCommand):
    help = _("Rebuild the search index of all services.")

    def handle(self, *args, **options):
        started = time.perf_counter()
        rows = index_services()
        self.stdout.write(
            self.style.SUCCESS(
                _("Search index rebuilt: %(rows)d terms in %(seconds).1f s.")
                % {"rows": rows, "seconds": time.perf_counter() - started}
            )
        )
