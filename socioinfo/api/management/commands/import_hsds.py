from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from socioinfo.api.datapackage.importer import PackageRejected, import_datapackage


class Command(BaseCommand):
    help = _(
        "Import an Open Referral HSDS 3.0 data package (a zip or a folder with "
        "datapackage.json): every problem is listed and nothing is written unless there are "
        "none. Records are matched by id. See docs/datapackage.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help=_("the package: a zip file or a folder"))
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("check and count everything, then roll back"),
        )

    def handle(self, *args, **options):
        try:
            report = import_datapackage(options["path"], dry_run=options["dry_run"])
        except PackageRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                _(
                    "%(count)d problems, so nothing was imported. Correct them and run the "
                    "import again."
                )
                % {"count": len(rejected.problems)}
            ) from rejected
        labels = {
            "organisations": _("Organisations"),
            "locations": _("Locations"),
            "services": _("Services"),
        }
        for key, label in labels.items():
            counts = report.counts[key]
            self.stdout.write(
                _("%(label)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
                % {
                    "label": label,
                    "created": counts.created,
                    "updated": counts.updated,
                    "unchanged": counts.unchanged,
                }
            )
        if report.notices:
            self.stdout.write(
                _("Notices (parts of the package left out): %(count)d; -v 2 lists them.")
                % {"count": len(report.notices)}
            )
            if options["verbosity"] >= 2:
                for notice in report.notices:
                    self.stdout.write(f"  {notice}")
        if report.dry_run:
            self.stdout.write(self.style.WARNING(_("Dry run: nothing was saved.")))
        else:
            self.stdout.write(self.style.SUCCESS(_("Import finished.")))
