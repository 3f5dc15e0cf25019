"""Accounts in the admin: users with their roles and organisations, memberships and
invitations. Roles are edited as a list of checkboxes; the group and permission tables are
not shown, since permissions come only from the rules predicates (docs/permissions.md)."""

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from socioinfo.accounts import services
from socioinfo.accounts.forms import UserAdminChangeForm, UserAdminCreationForm
from socioinfo.accounts.models import Invitation, Membership, User

admin.site.unregister(Group)


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    fields = ["organisation", "created_by", "created_at"]
    readonly_fields = ["created_by", "created_at"]
    autocomplete_fields = ["organisation"]
    extra = 0


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserAdminChangeForm
    add_form = UserAdminCreationForm
    list_display = ["email", "first_name", "last_name", "role_list", "is_active", "last_login"]
    list_filter = ["groups", "is_active"]
    search_fields = ["email", "first_name", "last_name", "memberships__organisation__name"]
    ordering = ["email"]
    readonly_fields = ["last_login", "date_joined", "is_superuser"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name"]}),
        (_("Roles and access"), {"fields": ["roles", "is_active", "is_superuser"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "first_name", "last_name", "roles", "password1", "password2"],
            },
        ),
    ]
    filter_horizontal = ()

    @admin.display(description=_("roles"))
    def role_list(self, obj: User) -> str:
        return ", ".join(sorted(g.name for g in obj.groups.all()))

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).prefetch_related("groups")

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        services.set_roles(obj, form.cleaned_data.get("roles", []))

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        for membership in formset.save(commit=False):
            if membership.created_by_id is None:
                membership.created_by = request.user
            membership.save()
        for gone in formset.deleted_objects:
            gone.delete()


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organisation", "created_by", "created_at"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    readonly_fields = ["created_by"]
    list_select_related = ["user", "organisation", "created_by"]

    def save_model(self, request: HttpRequest, obj: Membership, form: Any, change: bool) -> None:
        if obj.created_by_id is None:
            obj.created_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are sent from /accounts/invitations/; here they are only looked up."""

    list_display = ["email", "organisation", "invited_by", "created_at", "expires_at", "status"]
    search_fields = ["email", "organisation__name"]
    list_select_related = ["organisation", "invited_by"]
    readonly_fields = [
        "email",
        "organisation",
        "invited_by",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
    ]
    fields = (
        "email",
        "organisation",
        "invited_by",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
    )

    @admin.display(description=_("status"))
    def status(self, obj: Invitation) -> str:
        return str(obj.status().label)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
