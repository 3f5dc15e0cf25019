"""Reindex services when anything they are found by changes.

Loaders that write many services at once wrap themselves in ``indexing_paused()`` and call
``index_services()`` once at the end.
"""

import threading
from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from socioinfo.directory.models import (
    LifeSituation,
    Location,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
    ServiceType,
    TargetGroup,
)
from socioinfo.search.indexer import index_services, is_paused
from socioinfo.search.models import SynonymGroup
from socioinfo.search.vocabulary import forget_vocabulary


def _reindex(service_ids: Any) -> None:
    if not is_paused():
        index_services(list(service_ids))


@receiver(post_save, sender=Service)
def service_saved(sender: Any, instance: Service, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _reindex([instance.pk])


@receiver(m2m_changed, sender=Service.target_groups.through)
def service_groups_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and isinstance(instance, Service):
        _reindex([instance.pk])


_deleting = threading.local()


@receiver(pre_delete, sender=Service)
def service_deleting(sender: Any, instance: Service, **kwargs: Any) -> None:
    """Its links are deleted first; they must not reindex a service that is going away."""
    if not hasattr(_deleting, "ids"):
        _deleting.ids = set()
    _deleting.ids.add(instance.pk)


@receiver(post_delete, sender=Service)
def service_deleted(sender: Any, instance: Service, **kwargs: Any) -> None:
    getattr(_deleting, "ids", set()).discard(instance.pk)


@receiver(post_save, sender=ServiceAtLocation)
@receiver(post_delete, sender=ServiceAtLocation)
def service_location_changed(sender: Any, instance: ServiceAtLocation, **kwargs: Any) -> None:
    if kwargs.get("raw") or instance.service_id in getattr(_deleting, "ids", set()):
        return
    _reindex([instance.service_id])


@receiver(post_save, sender=Location)
def location_saved(sender: Any, instance: Location, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _reindex(instance.service_at_locations.values_list("service_id", flat=True))


@receiver(post_save, sender=Organisation)
def organisation_saved(
    sender: Any, instance: Organisation, raw: bool = False, **kwargs: Any
) -> None:
    if not raw:
        _reindex(instance.services.values_list("pk", flat=True))


@receiver(post_save, sender=ServiceType)
@receiver(post_save, sender=TargetGroup)
def code_list_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _reindex(instance.services.values_list("pk", flat=True))


@receiver(post_save, sender=LifeSituation)
@receiver(post_delete, sender=LifeSituation)
@receiver(m2m_changed, sender=LifeSituation.service_types.through)
@receiver(m2m_changed, sender=LifeSituation.target_groups.through)
def situation_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A life situation's words reach every service of its types."""
    if kwargs.get("raw") or not kwargs.get("action", "post_").startswith("post_"):
        return
    if isinstance(instance, LifeSituation) and instance.pk:
        types = list(instance.service_types.values_list("pk", flat=True))
        _reindex(Service.objects.filter(service_type__in=types).values_list("pk", flat=True))


@receiver(post_save, sender=SynonymGroup)
@receiver(post_delete, sender=SynonymGroup)
@receiver(post_save, sender=ServiceFormOffer)
@receiver(post_delete, sender=ServiceFormOffer)
@receiver(m2m_changed, sender=Service.languages.through)
@receiver(m2m_changed, sender=Service.accessibility_features.through)
@receiver(m2m_changed, sender=Service.areas_served.through)
@receiver(m2m_changed, sender=Location.accessibility_features.through)
def facets_changed(sender: Any, **kwargs: Any) -> None:
    """The engine also holds the thesaurus and the facets: a change makes it reload."""
    if not kwargs.get("raw") and kwargs.get("action", "post_").startswith("post_"):
        forget_vocabulary()
