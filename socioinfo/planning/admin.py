"""The planning tables in the admin, for administrators (planners work on the planning
pages; the admin site is for the roles in accounts.roles.ADMIN_SITE_ROLES)."""

from django.contrib import admin

from socioinfo.planning.models import (
    ActionPlan,
    ActionPlanEntry,
    Attendance,
    GroupMember,
    Indicator,
    IndicatorValue,
    Meeting,
    MeetingDocument,
    Plan,
    PlanItem,
    PlanLevel,
    Project,
    ResponsibleBody,
    Task,
    WorkingGroup,
)


class PlanLevelInline(admin.TabularInline):
    model = PlanLevel
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "status", "year_from", "year_to")
    list_filter = ("kind", "status")
    search_fields = ("name",)
    # The status changes through the planning services, which record who changed it.
    readonly_fields = ("status",)
    inlines = [PlanLevelInline]


@admin.register(PlanItem)
class PlanItemAdmin(admin.ModelAdmin):
    list_display = ("code", "plan", "depth", "time_frame", "responsibility")
    list_filter = ("plan", "depth")
    search_fields = ("code", "text", "responsibility")
    autocomplete_fields = ("parent",)
    filter_horizontal = ("responsible_bodies", "target_groups", "service_types", "areas")


@admin.register(ResponsibleBody)
class ResponsibleBodyAdmin(admin.ModelAdmin):
    list_display = ("abbreviation", "name")
    search_fields = ("abbreviation", "name")


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ("name", "status", "budget", "funding_source")
    list_filter = ("status",)
    search_fields = ("name",)
    filter_horizontal = ("measures", "districts", "services")


class ActionPlanEntryInline(admin.TabularInline):
    model = ActionPlanEntry
    extra = 0
    autocomplete_fields = ("measure",)


@admin.register(ActionPlan)
class ActionPlanAdmin(admin.ModelAdmin):
    list_display = ("plan", "year")
    inlines = [ActionPlanEntryInline]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("name", "measure", "baseline", "target")
    autocomplete_fields = ("measure",)
    inlines = [IndicatorValueInline]


class GroupMemberInline(admin.TabularInline):
    model = GroupMember
    extra = 0


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "is_public")
    list_filter = ("kind", "is_public")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [GroupMemberInline]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0


class MeetingDocumentInline(admin.TabularInline):
    model = MeetingDocument
    extra = 0


class TaskInline(admin.TabularInline):
    model = Task
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("title", "group", "starts_at", "is_public")
    list_filter = ("group", "is_public")
    date_hierarchy = "starts_at"
    inlines = [AttendanceInline, MeetingDocumentInline, TaskInline]
