"""Keep the cached spatial index in step with the areas table."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from socioinfo.areas.models import Area
from socioinfo.areas.selectors import clear_area_index_cache


@receiver(post_save, sender=Area)
@receiver(post_delete, sender=Area)
def _area_changed(**kwargs: object) -> None:
    clear_area_index_cache()
