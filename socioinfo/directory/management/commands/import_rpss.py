from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from socioinfo.directory.registry.geocode import AddressFileError
from socioinfo.directory.registry.importer import ImportRejected, ImportReport, import_rpss
from socioinfo.directory.registry.parser import RegistryFileError, load_registry_file
from socioinfo.directory.registry.records import NUTS3_CODES


class Command(BaseCommand):
    help = _(
        "Import the national registry of social services (MPSV open data rpss.json) into the "
        "directory: all or nothing, and safe to run again. See docs/registry_import.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help=_("the downloaded rpss.json"))
        parser.add_argument(
            "--region",
            help=_(
                "only services with a facility (else provider) in this NUTS 3 region, e.g. CZ064"
            ),
        )
        parser.add_argument(
            "--addresses",
            type=Path,
            action="append",
            default=[],
            metavar="ADDRESSES.csv",
            help=_(
                "RÚIAN address points (ČÚZK CSV, or the ZIP of them) to place facilities; "
                "may be given more than once"
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("check and count everything, then roll back"),
        )

    def handle(self, *args, **options):
        region = (options["region"] or "").upper() or None
        if region and region not in NUTS3_CODES:
            raise CommandError(
                _("Unknown region “%(region)s”; give a NUTS 3 code, one of %(codes)s.")
                % {"region": options["region"], "codes": ", ".join(sorted(NUTS3_CODES))}
            )
        try:
            document = load_registry_file(options["file"])
            report = import_rpss(
                document,
                region=region,
                address_files=options["addresses"],
                dry_run=options["dry_run"],
                progress=options["verbosity"] >= 1,
            )
        except (RegistryFileError, AddressFileError) as error:
            raise CommandError(str(error)) from error
        except ImportRejected as rejected:
            for rejection in rejected.report.rejections:
                self.stderr.write(
                    _("Rejected %(record)s: %(reason)s")
                    % {"record": rejection.record_id, "reason": rejection.reason}
                )
            raise CommandError(
                _(
                    "Records rejected: %(count)d, so nothing was imported. Correct them (or have "
                    "them corrected in the registry) and run the import again."
                )
                % {"count": rejected.report.rejected}
            ) from rejected
        self._write_report(report, options["verbosity"])

    def _write_report(self, report: ImportReport, verbosity: int) -> None:
        for label, counts in (
            (_("Organisations"), report.organisations),
            (_("Locations"), report.locations),
            (_("Services"), report.services),
        ):
            self.stdout.write(
                _("%(label)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
                % {
                    "label": label,
                    "created": counts.created,
                    "updated": counts.updated,
                    "unchanged": counts.unchanged,
                }
            )
        self.stdout.write(
            _("Services deactivated because they are no longer in the file: %(count)d.")
            % {"count": report.deactivated}
        )
        self.stdout.write(
            _(
                "Records rejected: %(rejected)d; skipped: %(ended)d ended, %(other)d outside "
                "the region."
            )
            % {
                "rejected": report.rejected,
                "ended": report.skipped_ended,
                "other": report.skipped_other_region,
            }
        )
        if report.placements:
            labels = {
                "address point": _("RÚIAN address point"),
                "kept point": _("point from an earlier import"),
                "city district code": _("city district code in the registry"),
                "street register": _("Brno street register"),
                "municipality code": _("municipality only"),
                "not placed": _("not placed"),
            }
            placed = ", ".join(
                f"{labels.get(method, method)} {n}"
                for method, n in sorted(report.placements.items())
            )
            self.stdout.write(_("Locations placed by %(methods)s.") % {"methods": placed})
        if report.notices:
            self.stdout.write(
                _("Notices (parts of records left out): %(count)d; -v 2 lists them.")
                % {"count": len(report.notices)}
            )
            if verbosity >= 2:
                for notice in report.notices:
                    self.stdout.write(f"  {notice}")
        if report.dry_run:
            self.stdout.write(self.style.WARNING(_("Dry run: nothing was saved.")))
        else:
            self.stdout.write(self.style.SUCCESS(_("Import finished.")))
