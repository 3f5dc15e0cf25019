"""The access log of personal details in the admin: administrators read it (advice/rules.py);
nobody adds, changes or deletes a line. Advice records themselves are not in the admin: they
are read only by advice roles, on their own pages."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from socioinfo.advice.models import PersonalDataAccess


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "subject", "path"]
    list_filter = ["action"]
    search_fields = ["subject", "user__email"]
    date_hierarchy = "at"
    readonly_fields = ["at", "user", "action", "client", "enquiry", "subject", "path"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
