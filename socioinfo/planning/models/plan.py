"""Plans: a tree of items (goal → priority → measure, levels configurable per plan), the
glossary of responsible bodies, frozen versions and the plan's status history."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from socioinfo.core.models import BaseModel


class PlanKind(models.TextChoices):
    STRATEGIC = "strategic", _("strategic plan")
    COMMUNITY = "community", _("community plan")
    ACTION = "action", _("action plan")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    CONSULTATION = "consultation", _("in consultation")
    APPROVED = "approved", _("approved")
    ARCHIVED = "archived", _("archived")


# The public reads a plan once it is approved (and keeps reading it when archived); a draft
# in consultation is read through its open consultation.
PUBLIC_STATUSES = (PlanStatus.APPROVED, PlanStatus.ARCHIVED)


class TimeFrameKind(models.TextChoices):
    ONGOING = "ongoing", _("ongoing")
    RANGE = "range", _("from – to")
    BY_YEAR = "by_year", _("by a year")
    UNSPECIFIED = "unspecified", _("not stated")


class ResponsibleBody(BaseModel):
    """An entry of the glossary of abbreviations used in plans (OSP, JMK, NNO, MČ, …)."""

    abbreviation = models.CharField(_("abbreviation"), max_length=30, unique=True)
    name = models.CharField(_("full name"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("responsible body")
        verbose_name_plural = _("responsible bodies")
        ordering = ["abbreviation"]

    def __str__(self) -> str:
        return self.abbreviation


class Plan(BaseModel):
    """A multi-year plan (strategic, community) or a plan of one year."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=PlanKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    year_from = models.PositiveSmallIntegerField(_("from year"))
    year_to = models.PositiveSmallIntegerField(_("to year"))
    vision_value = models.CharField(_("vision value"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_plans",
    )

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-year_from", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year_to__gte=models.F("year_from")),
                name="plan_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES


class PlanStatusChange(BaseModel):
    """Each change of a plan's status, by whom: the status itself is never overwritten
    without a row here (services.set_plan_status)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(_("status"), max_length=20, choices=PlanStatus.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("plan status change")
        verbose_name_plural = _("plan status changes")
        ordering = ["created_at"]


class PlanLevel(BaseModel):
    """The name of one level of a plan's tree (0 = the top), e.g. primary goal, sub-goal,
    priority, measure."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="levels")
    depth = models.PositiveSmallIntegerField(_("depth"))
    name = models.CharField(_("name"), max_length=100)
    name_plural = models.CharField(_("name in plural"), max_length=100)

    class Meta:
        verbose_name = _("plan level")
        verbose_name_plural = _("plan levels")
        ordering = ["plan", "depth"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "depth"], name="planlevel_unique_depth")
        ]

    def __str__(self) -> str:
        return self.name


class PlanItem(BaseModel):
    """One node of the plan's tree: its working text (the draft of the next version) with
    responsibility and time frame exactly as written, and links to code lists and areas."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    depth = models.PositiveSmallIntegerField(_("depth"))
    code = models.CharField(_("code"), max_length=20, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(_("text"))
    responsibility = models.TextField(_("responsibility as written"), blank=True)
    responsible_bodies = models.ManyToManyField(
        ResponsibleBody, verbose_name=_("responsible bodies"), blank=True, related_name="items"
    )
    time_frame = models.CharField(_("time frame as written"), max_length=100, blank=True)
    time_frame_kind = models.CharField(
        _("time frame"),
        max_length=20,
        choices=TimeFrameKind.choices,
        default=TimeFrameKind.UNSPECIFIED,
    )
    year_from = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    year_to = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    target_groups = models.ManyToManyField(
        "directory.TargetGroup", verbose_name=_("target groups"), blank=True
    )
    service_types = models.ManyToManyField(
        "directory.ServiceType", verbose_name=_("related service types"), blank=True
    )
    areas = models.ManyToManyField("areas.Area", verbose_name=_("areas"), blank=True)

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "code"],
                condition=~models.Q(code=""),
                name="planitem_unique_code",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text}".strip()


class PlanVersion(BaseModel):
    """A frozen state of the whole tree (1 = first published text). Consultations comment
    on a version; the settlement table compares it with the next one."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("number"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="planversion_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"


class ItemText(BaseModel):
    """An item's text, responsibility and time frame as frozen in one version."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="texts")
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="texts")
    text = models.TextField(_("text"))
    responsibility = models.TextField(_("responsibility as written"), blank=True)
    time_frame = models.CharField(_("time frame as written"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("item text in a version")
        verbose_name_plural = _("item texts in versions")
        constraints = [models.UniqueConstraint(fields=["item", "version"], name="itemtext_unique")]
