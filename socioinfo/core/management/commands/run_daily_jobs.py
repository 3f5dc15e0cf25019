"""Every daily job in one command, for one cron line (docs/operations.md): expired sessions,
old sign-in records, advice clients past the retention period, providers' freshness
reminders. A job that fails does not stop the others; the command then ends with an error
naming it."""

from io import StringIO
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


def daily_jobs() -> list[tuple[str, list[str]]]:
    """(command, arguments) in the order they run."""
    days = str(settings.SOCIOINFO_SIGNIN_LOG_DAYS)
    return [
        ("clearsessions", []),
        ("axes_reset_logs", ["--age", days]),
        ("axes_reset_failure_logs", ["--age", days]),
        ("anonymise_expired_clients", []),
        ("send_freshness_reminders", []),
    ]


class Command(BaseCommand):
    help = (
        "Run every daily job: clearsessions, axes_reset_logs and axes_reset_failure_logs "
        "(older than SOCIOINFO_SIGNIN_LOG_DAYS), anonymise_expired_clients, "
        "send_freshness_reminders."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        failed = []
        for name, arguments in daily_jobs():
            out = StringIO()
            try:
                call_command(name, *arguments, stdout=out, stderr=out)
            except Exception as exc:  # noqa: BLE001 (the next jobs still run; reported below)
                failed.append(name)
                self.stderr.write(f"{name}: failed: {exc!r}")
                continue
            summary = " ".join(out.getvalue().split()) or "done"
            self.stdout.write(f"{name}: {summary}")
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)}. The other jobs ran.")
