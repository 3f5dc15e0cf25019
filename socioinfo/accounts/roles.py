"""The roles people have. Each role is a Django group of the same name (created by a data
migration), so a person can hold several roles and the admin shows them; what a role may do
is decided only by the predicates in ``socioinfo/*/rules.py`` (see docs/permissions.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("administrator")
    CITY_EDITOR = "city editor", _("city editor")
    PLANNER = "planner", _("planner")
    ADVICE_WORKER = "advice worker", _("advice worker")
    INTERCULTURAL_ASSISTANT = "intercultural assistant", _("intercultural assistant")
    PROVIDER_EDITOR = "provider editor", _("provider editor")
    WORKING_GROUP_MEMBER = "working-group member", _("working-group member")
    SUBSIDY_EVALUATOR = "subsidy evaluator", _("subsidy evaluator")


# Roles that see personal data of clients, unpublished plans or subsidy applications, or change
# public data without review: they must confirm a second factor (TOTP) before any staff page.
# Provider editors' changes are reviewed by the city and working-group members see what is
# shared with the group, so for them the second factor is optional.
SECOND_FACTOR_ROLES = frozenset(
    {
        Role.ADMINISTRATOR,
        Role.CITY_EDITOR,
        Role.PLANNER,
        Role.ADVICE_WORKER,
        Role.INTERCULTURAL_ASSISTANT,
        Role.SUBSIDY_EVALUATOR,
    }
)

# Roles that work in the Django admin at /admin/ (is_staff follows them). Provider editors
# never do: their edits go through the city's review, which the admin would bypass.
ADMIN_SITE_ROLES = frozenset({Role.ADMINISTRATOR, Role.CITY_EDITOR})
