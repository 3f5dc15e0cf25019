import datetime

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from socioinfo.planning.demo import load_planning_demo


class Command(BaseCommand):
    help = _(
        "Load Brno's plan 2019–2028 from data/planning/ (parsed from the city's text) and the "
        "planning demo records. Run it again at will: rows are updated in place."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help=_("date the demo is built for (YYYY-MM-DD); default today"),
        )

    def handle(self, *args, **options):
        report = load_planning_demo(today=options["today"])
        counts = report.items_by_depth
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Planning demo: %(goals)d sub-goals, %(priorities)d priorities, "
                    "%(measures)d measures, %(bodies)d responsible bodies."
                )
                % {
                    "goals": counts.get(1, 0),
                    "priorities": counts.get(2, 0),
                    "measures": counts.get(3, 0),
                    "bodies": report.bodies,
                }
            )
        )
