import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from socioinfo.directory.demo import clear_demo, load_demo
from socioinfo.directory.demo.builder import DEFAULT_SEED


class Command(BaseCommand):
    help = _(
        "Load the demo directory of Brno (invented organisations on real streets, plus the "
        "Socio-info Centre). Replaces earlier demo records; never touches other records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=_("random seed"))
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help=_("date the demo is built for (YYYY-MM-DD); default today"),
        )
        parser.add_argument("--clear", action="store_true", help=_("only remove the demo records"))

    def handle(self, *args, **options):
        try:
            if options["clear"]:
                removed = clear_demo()
                self.stdout.write(
                    self.style.SUCCESS(_("Removed %(count)d demo services.") % {"count": removed})
                )
                return
            report = load_demo(seed=options["seed"], today=options["today"])
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo data: %(organisations)d organisations, %(services)d services at "
                    "%(locations)d locations in %(districts)d city districts "
                    "(%(stale)d not verified recently)."
                )
                % report.__dict__
            )
        )
