from django.core.management.base import BaseCommand

from socioinfo.accounts.services import reset_staff_login


class Command(BaseCommand):
    help = "Create or reset the demo administrator login and print it (a new password each time)."

    def add_arguments(self, parser):
        parser.add_argument("--email", default="spravce@example.org")

    def handle(self, *args, email, **options):
        user, password = reset_staff_login(email)
        self.stdout.write(
            self.style.SUCCESS(
                "\nAdministrator login at http://127.0.0.1:8000/accounts/login/ (then /admin/)\n"
                f"  e-mail:   {user.email}\n  password: {password}\n"
                "  The first sign-in sets up the second factor: scan the QR code with an\n"
                "  authenticator app (Aegis, FreeOTP, Google Authenticator…) or type its key.\n"
            )
        )
