"""Staff editing of areas, with per-object history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from socioinfo.areas.models import Area


@admin.register(Area)
class AreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "level", "code", "parent", "population"]
    list_filter = ["level"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["parent", "orp"]
    list_select_related = ["parent"]
