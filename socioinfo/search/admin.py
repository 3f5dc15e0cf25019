from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from socioinfo.search.models import SynonymGroup


@admin.register(SynonymGroup)
class SynonymGroupAdmin(SimpleHistoryAdmin):
    list_display = ("words", "note", "is_active")
    list_filter = ("is_active",)
    search_fields = ("words", "note")
