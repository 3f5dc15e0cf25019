"""Background tasks of provider self-service (django-tasks, database backend)."""

from django_tasks import task

from socioinfo.providers.freshness import send_freshness_reminders


@task()
def send_freshness_reminders_task() -> int:
    """Remind providers' editors of services nobody confirmed for the stale period (at most
    once per service and period). Returns how many services were reminded about."""
    return send_freshness_reminders()
