from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from socioinfo.advice.demo import DEMO_SEED, DEMO_YEAR, load_advice_demo


class Command(BaseCommand):
    help = _(
        "Generate the advice centre's demo year (2,284 enquiries with the support shares of "
        "the intercultural assistants). Replaces earlier demo rows only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=DEMO_SEED, help=_("random seed"))
        parser.add_argument("--year", type=int, default=DEMO_YEAR, help=_("the demo year"))

    def handle(self, *args, **options):
        report = load_advice_demo(seed=options["seed"], year=options["year"])
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Advice demo: %(enquiries)d enquiries in %(year)d, %(clients)d clients, "
                    "%(waiting)d web questions waiting."
                )
                % {
                    "enquiries": report.enquiries,
                    "year": options["year"],
                    "clients": report.clients,
                    "waiting": report.waiting,
                }
            )
        )
