from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from socioinfo.providers.tasks import send_freshness_reminders_task


class Command(BaseCommand):
    help = _(
        "E-mail providers' editors about services nobody confirmed for "
        "SOCIOINFO_STALE_AFTER_DAYS (for cron: daily; a service is reminded about at most "
        "once per period). With --enqueue the task goes to the background worker instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help=_("queue the task for `manage.py db_worker`")
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = send_freshness_reminders_task.enqueue()
            self.stdout.write(_("Queued task %(id)s.") % {"id": result.id})
            return
        count = send_freshness_reminders_task.call()
        self.stdout.write(
            self.style.SUCCESS(_("Reminded about %(count)d services.") % {"count": count})
        )
