from django.core.management.base import BaseCommand, CommandError

from socioinfo.accounts.demo import load_demo_accounts
from socioinfo.accounts.roles import SECOND_FACTOR_ROLES


class Command(BaseCommand):
    help = "Create or reset one demo account per role and print them (a new password each time)."

    def handle(self, *args, **options):
        try:
            demo = load_demo_accounts()
        except ValueError as error:
            raise CommandError(str(error)) from error
        lines = ["", "Demo accounts (one password for all of them):"]
        for email, role in demo.accounts:
            note = " (second factor on first sign-in)" if role in SECOND_FACTOR_ROLES else ""
            lines.append(f"  {email:28} {role.value}{note}")
        lines.append(f"  password: {demo.password}")
        lines.append("  poskytovatel@example.org edits for: " + "; ".join(demo.organisations))
        self.stdout.write(self.style.SUCCESS("\n".join(lines) + "\n"))
