"""The admin site under the one permission model.

Every ModelAdmin registered on it, by any app, is wrapped so that its view, add, change and
delete checks (and those of its inlines) ask ``user.has_perm(perm, obj)`` with the object, and
its lists hold only the rows the user may see. Entering the admin needs the
``accounts.access_admin`` rule and, for roles that need it, a confirmed second factor; signing
in happens on the site's own login page (django-axes lock-out and TOTP included).
"""

from functools import cache
from typing import Any

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME, get_permission_codename
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _


def _perm(action: str, opts: Any) -> str:
    return f"{opts.app_label}.{get_permission_codename(action, opts)}"


class RulesModelAdminMixin:
    """ModelAdmin permission checks through the rules predicates, with the object. A check the
    admin class makes itself (``has_add_permission`` returning False, say) still applies."""

    opts: Any

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        user = request.user
        allowed = user.has_perm(_perm("view", self.opts), obj) or user.has_perm(
            _perm("change", self.opts), obj
        )
        return allowed and super().has_view_permission(request, obj)  # type: ignore[misc]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        allowed = request.user.has_perm(_perm("add", self.opts), *args[:1])
        return allowed and super().has_add_permission(request, *args)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = request.user.has_perm(_perm("change", self.opts), obj)
        return allowed and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = request.user.has_perm(_perm("delete", self.opts), obj)
        return allowed and super().has_delete_permission(request, obj)  # type: ignore[misc]

    def get_queryset(self, request: HttpRequest) -> models.QuerySet[Any]:
        queryset = super().get_queryset(request)  # type: ignore[misc]
        from socioinfo.directory.ownership import is_owned_model, visible_to

        if is_owned_model(queryset.model):
            return visible_to(request.user, queryset)
        return queryset  # type: ignore[no-any-return]

    def get_inlines(self, request: HttpRequest, obj: Any) -> list[type[Any]]:
        inlines = super().get_inlines(request, obj)  # type: ignore[misc]
        return [with_rules(inline) for inline in inlines]


@cache
def with_rules(admin_class: type[Any]) -> type[Any]:
    """The admin class (or inline) with its permission checks going through the rules
    predicates. Inlines are asked about their parent: may the user change this service's
    hours? ``has_perm("directory.change_openingrule", service)``."""
    if issubclass(admin_class, RulesModelAdminMixin):
        return admin_class
    return type(
        admin_class.__name__,
        (RulesModelAdminMixin, admin_class),
        {"__module__": admin_class.__module__},
    )


class SocioinfoAdminSite(admin.AdminSite):
    site_header = _("Socioinfo administration")
    site_title = _("Socioinfo administration")
    index_title = _("Directory and accounts")

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        super().register(model_or_iterable, with_rules(admin_class or admin.ModelAdmin), **options)

    def has_permission(self, request: HttpRequest) -> bool:
        from socioinfo.accounts.permissions import refusal

        return refusal(request, "accounts.access_admin") is None

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        """One login page for the whole site (lock-out and second factor included)."""
        target = request.GET.get(REDIRECT_FIELD_NAME) or reverse(
            "admin:index", current_app=self.name
        )
        return redirect(f"{reverse('accounts:login')}?{urlencode({REDIRECT_FIELD_NAME: target})}")


class AdminConfig(DjangoAdminConfig):
    default_site = "socioinfo.accounts.admin_site.SocioinfoAdminSite"
