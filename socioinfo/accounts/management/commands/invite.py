from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from socioinfo.accounts.services import invite, send_invitation
from socioinfo.directory.models import Organisation


class Command(BaseCommand):
    help = (
        "Invite someone by e-mail to edit for an organisation (given by IČO, id or exact name) "
        "and print the link. Links in the e-mail start with SOCIOINFO_SITE_URL."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("organisation", help="IČO, id or exact name of the organisation")

    def handle(self, *args, email, organisation, **options):
        lookup = Q(ico=organisation) | Q(name=organisation)
        try:
            import uuid

            lookup |= Q(pk=uuid.UUID(organisation))
        except ValueError:
            pass
        found = list(Organisation.objects.filter(lookup)[:2])
        if len(found) != 1:
            raise CommandError(f"No single organisation matches {organisation!r}.")
        invitation = invite(email=email, organisation=found[0], by=None)
        link = send_invitation(invitation)
        self.stdout.write(link)
