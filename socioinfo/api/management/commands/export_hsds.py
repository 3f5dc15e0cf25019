import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from socioinfo.api.datapackage.export import write_directory, write_zip


class Command(BaseCommand):
    help = _(
        "Export the directory as an Open Referral HSDS 3.0 data package (CSV tables, "
        "datapackage.json and services.json). See docs/datapackage.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help=_("the zip file or folder to write"))
        parser.add_argument(
            "--format",
            choices=["zip", "dir"],
            default="zip",
            help=_("a zip file (default) or a folder of files"),
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help=_(
                "every record, drafts, inactive and ended services included (a backup that "
                "import_hsds restores); by default only what the public API serves"
            ),
        )

    def handle(self, *args, **options):
        path: Path = options["path"]
        if options["format"] == "zip":
            if path.is_dir():
                raise CommandError(
                    _("%(path)s is a folder; give a file name or use --format dir.")
                    % {"path": path}
                )
            with path.open("wb") as target:
                report = write_zip(target, include_all=options["all"])
        else:
            if path.is_file():
                raise CommandError(
                    _("%(path)s is a file; give a folder or use --format zip.") % {"path": path}
                )
            report = write_directory(path, include_all=options["all"])
        rows = ", ".join(f"{table} {count}" for table, count in sorted(report.rows.items()))
        self.stdout.write(
            _("Exported %(services)d services to %(path)s (rows: %(rows)s).")
            % {"services": report.services, "path": path, "rows": rows}
        )
        sys.stdout.flush()
