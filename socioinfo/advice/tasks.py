"""Background tasks of the advice centre (django-tasks, database backend)."""

from django_tasks import task

from socioinfo.advice.services import anonymise_expired_clients


@task()
def anonymise_expired_clients_task() -> int:
    """Anonymise the clients whose last contact is older than the retention period; their
    statistics stay. Returns how many were anonymised."""
    return anonymise_expired_clients()
