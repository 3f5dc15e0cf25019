from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from socioinfo.advice.tasks import anonymise_expired_clients_task


class Command(BaseCommand):
    help = _(
        "Anonymise advice clients whose last contact is older than the retention period "
        "(for cron: daily). With --enqueue the task goes to the background worker instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help=_("queue the task for `manage.py db_worker`")
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = anonymise_expired_clients_task.enqueue()
            self.stdout.write(_("Queued task %(id)s.") % {"id": result.id})
            return
        count = anonymise_expired_clients_task.call()
        self.stdout.write(self.style.SUCCESS(_("Anonymised %(count)d clients.") % {"count": count}))
