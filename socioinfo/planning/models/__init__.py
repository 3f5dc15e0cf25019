"""Community planning: plans as item trees with versions, consultations, projects, action
plans, monitoring, and working groups with their meetings."""

from socioinfo.planning.models.consultation import (
    Comment,
    Consultation,
    Decision,
    Settlement,
)
from socioinfo.planning.models.groups import (
    Attendance,
    GroupKind,
    GroupMember,
    Meeting,
    MeetingDocument,
    Task,
    TriadRole,
    WorkingGroup,
)
from socioinfo.planning.models.monitoring import (
    ActionPlan,
    ActionPlanEntry,
    Indicator,
    IndicatorValue,
    ProgressReport,
    ProgressStatus,
    Project,
    ProjectStatus,
)
from socioinfo.planning.models.plan import (
    ItemText,
    Plan,
    PlanItem,
    PlanKind,
    PlanLevel,
    PlanStatus,
    PlanStatusChange,
    PlanVersion,
    ResponsibleBody,
    TimeFrameKind,
)

__all__ = [
    "ActionPlan",
    "ActionPlanEntry",
    "Attendance",
    "Comment",
    "Consultation",
    "Decision",
    "GroupKind",
    "GroupMember",
    "Indicator",
    "IndicatorValue",
    "ItemText",
    "Meeting",
    "MeetingDocument",
    "Plan",
    "PlanItem",
    "PlanKind",
    "PlanLevel",
    "PlanStatus",
    "PlanStatusChange",
    "PlanVersion",
    "ProgressReport",
    "ProgressStatus",
    "Project",
    "ProjectStatus",
    "ResponsibleBody",
    "Settlement",
    "Task",
    "TimeFrameKind",
    "TriadRole",
    "WorkingGroup",
]
