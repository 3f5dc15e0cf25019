from pathlib import Path

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from socioinfo.directory.life_situations import load_life_situations


class Command(BaseCommand):
    help = _(
        "Create the curated life situations that are missing (data/life_situations.json). "
        "Staff edits are kept unless --update is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, help=_("another JSON file of the same form"))
        parser.add_argument(
            "--update",
            action="store_true",
            help=_("reset names, summaries and mappings of existing situations to the file"),
        )

    def handle(self, *args, **options):
        try:
            result = load_life_situations(apps, options["file"], update=options["update"])
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("Life situations: %(created)d created, %(updated)d updated, %(unchanged)d kept.")
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                }
            )
        )
