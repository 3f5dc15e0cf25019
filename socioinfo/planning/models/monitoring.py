"""Projects that carry out measures, yearly action plans, and monitoring of progress."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from socioinfo.core.models import BaseModel
from socioinfo.planning.models.plan import Plan, PlanItem


class ProjectStatus(models.TextChoices):
    PREPARED = "prepared", _("in preparation")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")
    CANCELLED = "cancelled", _("cancelled")


class Project(BaseModel):
    """A project linked to the measures it carries out, in the districts it serves, and
    the directory services it creates or extends."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    measures = models.ManyToManyField(
        PlanItem, verbose_name=_("measures"), blank=True, related_name="projects"
    )
    districts = models.ManyToManyField("areas.Area", verbose_name=_("districts"), blank=True)
    budget = models.DecimalField(
        _("budget (CZK)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    funding_source = models.CharField(_("funding source"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PREPARED
    )
    services = models.ManyToManyField(
        "directory.Service",
        verbose_name=_("services created or extended"),
        blank=True,
        related_name="planning_projects",
    )

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ActionPlan(BaseModel):
    """What of a multi-year plan is done in one year."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="action_plans")
    year = models.PositiveSmallIntegerField(_("year"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["plan", "year"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "year"], name="actionplan_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.plan} – {self.year}"


class ActionPlanEntry(BaseModel):
    """One measure (optionally through a project) planned in the year."""

    action_plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="entries")
    measure = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="action_entries")
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.SET_NULL)
    activities = models.TextField(_("activities"))
    responsibility = models.CharField(_("responsible"), max_length=300, blank=True)
    budget = models.DecimalField(
        _("budget (CZK)"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("action plan entry")
        verbose_name_plural = _("action plan entries")
        ordering = ["action_plan", "measure__order"]


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    DELAYED = "delayed", _("delayed")
    DROPPED = "dropped", _("dropped")


class ProgressReport(BaseModel):
    """The yearly progress of one measure."""

    measure = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="progress")
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=20, choices=ProgressStatus.choices)
    percent = models.PositiveSmallIntegerField(_("percent done"))
    narrative = models.TextField(_("narrative"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["measure__order", "year"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "year"], name="progress_unique_year"),
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="progress_percent"),
        ]


class Indicator(BaseModel):
    """A measurable indicator of a measure, with its baseline and target."""

    measure = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"))
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    target_year = models.PositiveSmallIntegerField(_("target year"))

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["measure__order", "name"]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(BaseModel):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="indicatorvalue_unique")
        ]
