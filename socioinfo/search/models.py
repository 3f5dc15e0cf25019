"""The search index of published and unpublished services, and the staff-edited thesaurus."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from socioinfo.core.models import BaseModel


class SearchTerm(models.Model):
    """One term of one service with the weight of the field it came from (the highest, if it
    occurs in several). Rebuilt from the directory; never edited by hand."""

    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="search_terms"
    )
    term = models.CharField(max_length=64)
    weight = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["term", "service"], name="searchterm_unique")
        ]
        indexes = [models.Index(fields=["service"], name="searchterm_service")]

    def __str__(self) -> str:
        return f"{self.term} ({self.weight})"


class SynonymGroup(BaseModel):
    """Words that people use for the same need ("dluhy, zadlužení, exekuce, oddlužení").
    A query word found in a group also finds services described by the group's other words."""

    words = models.TextField(
        _("words"),
        help_text=_(
            "Words or short phrases separated by commas. Any of them finds what the others find."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("thesaurus")
        ordering = ["words"]

    def __str__(self) -> str:
        return self.words[:80]

    @property
    def word_list(self) -> list[str]:
        return [w.strip() for w in self.words.split(",") if w.strip()]
