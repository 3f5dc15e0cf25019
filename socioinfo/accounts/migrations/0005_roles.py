"""One group per role (socioinfo.accounts.roles.Role); superusers become administrators.
Groups carry no Django permissions: the rules predicates decide (docs/permissions.md)."""

from django.db import migrations

ROLES = [
    "administrator",
    "city editor",
    "planner",
    "advice worker",
    "intercultural assistant",
    "provider editor",
    "working-group member",
    "subsidy evaluator",
]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("accounts", "User")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    administrators = Group.objects.get(name="administrator")
    for user in User.objects.filter(is_superuser=True):
        user.groups.add(administrators)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0004_memberships_invitations"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_roles, remove_roles),
    ]
