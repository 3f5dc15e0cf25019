"""An uploaded meeting document's file goes when its row goes, also when the row goes with
its meeting or group (cascade), and only once the deletion is committed."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from socioinfo.planning.models import MeetingDocument


@receiver(post_delete, sender=MeetingDocument)
def delete_document_file(sender: Any, instance: MeetingDocument, **kwargs: Any) -> None:
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
