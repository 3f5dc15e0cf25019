"""The comment procedure (připomínkové řízení) on one version of a draft plan."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from socioinfo.core.models import BaseModel
from socioinfo.planning.models.plan import Plan, PlanItem, PlanVersion


class Consultation(BaseModel):
    """Comments on ``version`` are open from ``opens_on`` to ``closes_on`` (both days
    included). Closing it (``closed_at``) needs every confirmed comment settled."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="consultations")
    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="consultations")
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-opens_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="consultation_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan} ({self.opens_on} – {self.closes_on})"


class Comment(BaseModel):
    """A comment on one item. From a signed-in person it counts at once; from anyone else
    it counts once its e-mail address is confirmed (``confirmed_at``)."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments"
    )
    item = models.ForeignKey(PlanItem, on_delete=models.PROTECT, related_name="comments")
    text = models.TextField(_("comment"))
    proposal = models.TextField(_("proposed wording"), blank=True)
    author_name = models.CharField(_("name or organisation"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.item.code}: {self.text[:60]}"


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("accepted")
    PARTLY = "partly", _("partly accepted")
    REJECTED = "rejected", _("rejected")
    NOTED = "noted", _("noted")


class Settlement(BaseModel):
    """How planners settled a comment, with their reasoning. A new settlement of the same
    comment is a new row; the latest one counts."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="settlements")
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    reasoning = models.TextField(_("reasoning"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")
        ordering = ["created_at"]
