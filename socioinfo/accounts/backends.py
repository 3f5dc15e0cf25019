"""Signing in with e-mail and password."""

from typing import Any

from django.contrib.auth.backends import ModelBackend


class EmailPasswordBackend(ModelBackend):
    """Checks an e-mail address (any letter case) and password, and refuses inactive users.

    It grants no permission: Django's group and user permission tables are not used, so the
    rules predicates (``rules.permissions.ObjectPermissionBackend``) are the only answer to
    ``user.has_perm()``. See docs/permissions.md."""

    def get_user_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()

    def get_group_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return False

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return False

    def with_perm(
        self, perm: Any, is_active: bool = True, include_superusers: bool = True, obj: Any = None
    ) -> Any:  # noqa: E501
        from django.contrib.auth import get_user_model

        return get_user_model()._default_manager.none()
