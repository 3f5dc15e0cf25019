"""Users sign in with their e-mail address: the username goes, e-mail becomes unique in any
letter case. Existing users without an e-mail get ``<username>@example.org`` (the demo's staff
login keeps working as spravce@example.org); duplicates get ``+<n>`` before the @."""

from django.db import migrations


def emails_from_usernames(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    seen = set()
    for user in User.objects.order_by("date_joined", "pk"):
        email = (user.email or f"{user.username}@example.org").strip().lower()
        local, _at, domain = email.partition("@")
        candidate, n = email, 1
        while candidate in seen:
            n += 1
            candidate = f"{local}+{n}@{domain}"
        seen.add(candidate)
        if candidate != user.email:
            user.email = candidate
            user.save(update_fields=["email"])


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(emails_from_usernames, migrations.RunPython.noop),
    ]
