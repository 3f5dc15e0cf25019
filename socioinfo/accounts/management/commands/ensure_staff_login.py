from django.core.management.base import BaseCommand

from socioinfo.accounts.services import reset_staff_login


class Command(BaseCommand):
    help = "Create or reset the demo staff login and print it (a new password each time)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="spravce")

    def handle(self, *args, username, **options):
        user, password = reset_staff_login(username)
        self.stdout.write(
            self.style.SUCCESS(
                "\nStaff login for http://127.0.0.1:8000/admin/\n"
                f"  user:     {user.username}\n  password: {password}\n"
            )
        )
