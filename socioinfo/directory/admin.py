"""Staff editing of the directory: search, filters, inline editing and per-object history."""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from socioinfo.areas.selectors import brno_city_districts
from socioinfo.core.admin import TranslatedModelAdmin
from socioinfo.directory import services as directory_services
from socioinfo.directory.models import (
    AccessibilityFeature,
    AgeGroup,
    ContactPoint,
    Language,
    LifeSituation,
    Location,
    OpeningException,
    OpeningRule,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
    ServiceType,
    TargetGroup,
)


class StaleFilter(admin.SimpleListFilter):
    title = _("data currency")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        days = settings.SOCIOINFO_STALE_AFTER_DAYS
        return [
            (
                "yes",
                ngettext(
                    "not verified for over %(days)d day",
                    "not verified for over %(days)d days",
                    days,
                )
                % {"days": days},
            ),
            ("no", _("verified recently")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.stale()
        if self.value() == "no":
            return queryset.exclude(pk__in=Service.objects.stale().values("pk"))
        return queryset


class CityDistrictFilter(admin.SimpleListFilter):
    title = _("city district")
    parameter_name = "district"
    lookup = "locations__city_district"

    def lookups(self, request, model_admin):
        return [(str(area.pk), area.name) for area in brno_city_districts().order_by("name")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.lookup: self.value()}).distinct()
        return queryset


class LocationDistrictFilter(CityDistrictFilter):
    lookup = "city_district"


class ContactInline(admin.TabularInline):
    model = ContactPoint
    fields = ["kind", "value", "note", "order"]
    extra = 0


class ServiceFormInline(admin.TabularInline):
    model = ServiceFormOffer
    fields = ["form", "capacity", "capacity_unit", "capacity_note", "continuous"]
    extra = 0


class ServiceAtLocationInline(admin.TabularInline):
    model = ServiceAtLocation
    fields = ["location", "note"]
    autocomplete_fields = ["location"]
    extra = 0
    show_change_link = True


class OpeningRuleInline(admin.TabularInline):
    model = OpeningRule
    fields = ["weekday", "opens", "closes", "valid_from", "valid_to", "note"]
    extra = 0


class OpeningExceptionInline(admin.TabularInline):
    model = OpeningException
    fields = ["date", "is_closed", "opens", "closes", "note"]
    extra = 0


class ServiceInline(admin.TabularInline):
    model = Service
    fields = ["name", "service_type", "status", "last_verified_on"]
    extra = 0
    show_change_link = True


@admin.register(Organisation)
class OrganisationAdmin(TranslatedModelAdmin, SimpleHistoryAdmin):
    list_display = ["name", "ico", "legal_form", "source", "is_active"]
    list_filter = ["legal_form", "source", "is_active"]
    search_fields = ["name", "ico", "description"]
    inlines = [ContactInline, ServiceInline]


@admin.register(Service)
class ServiceAdmin(TranslatedModelAdmin, SimpleHistoryAdmin):
    list_display = ["name", "organisation", "service_type", "status", "last_verified_on", "source"]
    list_filter = [
        "status",
        StaleFilter,
        "service_type",
        CityDistrictFilter,
        "target_groups",
        "forms__form",
        "languages",
        "source",
    ]
    search_fields = ["name", "description", "organisation__name", "registry_id"]
    autocomplete_fields = ["organisation", "areas_served"]
    filter_horizontal = ["target_groups", "age_groups", "languages", "accessibility_features"]
    list_select_related = ["organisation", "service_type"]
    date_hierarchy = "last_verified_on"
    inlines = [
        ServiceFormInline,
        ServiceAtLocationInline,
        ContactInline,
        OpeningRuleInline,
        OpeningExceptionInline,
    ]
    fieldsets = [
        (None, {"fields": ["organisation", "name", "service_type", "status", "registry_id"]}),
        (
            _("What and for whom"),
            {
                "fields": [
                    "description",
                    "eligibility",
                    "fees",
                    "is_free",
                    "target_groups",
                    "age_groups",
                ]
            },
        ),
        (_("Languages and accessibility"), {"fields": ["languages", "accessibility_features"]}),
        (_("Areas served"), {"fields": ["areas_served"]}),
        (_("Validity"), {"fields": ["valid_from", "valid_to", "last_verified_on", "source"]}),
    ]


@admin.register(Location)
class LocationAdmin(TranslatedModelAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "organisation", "city_district", "address_point_code"]
    list_filter = [LocationDistrictFilter, "accessibility_features", "source"]
    search_fields = ["name", "street", "organisation__name", "address_point_code"]
    autocomplete_fields = ["organisation"]
    readonly_fields = ["city_district", "municipality"]
    filter_horizontal = ["accessibility_features"]
    list_select_related = ["organisation", "city_district"]

    def save_model(self, request, obj, form, change):
        directory_services.resolve_location_areas(obj)
        super().save_model(request, obj, form, change)


@admin.register(ServiceAtLocation)
class ServiceAtLocationAdmin(SimpleHistoryAdmin):
    list_display = ["service", "location"]
    search_fields = ["service__name", "location__street", "location__name"]
    autocomplete_fields = ["service", "location"]
    inlines = [OpeningRuleInline, OpeningExceptionInline]


@admin.register(LifeSituation)
class LifeSituationAdmin(TranslatedModelAdmin, SimpleHistoryAdmin):
    list_display = ["name", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "summary"]
    filter_horizontal = ["service_types", "target_groups"]


@admin.register(ServiceType)
class ServiceTypeAdmin(TranslatedModelAdmin):
    list_display = ["paragraph", "name", "group", "registry_code"]
    list_filter = ["group"]
    search_fields = ["name", "paragraph", "registry_code"]


@admin.register(TargetGroup)
class TargetGroupAdmin(TranslatedModelAdmin):
    list_display = ["name", "registry_code"]
    search_fields = ["name"]


@admin.register(AgeGroup)
class AgeGroupAdmin(TranslatedModelAdmin):
    list_display = ["name", "min_age", "max_age"]


@admin.register(Language)
class LanguageAdmin(TranslatedModelAdmin):
    list_display = ["code", "name", "native_name"]
    search_fields = ["code", "name"]


@admin.register(AccessibilityFeature)
class AccessibilityFeatureAdmin(TranslatedModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["name"]
