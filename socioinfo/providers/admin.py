"""Change requests and reminders in the admin: read-only records with their history.
Deciding happens on /providers/review/, where the diff is shown and the provider told."""

from typing import Any

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from socioinfo.providers.models import ChangeRequest, FreshnessReminder


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(ChangeRequest)
class ChangeRequestAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = [
        "title",
        "organisation",
        "status",
        "is_direct",
        "proposed_by",
        "created_at",
        "decided_by",
        "decided_at",
    ]
    list_filter = ["status", "kind", "is_direct"]
    search_fields = ["title", "organisation__name", "proposed_by__email"]
    date_hierarchy = "created_at"
    list_select_related = ["organisation", "proposed_by", "decided_by"]


@admin.register(FreshnessReminder)
class FreshnessReminderAdmin(ReadOnlyAdmin):
    list_display = ["service", "sent_at", "confirmed_at", "confirmed_by"]
    search_fields = ["service__name", "service__organisation__name"]
    date_hierarchy = "sent_at"
    list_select_related = ["service", "confirmed_by"]
